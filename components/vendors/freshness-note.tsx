import type { Freshness } from '@/lib/ingest/freshness'
import { formatRelativeTime } from '@/lib/format/relative-time'

const Ago = ({ date, now }: { date: Date; now: Date }) => <time dateTime={date.toISOString()}>{formatRelativeTime(date, now)}</time>

/** One line that says how current the status is, honestly. */
export function FreshnessNote({ freshness, now }: { freshness: Freshness; now: Date }) {
  switch (freshness.kind) {
    case 'fresh':
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Last checked <Ago date={freshness.lastCheckedAt} now={now} />
        </p>
      )
    case 'stale':
      return (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="status">
          <span aria-hidden="true">⚠ </span>
          This status may be out of date: we last read it successfully <Ago date={freshness.lastSuccessAt} now={now} />
          {freshness.error ? ` (our latest check failed: ${freshness.error})` : ''}.
        </p>
      )
    case 'never_succeeded':
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          We tried <Ago date={freshness.lastCheckedAt} now={now} /> but could not read this status page yet{freshness.error ? ` (${freshness.error})` : ''}.
        </p>
      )
    default:
      return null
  }
}
