import type { Metadata } from 'next'
import Link from 'next/link'
import { openBillingPortalAction, startProCheckoutAction } from '@/lib/actions/billing'
import { BillingButton } from '@/components/billing/billing-button'
import { FreeOnlyPricing } from '@/components/billing/free-only-pricing'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PLANS, type Plan } from '@/lib/plans/plans'
import { billingEnabled } from '@/lib/env'
import { loadPricing } from '@/lib/pages/pricing'

export function generateMetadata(): Metadata {
  return {
    title: 'Pricing',
    description: billingEnabled
      ? `Watch up to ${PLANS.free.watchlistLimit} vendors free; Pro watches up to ${PLANS.pro.watchlistLimit}.`
      : `Watch up to ${PLANS.free.watchlistLimit} vendors free.`,
  }
}
// The Pro price comes from Stripe and the buttons depend on the reader's plan.
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function FeatureList({ plan }: { plan: Plan }) {
  return (
    <ul className="mt-5 flex-1 space-y-2 text-sm text-slate-700 dark:text-slate-300">
      {PLANS[plan].features.map((f) => (
        <li key={f} className="flex gap-2">
          <span aria-hidden="true" className="text-brand-600 dark:text-brand-400">
            ✓
          </span>
          {f}
        </li>
      ))}
    </ul>
  )
}

export default async function PricingPage({ searchParams }: { searchParams: SearchParams }) {
  const [{ signedIn, plan, price, billingEnabled }, { checkout }] = await Promise.all([loadPricing(), searchParams])
  // Without billing there is one plan and nothing to sell: say so, offer nothing else.
  if (!billingEnabled) return <FreeOnlyPricing signedIn={signedIn} />

  return (
    <div className="mx-auto max-w-4xl space-y-10">
      <div className="text-center">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Pricing</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-400">
          Start free with {PLANS.free.watchlistLimit} vendors. Go Pro when your stack is bigger than that.
        </p>
      </div>
      {checkout === 'cancelled' && <Alert tone="info">Checkout was cancelled and nothing was charged. You are still on your current plan.</Alert>}
      <div className="grid gap-6 md:grid-cols-2">
        <Card className="flex flex-col p-6">
          <h2 className="text-lg font-semibold">{PLANS.free.name}</h2>
          <p className="mt-1 text-3xl font-semibold">
            $0 <span className="text-base font-normal text-slate-500 dark:text-slate-400">forever</span>
          </p>
          <FeatureList plan="free" />
          {!signedIn ? (
            <Link href="/sign-up" className={`${buttonClass.primary} mt-6`}>
              Create a free account
            </Link>
          ) : (
            <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">{plan === 'free' ? 'Your current plan' : 'Included in Pro'}</p>
          )}
        </Card>
        <Card className="flex flex-col p-6 ring-2 ring-brand-500">
          <h2 className="text-lg font-semibold">{PLANS.pro.name}</h2>
          <p className="mt-1 text-3xl font-semibold">
            {price ? (
              <>
                {price.amount} <span className="text-base font-normal text-slate-500 dark:text-slate-400">per {price.interval}</span>
              </>
            ) : (
              <span className="text-xl text-slate-500 dark:text-slate-400">Price shown at checkout</span>
            )}
          </p>
          <FeatureList plan="pro" />
          <div className="mt-6">
            {plan === 'pro' ? (
              <>
                <p className="mb-2 text-center text-sm text-slate-600 dark:text-slate-400">Your current plan</p>
                <BillingButton action={openBillingPortalAction} label="Manage billing" variant="secondary" />
              </>
            ) : (
              // Signed out, the action sends people to sign in and back here.
              <BillingButton action={startProCheckoutAction} label="Upgrade to Pro" />
            )}
          </div>
        </Card>
      </div>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Payments are handled by Stripe. Cancel any time in the billing portal: your watchlist stays, and alerts continue for your{' '}
        {PLANS.free.watchlistLimit} oldest watches.
      </p>
    </div>
  )
}
