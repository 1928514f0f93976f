// What the signed-in dashboard shows, loaded in one call: the account, the watchlist (with the
// watches a downgrade paused), the last 30 days of incidents at watched vendors, the plan, the
// alert switches and, when the visitor searched, the vendors found. Every read is the user's own.
import { pausedWatchIds } from '@/lib/billing/paused'
import { PLANS } from '@/lib/plans/plans'
import { getAlertSwitches } from '@/lib/data/alerts'
import { getBillingState } from '@/lib/data/billing'
import { getAccount } from '@/lib/data/users'
import { searchVendors } from '@/lib/data/vendors'
import { listWatchlist, listWatchlistIncidents } from '@/lib/data/watchlist'
import { billingEnabled } from '@/lib/env'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'

export const FEED_DAYS = 30
const SEARCH_RESULTS = 8

export type DashboardModel = Awaited<ReturnType<typeof loadDashboard>>

/** `q`: the search box's raw query parameter; an invalid one is no search. */
export async function loadDashboard(userId: string, q: unknown, now: Date) {
  const parsed = vendorQuerySchema.safeParse({ q, limit: String(SEARCH_RESULTS) })
  const query = parsed.success && parsed.data.q ? parsed.data : null
  const [account, entries, incidents, billing, results, alertSwitches] = await Promise.all([
    getAccount(userId),
    listWatchlist(userId),
    listWatchlistIncidents(userId, now, FEED_DAYS),
    getBillingState(userId),
    query ? searchVendors(query) : null,
    getAlertSwitches(userId),
  ])
  const plan = PLANS[billing.plan]
  return {
    account,
    entries,
    incidents,
    billing,
    /** The search as understood, and what it found; null without a (valid) search. */
    search: query && results ? { q: query.q ?? '', results } : null,
    alertSwitches,
    plan,
    limit: plan.watchlistLimit,
    timeZone: account?.timeZone ?? 'UTC',
    pausedIds: pausedWatchIds(entries, plan.watchlistLimit),
    /** "Manage billing" needs Stripe configured here and a Stripe customer for this user. */
    /** Pro can be bought here: without billing configured no page offers an upgrade. */
    canUpgrade: billingEnabled,
    canManageBilling: billingEnabled && Boolean(billing.stripeCustomerId),
  }
}
