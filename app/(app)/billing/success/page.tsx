import type { Metadata } from 'next'
import Link from 'next/link'
import { RefreshWhilePending } from '@/components/billing/refresh-while-pending'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/session'
import { PLANS } from '@/lib/plans/plans'
import { getBillingState } from '@/lib/data/billing'

export const metadata: Metadata = { title: 'Welcome to Pro' }
export const dynamic = 'force-dynamic'

/**
 * Where Stripe Checkout returns to. It only reads our database: the plan changes when Stripe's
 * webhook says the subscription exists, never because someone opened this URL.
 */
export default async function CheckoutSuccessPage() {
  const user = await requireUser('/billing/success')
  const { plan } = await getBillingState(user.id)

  return (
    <Card className="mx-auto max-w-lg space-y-4 p-8 text-center">
      {plan === 'pro' ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Welcome to Pro</h1>
          <p className="text-slate-600 dark:text-slate-400">
            You can now watch up to {PLANS.pro.watchlistLimit} vendors. Any watches that were paused are alerting again.
          </p>
          <Link href="/dashboard" className={buttonClass.primary}>
            Go to your dashboard
          </Link>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Confirming your payment</h1>
          <p className="text-slate-600 dark:text-slate-400">Stripe has your payment details. Your plan switches to Pro as soon as Stripe confirms the subscription to us.</p>
          <div className="flex justify-center">
            <RefreshWhilePending />
          </div>
        </>
      )}
    </Card>
  )
}
