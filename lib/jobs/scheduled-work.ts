// The work the schedule runs, once per tick: one refresh cycle, the cached pages it changed
// dropped, the vendors' probes requested (./probes.ts), then the alerts it produced sent. The one
// entry for both callers: the cron route (Vercel Cron, an operator) and, through that route, the
// in-process schedule (./in-process-schedule.ts says why it goes through the route).
import { markVendorDue } from '@/lib/data/due-vendors'
import type { ChangedVendor, RefreshOptions, RefreshSummary } from '@/lib/ingest/refresh'
import type { NotifierResult } from '@/lib/notify/run'
import type { ChannelRunResult } from '@/lib/channels/outbox'
import { shutdownSignal } from '@/lib/shutdown'
import { isSlug } from '@/lib/validation/url-input'
import { identifyCronCaller } from './cron-caller'
import { evaluateEarlyWarning } from './early-warning'
import { fetchSomeMissingLogos } from './logos'
import { notifyWatchers } from './notify'
import { probeDueVendors } from './probes'
import { refreshDueVendors } from './refresh'

export type { ChangedVendor }

/** What a caller reports of the refresh: the cycle's summary, without what only the pages need. */
export type RefreshReport = Omit<RefreshSummary, 'changedVendors'>

export interface ScheduledWorkRequest {
  /** The request's Authorization header: who is asking decides whether it runs and the run's trigger. */
  authorization: string | null
  /** Make this vendor due now and check it before any other (an operator's "check it again now"). */
  vendorSlug?: string
  /** How long the cycle keeps claiming vendors, and how long the notifier then gets, in ms. */
  refreshBudgetMs: number
  notifyBudgetMs: number
  /**
   * Drops the cached copies of the pages that show these vendors. Injected by the caller: which URLs
   * show a vendor is the page layer's knowledge, and dropping them needs a Next.js request.
   */
  dropChangedPages: (changes: readonly ChangedVendor[]) => void
}

export type ScheduledWorkOutcome =
  /** Production without CRON_SECRET: the route is off. */
  | { kind: 'not-configured' }
  /** No or a wrong bearer token. */
  | { kind: 'unauthorized' }
  /** The server is stopping: nothing was run. */
  | { kind: 'stopping' }
  /** `vendorSlug` names no vendor; `slug` is null when it is not even a slug (never echo it then). */
  | { kind: 'unknown-vendor'; slug: string | null }
  /** The cycle itself failed (logged); nothing is known of what it did. */
  | { kind: 'refresh-failed' }
  /** `notify` is null when the cycle was interrupted by a stop: the alerts wait in the outbox. */
  | { kind: 'done'; refresh: RefreshReport; notify: (NotifierResult & { channels: ChannelRunResult | null }) | null }
  /** The refresh is recorded; the alerts wait in the outbox for the next run (logged). */
  | { kind: 'notify-failed'; refresh: RefreshReport }

export async function runScheduledWork(request: ScheduledWorkRequest): Promise<ScheduledWorkOutcome> {
  const caller = identifyCronCaller(request.authorization)
  if (caller === 'not-configured' || caller === 'unauthorized') return { kind: caller }
  if (shutdownSignal().aborted) return { kind: 'stopping' }
  const { vendorSlug } = request
  const trigger: RefreshOptions['trigger'] = caller === 'scheduler' ? 'scheduler' : vendorSlug === undefined ? 'cron' : 'manual'
  // markVendorDue refuses anything that is not a slug, so a hostile value is a plain miss.
  if (vendorSlug !== undefined && !(await markVendorDue(vendorSlug))) return { kind: 'unknown-vendor', slug: isSlug(vendorSlug) ? vendorSlug : null }
  let refresh: RefreshReport
  try {
    const { changedVendors, ...summary } = await refreshDueVendors(trigger, request.refreshBudgetMs, vendorSlug)
    request.dropChangedPages(changedVendors)
    refresh = summary
  } catch (e) {
    console.error('[cron] refresh failed:', e)
    return { kind: 'refresh-failed' }
  }
  if (refresh.interrupted) return { kind: 'done', refresh, notify: null }
  // Our own probes of the vendors' APIs (./probes.ts): time-boxed to a few seconds, logged on failure.
  await probeDueVendors()
  // Our early-warning signal (./early-warning.ts), after the refresh and the probes and before the
  // alerts, so a possible outage opened now is sent in this run. Logged on failure. The pages that
  // show an outage that opened or closed (the vendor's banner, the home list) are dropped at once.
  const earlyWarning = await evaluateEarlyWarning()
  if (earlyWarning?.changedVendors.length) request.dropChangedPages(earlyWarning.changedVendors.map((v) => ({ ...v, incidentIds: [] })))
  let outcome: ScheduledWorkOutcome
  try {
    outcome = { kind: 'done', refresh, notify: await notifyWatchers(request.notifyBudgetMs) }
  } catch (e) {
    console.error('[cron] notifier failed:', e)
    outcome = { kind: 'notify-failed', refresh }
  }
  // After the alerts, never before them: a few vendors without a logo get theirs (./logos.ts).
  if (!shutdownSignal().aborted) await fetchSomeMissingLogos()
  return outcome
}
