import Link from 'next/link'
import { LocalTime } from '@/components/time/local-time'
import type { IncidentListItem } from '@/lib/data/vendor-history'
import { formatElapsed } from '@/lib/format/date-time'
import { ImpactBadge } from './impact-badge'
import { incidentStateLabel } from './incident-meta'

/** Past and present incidents, newest first: impact, status, start, duration, postmortem. */
export function IncidentHistoryList({ incidents, vendorSlug, now }: { incidents: IncidentListItem[]; vendorSlug: string; now: Date }) {
  if (incidents.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No incidents recorded.</p>
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {incidents.map((i) => (
        <li key={i.id} className="px-4 py-3">
          <Link href={`/vendors/${vendorSlug}/incidents/${i.id}`} className="font-medium hover:underline">
            {i.title}
          </Link>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
            <ImpactBadge impact={i.impact} />
            <span>{incidentStateLabel(i.status)}</span>
            <span>
              · <LocalTime iso={i.startedAt.toISOString()} />
            </span>
            <span>· {i.resolvedAt ? `lasted ${formatElapsed(i.resolvedAt.getTime() - i.startedAt.getTime())}` : `ongoing for ${formatElapsed(now.getTime() - i.startedAt.getTime())}`}</span>
            {i.hasPostmortem && <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700 dark:bg-brand-500/10 dark:text-brand-400">Postmortem</span>}
          </p>
        </li>
      ))}
    </ul>
  )
}
