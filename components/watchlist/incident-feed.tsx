import Link from 'next/link'
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from '@/lib/format/status-labels'
import type { WatchlistIncident } from '@/lib/data/watchlist'
import { formatElapsed } from '@/lib/format/date-time'
import { formatInTimeZone } from '@/lib/format/zoned'
import { isIncidentOver } from '@/lib/status/lifecycle'

const impactDot: Record<WatchlistIncident['impact'], string> = {
  critical: 'bg-red-600',
  major: 'bg-orange-500',
  minor: 'bg-yellow-400',
  none: 'bg-slate-400',
  unknown: 'bg-slate-400',
}

/** Incidents across the watchlist, newest first, times in the user's zone. */
export function IncidentFeed({ incidents, timeZone, now }: { incidents: WatchlistIncident[]; timeZone: string; now: Date }) {
  return (
    <ol className="space-y-3">
      {incidents.map((incident) => {
        const open = !isIncidentOver(incident)
        const end = incident.resolvedAt ?? now
        return (
          <li key={incident.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <span aria-hidden="true" className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${impactDot[incident.impact]}`} />
            <div className="min-w-0 space-y-1">
              <p className="text-sm">
                <Link href={`/vendors/${incident.vendor.slug}`} className="font-medium hover:underline">
                  {incident.vendor.name}
                </Link>
                <span className="text-slate-400" aria-hidden="true">
                  {' '}
                  ·{' '}
                </span>
                <span className="text-slate-800 dark:text-slate-200">{incident.title}</span>
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                <span className={open ? 'font-medium text-red-700 dark:text-red-300' : undefined}>{open ? `Ongoing · ${INCIDENT_STATUS_LABEL[incident.status]}` : 'Resolved'}</span>
                {' · '}
                {IMPACT_LABEL[incident.impact]}
                {' · '}
                <time dateTime={incident.startedAt.toISOString()}>{formatInTimeZone(incident.startedAt, timeZone)}</time>
                {' · '}
                {open ? `${formatElapsed(end.getTime() - incident.startedAt.getTime())} so far` : `lasted ${formatElapsed(end.getTime() - incident.startedAt.getTime())}`}
              </p>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
