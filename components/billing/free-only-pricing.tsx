import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PLANS } from '@/lib/plans/plans'

/**
 * The pricing page of a server without billing (no Stripe configured): there is nothing to buy,
 * so nothing is offered. One plan, said plainly, and no Pro card that could only say "not available".
 */
export function FreeOnlyPricing({ signedIn }: { signedIn: boolean }) {
  const free = PLANS.free
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div className="text-center">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Pricing</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-400" data-testid="free-only">
          This server runs free-only: every account watches up to {free.watchlistLimit} vendors, at no cost. No paid plan is offered here.
        </p>
      </div>
      <Card className="flex flex-col p-6">
        <h2 className="text-lg font-semibold">{free.name}</h2>
        <p className="mt-1 text-3xl font-semibold">
          $0 <span className="text-base font-normal text-slate-500 dark:text-slate-400">forever</span>
        </p>
        <ul className="mt-5 space-y-2 text-sm text-slate-700 dark:text-slate-300">
          {free.features.map((f) => (
            <li key={f} className="flex gap-2">
              <span aria-hidden="true" className="text-brand-600 dark:text-brand-400">
                ✓
              </span>
              {f}
            </li>
          ))}
        </ul>
        {signedIn ? (
          <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">Your current plan</p>
        ) : (
          <Link href="/sign-up" className={`${buttonClass.primary} mt-6`}>
            Create a free account
          </Link>
        )}
      </Card>
    </div>
  )
}
