'use server'

import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session'
import { createBillingPortalUrl, createProCheckoutUrl } from '@/lib/billing/checkout'
import { getPlan } from '@/lib/data/billing'
import { billingEnabled } from '@/lib/env'

export type BillingActionState = { ok: false; message: string } | null

const NOT_CONFIGURED = 'Billing is not configured on this server, so the Free plan is all there is here.'
const STRIPE_UNREACHABLE = 'We could not reach our payment provider. Nothing was charged; please try again in a minute.'

/** "Upgrade to Pro": off to Stripe Checkout. Someone already on Pro goes to the portal instead of paying twice. */
export async function startProCheckoutAction(): Promise<BillingActionState> {
  const user = await requireUser('/pricing')
  if (!billingEnabled) return { ok: false, message: NOT_CONFIGURED }
  let url: string
  try {
    url = (await getPlan(user.id)) === 'pro' ? await createBillingPortalUrl(user.id) : await createProCheckoutUrl(user.id)
  } catch (e) {
    console.error('[billing] could not start checkout:', e)
    return { ok: false, message: STRIPE_UNREACHABLE }
  }
  redirect(url)
}

/** "Manage billing": the Stripe Customer Portal (card, invoices, cancel, resume). */
export async function openBillingPortalAction(): Promise<BillingActionState> {
  const user = await requireUser('/dashboard')
  if (!billingEnabled) return { ok: false, message: NOT_CONFIGURED }
  let url: string
  try {
    url = await createBillingPortalUrl(user.id)
  } catch (e) {
    console.error('[billing] could not open the billing portal:', e)
    return { ok: false, message: STRIPE_UNREACHABLE }
  }
  redirect(url)
}
