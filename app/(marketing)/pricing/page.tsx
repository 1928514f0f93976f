import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FREE_WATCHLIST_LIMIT } from '@/lib/billing/plans'

export const metadata: Metadata = { title: 'Pricing', description: `Watch up to ${FREE_WATCHLIST_LIMIT} vendors free. A paid plan for bigger watchlists is coming.` }

const FREE_FEATURES = [`Watch up to ${FREE_WATCHLIST_LIMIT} vendors`, 'Email alerts for incidents and maintenance', 'Per-vendor alert preferences', 'Instant alerts or a daily digest']

export default function PricingPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-10">
      <div className="text-center">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Pricing</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-400">Start free. Bigger watchlists are coming soon.</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card className="flex flex-col p-6">
          <h2 className="text-lg font-semibold">Free</h2>
          <p className="mt-1 text-3xl font-semibold">
            $0 <span className="text-base font-normal text-slate-500 dark:text-slate-400">forever</span>
          </p>
          <ul className="mt-5 flex-1 space-y-2 text-sm text-slate-700 dark:text-slate-300">
            {FREE_FEATURES.map((f) => (
              <li key={f} className="flex gap-2">
                <span aria-hidden="true" className="text-brand-600 dark:text-brand-500">
                  ✓
                </span>
                {f}
              </li>
            ))}
          </ul>
          <Link href="/sign-up" className={`${buttonClass.primary} mt-6`}>
            Create a free account
          </Link>
        </Card>
        <Card className="flex flex-col border-dashed p-6">
          <h2 className="text-lg font-semibold">Pro</h2>
          <p className="mt-1 text-3xl font-semibold text-slate-400 dark:text-slate-500">Coming soon</p>
          <p className="mt-5 flex-1 text-sm text-slate-700 dark:text-slate-300">
            For teams that depend on more than {FREE_WATCHLIST_LIMIT} services: a much larger watchlist and everything in Free. Until it launches, the Free plan is
            all there is, and your watchlist keeps working as it is.
          </p>
          <span className={`${buttonClass.secondary} mt-6 cursor-default opacity-70`} aria-disabled="true">
            Not available yet
          </span>
        </Card>
      </div>
    </div>
  )
}
