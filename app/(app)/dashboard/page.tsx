import type { Metadata } from 'next'
import Link from 'next/link'
import { BillingButton } from '@/components/billing/billing-button'
import { openBillingPortalAction } from '@/lib/actions/billing'
import { PlanNotices } from '@/components/billing/plan-notices'
import { Card } from '@/components/ui/card'
import { AlertsOffBanner } from '@/components/watchlist/alerts-off-banner'
import { IncidentFeed } from '@/components/watchlist/incident-feed'
import { VendorSearchResults } from '@/components/watchlist/vendor-search-results'
import { WatchlistList } from '@/components/watchlist/watchlist-list'
import { setAlertsAction } from '@/lib/actions/alerts'
import { requireUser } from '@/lib/auth/session'
import { UPGRADE_PATH } from '@/lib/plans/plans'
import { refreshIntervalMs } from '@/lib/env'
import { FEED_DAYS, loadDashboard } from '@/lib/pages/dashboard'
import { AddStatusPageForm } from '@/components/watchlist/add-status-page-form'
import { addStatusPageAction } from './actions'
import { VerifyEmailBanner } from './verify-email-banner'

export const metadata: Metadata = { title: 'Dashboard' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/dashboard')
  const now = new Date()
  const { account, entries, incidents, billing, search, alertSwitches, plan, limit, timeZone, pausedIds: paused, canManageBilling, canUpgrade } = await loadDashboard(
    user.id,
    (await searchParams).q,
    now,
  )

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Watching {entries.length} of {limit} vendors on the {plan.name} plan.
          </p>
        </div>
        {canManageBilling && <BillingButton action={openBillingPortalAction} label="Manage billing" variant="secondary" />}
      </div>
      {account && !account.emailVerified && <VerifyEmailBanner email={account.email} />}
      <AlertsOffBanner switches={alertSwitches} action={setAlertsAction} />
      <PlanNotices billing={billing} pausedCount={paused.size} timeZone={timeZone} canUpgrade={canUpgrade} />

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
                  <Link href="/vendors" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
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
        <aside aria-label="Add vendors" className={`space-y-4 ${entries.length === 0 || search ? 'order-first lg:order-none' : ''}`}>
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
                defaultValue={search?.q}
                placeholder="e.g. Stripe"
                autoComplete="off"
                className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900"
              />
              <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
                Search
              </button>
            </form>
            {search && <VendorSearchResults vendors={search.results.vendors} total={search.results.total} totalCapped={search.results.totalCapped} q={search.q} />}
          </Card>
          <Card className="p-4">
            <AddStatusPageForm action={addStatusPageAction} />
          </Card>
          <p className="px-1 text-sm text-slate-600 dark:text-slate-400">
            {entries.length >= limit ? 'Your watchlist is full. ' : `${limit - entries.length} of ${limit} slots left. `}
            {billing.plan === 'free' && canUpgrade && (
              <Link href={UPGRADE_PATH} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
                See plans
              </Link>
            )}
          </p>
        </aside>
      </div>
    </div>
  )
}
