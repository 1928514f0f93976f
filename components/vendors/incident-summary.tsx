import Link from 'next/link'
import { RelativeTime } from '@/components/time/relative-time'
import type { IncidentDetail } from '@/lib/data/vendor-status'
import { ImpactBadge } from './impact-badge'
import { INCIDENT_STATUS_LABEL } from './incident-meta'
import { UpstreamText } from './upstream-text'

/** An open incident: what it is, how bad, since when, and the vendor's latest word on it. */
export function IncidentSummary({ incident, vendorSlug, now }: { incident: IncidentDetail; vendorSlug: string; now: Date }) {
  const latest = incident.updates[0]
  const renderedAt = now.toISOString()
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 className="font-semibold">
        <Link href={`/vendors/${vendorSlug}/incidents/${incident.id}`} className="hover:underline">
          {incident.title}
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
        <ImpactBadge impact={incident.impact} />
        <span className="font-medium text-slate-800 dark:text-slate-200">{INCIDENT_STATUS_LABEL[incident.status]}</span>
        <span>
          · started <RelativeTime iso={incident.startedAt.toISOString()} renderedAt={renderedAt} />
        </span>
      </p>
      {incident.components.length > 0 && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Affects: {incident.components.map((c) => c.component.name).join(', ')}</p>
      )}
      {latest && (
        <div className="mt-3 border-l-2 border-slate-300 pl-3 dark:border-slate-700">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Latest update · {INCIDENT_STATUS_LABEL[latest.status]} ·{' '}
            {latest.timeUnknown ? <span data-testid="update-time-unknown">time unknown</span> : <RelativeTime iso={latest.publishedAt.toISOString()} renderedAt={renderedAt} />}
          </p>
          <UpstreamText body={latest.body} className="mt-1" />
        </div>
      )}
      <p className="mt-3 text-sm">
        <Link href={`/vendors/${vendorSlug}/incidents/${incident.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
          All {incident.updates.length} {incident.updates.length === 1 ? 'update' : 'updates'} →
        </Link>
      </p>
    </article>
  )
}
