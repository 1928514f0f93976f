'use server'
// Shared server actions: the billing buttons (components/billing/billing-button.tsx) sit on the
// pricing page, the dashboard and the plan notices.

import { redirect } from 'next/navigation'
import { createBillingPortalUrl, createProCheckoutUrl } from '@/lib/billing/checkout'
import { getPlan } from '@/lib/data/billing'
import { billingEnabled } from '@/lib/env'
import type { ActionState } from '@/lib/validation/form'
import { noInput, userAction } from './define-action'

export type BillingActionState = ActionState | null

const NOT_CONFIGURED = 'Billing is not configured on this server, so the Free plan is all there is here.'
/** Whatever failed on the way to Stripe, the user's next step is the same. */
const STRIPE_UNREACHABLE = 'We could not reach our payment provider. Nothing was charged; please try again in a minute.'

/** "Upgrade to Pro": off to Stripe Checkout. Someone already on Pro goes to the portal instead of paying twice. */
export const startProCheckoutAction = userAction(
  { name: 'billing checkout', signInReturnTo: '/pricing', parse: noInput, unexpected: STRIPE_UNREACHABLE },
  async (_input, user, fail) => {
    if (!billingEnabled) return fail({ formError: NOT_CONFIGURED })
    redirect((await getPlan(user.id)) === 'pro' ? await createBillingPortalUrl(user.id) : await createProCheckoutUrl(user.id))
  },
)

/** "Manage billing": the Stripe Customer Portal (card, invoices, cancel, resume). */
export const openBillingPortalAction = userAction(
  { name: 'billing portal', signInReturnTo: '/dashboard', parse: noInput, unexpected: STRIPE_UNREACHABLE },
  async (_input, user, fail) => {
    if (!billingEnabled) return fail({ formError: NOT_CONFIGURED })
    redirect(await createBillingPortalUrl(user.id))
  },
)
