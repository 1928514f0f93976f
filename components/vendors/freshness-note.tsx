import { LocalTime } from '@/components/time/local-time'
import { RelativeTime } from '@/components/time/relative-time'
import type { Freshness } from '@/lib/status/freshness'

/**
 * One line that says how current the status is, honestly and in plain words. The upstream error
 * text (`queryA ENOTFOUND …`) is for operators (/api/health, the vendor JSON), never for this
 * public page: a reader needs to know that we cannot read the page and since when, not why.
 */
export function FreshnessNote({ freshness, vendorName, now }: { freshness: Freshness; vendorName: string; now: Date }) {
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
      // `error` is set only while our reads keep failing; without it the status is merely old.
      return (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="status">
          <span aria-hidden="true">⚠ </span>
          {freshness.error !== null ? (
            <>
              We cannot read {vendorName}&apos;s status page right now (since <LocalTime iso={freshness.lastSuccessAt.toISOString()} />
              ), so this status may be out of date: it is what we last read, <Ago date={freshness.lastSuccessAt} />.
            </>
          ) : (
            <>
              This status may be out of date: we last read it successfully <Ago date={freshness.lastSuccessAt} />.
            </>
          )}
        </p>
      )
    case 'never_succeeded':
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          We cannot read {vendorName}&apos;s status page right now: none of our checks has worked yet (the latest <Ago date={freshness.lastCheckedAt} />
          ).
        </p>
      )
    default:
      return null
  }
}

/**
 * The vendor's status page seems to have moved (another host, or another platform's answers):
 * what we read may no longer be its current page. Never an outage, and no detail for the public.
 */
export function SourceChangedNote({ vendorName }: { vendorName: string }) {
  return (
    <p className="text-sm font-medium text-amber-800 dark:text-amber-300" role="status" data-testid="source-changed">
      <span aria-hidden="true">⚠ </span>
      {vendorName}&apos;s status page seems to have moved or changed how it publishes its status, so this status may be out of date. Check the
      official page.
    </p>
  )
}
