import { RelativeTime } from '@/components/time/relative-time'
import type { Freshness } from '@/lib/status/freshness'

/** One line that says how current the status is, honestly. */
export function FreshnessNote({ freshness, now }: { freshness: Freshness; now: Date }) {
  const renderedAt = now.toISOString()
  const Ago = ({ date }: { date: Date }) => <RelativeTime iso={date.toISOString()} renderedAt={renderedAt} />
  switch (freshness.kind) {
    case 'fresh':
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Last checked <Ago date={freshness.lastCheckedAt} />
        </p>
      )
    case 'stale':
      return (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="status">
          <span aria-hidden="true">⚠ </span>
          This status may be out of date: we last read it successfully <Ago date={freshness.lastSuccessAt} />
          {freshness.error ? ` (our latest check failed: ${freshness.error})` : ''}.
        </p>
      )
    case 'never_succeeded':
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          We tried <Ago date={freshness.lastCheckedAt} /> but could not read this status page yet{freshness.error ? ` (${freshness.error})` : ''}.
        </p>
      )
    default:
      return null
  }
}
