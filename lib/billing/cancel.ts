// Stopping the charges of an account that is going away. Deleting the user cascades to their
// subscription row; without this, Stripe would go on billing a customer we no longer know.
import { getLiveSubscriptionId } from '@/lib/data/billing'
import { billingEnabled } from '@/lib/env'
import { stripeClient } from './stripe'

/** Cancels the user's live subscription at Stripe now. Throws if Stripe cannot be told (the caller then deletes nothing). */
export async function cancelSubscriptionOfDeletedAccount(userId: string): Promise<void> {
  const subscriptionId = await getLiveSubscriptionId(userId)
  if (!subscriptionId) return
  if (!billingEnabled) {
    console.warn(`[billing] account ${userId} is deleted with subscription ${subscriptionId}, but Stripe is not configured here: cancel it in the Stripe dashboard`)
    return
  }
  try {
    await stripeClient().subscriptions.cancel(subscriptionId)
  } catch (e) {
    // Already cancelled or gone at Stripe: nothing left to stop.
    if (e instanceof Error && 'code' in e && e.code === 'resource_missing') return
    throw e
  }
}
