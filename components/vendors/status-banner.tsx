import Link from 'next/link'
import type { ServiceStatus } from '@/lib/status/statuses'
import type { Freshness } from '@/lib/status/freshness'
import { statusHeadline } from '@/lib/status/headline'
import type { MaintenanceStatus } from '@/lib/status/statuses'
import { FreshnessNote, SourceChangedNote } from './freshness-note'
import { STATUS_META } from './status-meta'

const BANNER_CLASS: Record<ServiceStatus, string> = {
  operational: 'border-emerald-300 bg-emerald-50 dark:border-emerald-500/40 dark:bg-emerald-500/10',
  degraded: 'border-yellow-300 bg-yellow-50 dark:border-yellow-400/40 dark:bg-yellow-400/10',
  partial_outage: 'border-orange-300 bg-orange-50 dark:border-orange-400/40 dark:bg-orange-400/10',
  major_outage: 'border-red-300 bg-red-50 dark:border-red-500/40 dark:bg-red-500/10',
  maintenance: 'border-sky-300 bg-sky-50 dark:border-sky-400/40 dark:bg-sky-400/10',
  unknown: 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800/50',
}

/** The open incident the banner names (the worst one), and how many others are open. */
export interface BannerIncident {
  title: string
  href: string
  others: number
}

/**
 * The vendor's overall status in one sentence. Only shown once we have read the status page; the
 * page says "not checked yet" instead of guessing before that. With incidents open it names the
 * worst of them: the status may be raised by it (lib/status/open-incidents.ts), and the reader
 * should see why.
 */
export function StatusBanner({
  status,
  statusText,
  maintenances = [],
  detail,
  incident,
  freshness,
  sourceChanged = false,
  vendorName,
  now,
}: {
  status: ServiceStatus
  statusText: string | null
  /** The vendor's maintenance windows: a running one makes the headline say maintenance. */
  maintenances?: readonly { status: MaintenanceStatus }[]
  detail?: string
  incident?: BannerIncident | null
  freshness: Freshness
  /** The vendor's page seems to have moved platform or host: say the status may be out of date. */
  sourceChanged?: boolean
  vendorName: string
  now: Date
}) {
  const meta = STATUS_META[status]
  const headline = statusHeadline({ status, statusText, maintenances })
  return (
    <section aria-labelledby="status-heading" className={`rounded-lg border p-5 ${BANNER_CLASS[status]}`}>
      <div className="flex items-start gap-3">
        <span aria-hidden="true" className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-bold text-white ${meta.dotClass}`}>
          {meta.symbol}
        </span>
        <div className="min-w-0 space-y-1">
          <h2 id="status-heading" className="text-xl font-semibold">
            {headline}
          </h2>
          {statusText && statusText.toLowerCase() !== headline.toLowerCase() && <p className="text-sm">Their page says: “{statusText}”</p>}
          {incident && (
            <p className="text-sm" data-testid="banner-incident">
              Active incident:{' '}
              <Link href={incident.href} className="font-medium underline">
                {incident.title}
              </Link>
              {incident.others > 0 && ` and ${incident.others} more`}
            </p>
          )}
          {detail && <p className="text-sm">{detail}</p>}
          <FreshnessNote freshness={freshness} vendorName={vendorName} now={now} />
          {sourceChanged && <SourceChangedNote vendorName={vendorName} />}
        </div>
      </div>
    </section>
  )
}
