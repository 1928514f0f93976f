import type { Metadata } from 'next'
import Link from 'next/link'
import { openBillingPortalAction } from '@/app/(app)/billing/actions'
import { BillingButton } from '@/components/billing/billing-button'
import { PlanNotices } from '@/components/billing/plan-notices'
import { Card } from '@/components/ui/card'
import { AlertsOffBanner } from '@/components/watchlist/alerts-off-banner'
import { IncidentFeed } from '@/components/watchlist/incident-feed'
import { VendorSearchResults } from '@/components/watchlist/vendor-search-results'
import { WatchlistList } from '@/components/watchlist/watchlist-list'
import { requireUser } from '@/lib/auth/session'
import { pausedWatchIds } from '@/lib/billing/paused'
import { PLANS, UPGRADE_PATH } from '@/lib/plans/plans'
import { getAlertSwitches } from '@/lib/data/alerts'
import { getBillingState } from '@/lib/data/billing'
import { getAccount } from '@/lib/data/users'
import { searchVendors } from '@/lib/data/vendors'
import { listWatchlist, listWatchlistIncidents } from '@/lib/data/watchlist'
import { billingEnabled, refreshIntervalMs } from '@/lib/env'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'
import { setAlertsAction } from './actions'
import { VerifyEmailBanner } from './verify-email-banner'

export const metadata: Metadata = { title: 'Dashboard' }
export const dynamic = 'force-dynamic'

const FEED_DAYS = 30
const SEARCH_RESULTS = 8
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/dashboard')
  const now = new Date()
  const q = vendorQuerySchema.safeParse({ q: (await searchParams).q, limit: String(SEARCH_RESULTS) })
  const query = q.success && q.data.q ? q.data : null
  const [account, entries, incidents, billing, results, alertSwitches] = await Promise.all([
    getAccount(user.id),
    listWatchlist(user.id),
    listWatchlistIncidents(user.id, now, FEED_DAYS),
    getBillingState(user.id),
    query ? searchVendors(query) : null,
    getAlertSwitches(user.id),
  ])
  const { plan } = billing
  const limit = PLANS[plan].watchlistLimit
  const timeZone = account?.timeZone ?? 'UTC'
  const paused = pausedWatchIds(entries, limit)

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Watching {entries.length} of {limit} vendors on the {PLANS[plan].name} plan.
          </p>
        </div>
        {billingEnabled && billing.stripeCustomerId && <BillingButton action={openBillingPortalAction} label="Manage billing" variant="secondary" />}
      </div>
      {account && !account.emailVerified && <VerifyEmailBanner email={account.email} />}
      <AlertsOffBanner switches={alertSwitches} action={setAlertsAction} />
      <PlanNotices billing={billing} pausedCount={paused.size} timeZone={timeZone} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="watchlist-heading" className="space-y-3">
            <h2 id="watchlist-heading" className="text-lg font-semibold">
              Your watchlist
            </h2>
            {entries.length > 0 ? (
              <WatchlistList entries={entries} now={now} intervalMs={refreshIntervalMs} pausedIds={paused} />
            ) : (
              <Card className="p-6 text-center text-slate-600 dark:text-slate-400">
                <p className="font-medium text-slate-800 dark:text-slate-200">You are not watching any vendors yet.</p>
                <p className="mt-1 text-sm">
                  Search for the services you depend on, or{' '}
                  <Link href="/vendors" className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                    browse the directory
                  </Link>
                  .
                </p>
              </Card>
            )}
          </section>

          <section aria-labelledby="feed-heading" className="space-y-3">
            <h2 id="feed-heading" className="text-lg font-semibold">
              Incidents in the last {FEED_DAYS} days
            </h2>
            {incidents.length > 0 ? (
              <IncidentFeed incidents={incidents} timeZone={timeZone} now={now} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {entries.length > 0 ? 'No incidents at your vendors in the last 30 days. Quiet is good.' : 'Incidents of the vendors you watch will show up here.'}
              </p>
            )}
          </section>
        </div>

        {/* On phones the search comes first while there is nothing to watch yet, or a search to show. */}
        <aside aria-label="Add vendors" className={`space-y-4 ${entries.length === 0 || query ? 'order-first lg:order-none' : ''}`}>
          <Card className="space-y-3 p-4">
            <h2 className="font-semibold">Add vendors</h2>
            <form action="/dashboard" method="get" role="search" className="flex gap-2">
              <label htmlFor="dashboard-q" className="sr-only">
                Search vendors to watch
              </label>
              <input
                id="dashboard-q"
                name="q"
                type="search"
                defaultValue={query?.q}
                placeholder="e.g. Stripe"
                autoComplete="off"
                className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900"
              />
              <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
                Search
              </button>
            </form>
            {results && query && <VendorSearchResults vendors={results.vendors} total={results.total} q={query.q ?? ''} />}
          </Card>
          <p className="px-1 text-sm text-slate-600 dark:text-slate-400">
            {entries.length >= limit ? 'Your watchlist is full. ' : `${limit - entries.length} of ${limit} slots left. `}
            {plan === 'free' && (
              <Link href={UPGRADE_PATH} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                See plans
              </Link>
            )}
          </p>
        </aside>
      </div>
    </div>
  )
}
