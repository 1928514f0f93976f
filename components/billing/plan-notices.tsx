import Link from 'next/link'
import { openBillingPortalAction } from '@/lib/actions/billing'
import { Alert } from '@/components/ui/alert'
import { PLANS, UPGRADE_PATH } from '@/lib/plans/plans'
import type { BillingState } from '@/lib/data/billing'
import { formatDateInTimeZone } from '@/lib/format/zoned'
import { BillingButton } from './billing-button'

const linkClass = 'font-medium text-brand-700 underline hover:no-underline dark:text-brand-300'

/**
 * What the dashboard must say about the plan: paused watches after a downgrade, a failed
 * payment, a cancellation that takes effect at the end of the period.
 */
export function PlanNotices({
  billing,
  pausedCount,
  timeZone,
  canUpgrade,
}: {
  billing: BillingState
  pausedCount: number
  timeZone: string
  /** Pro can be bought on this server (billing configured): only then is an upgrade offered. */
  canUpgrade: boolean
}) {
  const { subscription } = billing
  const periodEnd = subscription?.currentPeriodEnd ? formatDateInTimeZone(subscription.currentPeriodEnd, timeZone) : null
  return (
    <>
      {pausedCount > 0 && (
        <Alert tone="warning">
          <p>
            <strong className="font-semibold">
              {pausedCount} {pausedCount === 1 ? 'watch' : 'watches'} paused: your plan alerts for your {PLANS[billing.plan].watchlistLimit} oldest watches.
            </strong>{' '}
            {subscription?.status === 'canceled' || subscription?.status === 'unpaid' ? 'Your Pro plan has ended. ' : ''}
            Nothing was deleted: the paused ones are marked below and alert again as soon as there is room.{' '}
            {canUpgrade ? (
              <>
                <Link href={UPGRADE_PATH} className={linkClass}>
                  Upgrade to Pro
                </Link>{' '}
                or unwatch some vendors.
              </>
            ) : (
              'Unwatch some vendors to make room.'
            )}
          </p>
        </Alert>
      )}
      {subscription?.status === 'past_due' && (
        <Alert tone="warning">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p>
              <strong className="font-semibold">Your last payment failed.</strong> Stripe will try again; update your card to keep Pro.
            </p>
            <BillingButton action={openBillingPortalAction} label="Update card" variant="secondary" className="shrink-0" />
          </div>
        </Alert>
      )}
      {billing.plan === 'pro' && subscription?.cancelAtPeriodEnd && (
        <Alert tone="info">
          <p>
            Your Pro plan is cancelled and ends {periodEnd ? `on ${periodEnd}` : 'at the end of this billing period'}. Changed your mind? Resume it under Manage billing.
          </p>
        </Alert>
      )}
    </>
  )
}
