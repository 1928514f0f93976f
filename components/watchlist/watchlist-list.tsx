import Link from 'next/link'
import { VendorStatus } from '@/components/vendors/vendor-status'
import { isMonitoredSource } from '@/lib/catalog/platforms'
import type { WatchedVendor } from '@/lib/data/watchlist'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { freshness } from '@/lib/status/freshness'
import { alertSummary } from './alert-summary'
import { WatchButton } from './watch-button'

/** How current a watched vendor's status is, in a few words. */
function lastCheck(entry: WatchedVendor, now: Date, intervalMs: number): { text: string; stale: boolean } | null {
  const f = freshness(entry.vendor.source, isMonitoredSource(entry.vendor.source), now, intervalMs)
  switch (f.kind) {
    case 'fresh':
      return { text: `Checked ${formatRelativeTime(f.lastCheckedAt, now)}`, stale: false }
    case 'stale':
      return { text: `${f.error !== null ? 'Cannot read its status page right now' : 'May be out of date'} · last read ${formatRelativeTime(f.lastSuccessAt, now)}`, stale: true }
    case 'never_succeeded':
      return { text: 'Cannot read its status page right now', stale: true }
    // The badge already says so.
    case 'never_checked':
    case 'unmonitored':
      return null
  }
}

/** `pausedIds`: watches beyond the plan's limit (after a downgrade); they stay listed but do not alert. */
export function WatchlistList({ entries, now, intervalMs, pausedIds }: { entries: WatchedVendor[]; now: Date; intervalMs: number; pausedIds: ReadonlySet<string> }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {entries.map((entry) => {
        const { vendor } = entry
        const active = vendor._count.incidents
        const check = lastCheck(entry, now, intervalMs)
        return (
          <li key={vendor.slug} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={`/vendors/${vendor.slug}`} className="min-w-0 font-medium break-words hover:underline">
                  {vendor.name}
                </Link>
                <VendorStatus vendor={vendor} />
                {pausedIds.has(entry.id) && (
                  <span
                    title="Beyond your plan's limit: no alerts until there is room on your watchlist"
                    className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200"
                  >
                    Paused
                  </span>
                )}
              </div>
              {(active > 0 || check) && (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {active > 0 && (
                    <span className="font-medium text-red-700 dark:text-red-300">
                      {active} active {active === 1 ? 'incident' : 'incidents'}
                      {check && ' · '}
                    </span>
                  )}
                  {check && <span className={check.stale ? 'text-amber-800 dark:text-amber-300' : undefined}>{check.text}</span>}
                </p>
              )}
              <p className="hidden text-xs text-slate-500 sm:block dark:text-slate-400">
                Alerts: {pausedIds.has(entry.id) ? 'paused (plan limit)' : alertSummary({ ...entry, componentCount: entry._count.components })}
              </p>
            </div>
            <div className="flex shrink-0 items-start gap-2">
              <Link
                href={`/watchlist/${vendor.slug}`}
                aria-label={`Alert settings for ${vendor.name}`}
                className="inline-flex items-center rounded-md px-2.5 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800"
              >
                Alert settings
              </Link>
              <WatchButton vendor={vendor} />
            </div>
          </li>
        )
      })}
    </ul>
  )
}
