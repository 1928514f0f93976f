import { LocalTime } from '@/components/time/local-time'
import type { PossibleOutageView } from '@/lib/pages/early-warning'
import { evidenceWords, unofficialLabel } from '@/lib/status/early-warning-words'

/**
 * A possible outage: problems our own signals see while the vendor's page may still say all is
 * well. Always labelled unofficial, and kept apart from the status banner, which only ever repeats
 * the vendor's page. The time is in the reader's zone (server-rendered in UTC, swapped on load).
 */
export function PossibleOutageBanner({ outage, vendorName }: { outage: PossibleOutageView; vendorName: string }) {
  const words = evidenceWords(outage.evidence)
  const since = <LocalTime iso={outage.openedAt.toISOString()} style="time" />
  return (
    <section
      aria-labelledby="possible-outage-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-50"
      data-testid="possible-outage"
    >
      <h2 id="possible-outage-heading" className="text-lg font-semibold">
        <span aria-hidden="true">⚠ </span>Possible outage at {vendorName}
      </h2>
      <p className="mt-1">
        {words.reports ? (
          <>
            Users report problems since {since} ({words.reports}){words.probes && <>; {words.probes}</>}.
          </>
        ) : words.probes ? (
          <>
            Our probes see problems since {since} ({words.probes}).
          </>
        ) : (
          <>Our signals have seen problems since {since}.</>
        )}
      </p>
      <p className="mt-2 text-sm font-medium" data-testid="unofficial-label">
        {unofficialLabel(vendorName)}.
      </p>
    </section>
  )
}
