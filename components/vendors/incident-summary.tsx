import type { IncidentDetail } from '@/lib/data/vendor-status'
import { formatDuration, formatUtc } from '@/lib/format/date-time'
import { formatRelativeTime } from '@/lib/format/relative-time'

const STATUS_LABEL: Record<IncidentDetail['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  unknown: 'Status unknown',
}

const IMPACT_LABEL: Record<IncidentDetail['impact'], string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
  unknown: 'Impact unknown',
}

export const incidentStatusLabel = (s: IncidentDetail['status']) => STATUS_LABEL[s]
export const incidentImpactLabel = (i: IncidentDetail['impact']) => IMPACT_LABEL[i]

/** An open incident: what it is, how bad, since when, and the vendor's latest word on it. */
export function IncidentSummary({ incident, now }: { incident: IncidentDetail; now: Date }) {
  const latest = incident.updates[0]
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 className="font-semibold">{incident.title}</h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-800 dark:text-slate-200">{STATUS_LABEL[incident.status]}</span> · {IMPACT_LABEL[incident.impact]} · started{' '}
        <time dateTime={incident.startedAt.toISOString()} title={formatUtc(incident.startedAt)}>
          {formatRelativeTime(incident.startedAt, now)}
        </time>{' '}
        ({formatDuration(now.getTime() - incident.startedAt.getTime())} so far)
      </p>
      {incident.components.length > 0 && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Affects: {incident.components.map((c) => c.component.name).join(', ')}</p>
      )}
      {latest && (
        <div className="mt-3 border-l-2 border-slate-300 pl-3 dark:border-slate-700">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            Latest update · {STATUS_LABEL[latest.status]} ·{' '}
            <time dateTime={latest.publishedAt.toISOString()}>{formatRelativeTime(latest.publishedAt, now)}</time>
          </p>
          <p className="mt-1 whitespace-pre-line text-sm">{latest.body}</p>
        </div>
      )}
      {incident.url && (
        <a href={incident.url} rel="noopener noreferrer nofollow" target="_blank" className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
          View on the vendor&apos;s status page ↗
        </a>
      )}
    </article>
  )
}
