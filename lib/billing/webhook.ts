// The Stripe webhook: the only writer of billing state. The route hands over the raw body and the
// Stripe-Signature header; this module verifies, dispatches and answers with a status code:
//   400 bad signature (nothing read, nothing written) · 200 handled, replayed or ignored ·
//   500 handling failed (nothing recorded, so Stripe's retry gets a clean second chance).
import type Stripe from 'stripe'
import { isStripeEventProcessed, processStripeEventOnce, writeSubscriptionState, linkStripeCustomer } from '@/lib/data/billing'
import { subscriptionState, type HeardState, type StateSource } from '@/lib/plans/subscription-state'

export interface WebhookDeps {
  /** Verifies the signature over the exact bytes received (stripe.webhooks.constructEvent). */
  constructEvent: (rawBody: string, signature: string) => Stripe.Event
  /** Reads a subscription's live state (stripe.subscriptions.retrieve). */
  retrieveSubscription: (id: string) => Promise<Stripe.Subscription>
  log?: Pick<Console, 'warn' | 'error'>
}

export type WebhookOutcome = { status: 400 | 200 | 500; body: { received?: true; duplicate?: true; ignored?: true; error?: string } }

/** The event types we act on; anything else is acknowledged and ignored. */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.payment_failed',
] as const

const SOURCE_OF: Partial<Record<Stripe.Event['type'], StateSource>> = {
  'customer.subscription.created': 'created',
  'customer.subscription.updated': 'updated',
  'customer.subscription.deleted': 'deleted',
}

export async function handleStripeWebhook(rawBody: string, signature: string | null, deps: WebhookDeps): Promise<WebhookOutcome> {
  const log = deps.log ?? console
  let event: Stripe.Event
  try {
    if (!signature) throw new Error('missing Stripe-Signature header')
    event = deps.constructEvent(rawBody, signature)
  } catch (e) {
    log.warn(`[stripe webhook] rejected: ${e instanceof Error ? e.message : String(e)}`)
    return { status: 400, body: { error: 'Invalid signature' } }
  }
  if (!(HANDLED_EVENT_TYPES as readonly string[]).includes(event.type)) return { status: 200, body: { received: true, ignored: true } }

  try {
    // A replay costs no API call; the transaction below is what guarantees once.
    if (await isStripeEventProcessed(event.id)) return { status: 200, body: { received: true, duplicate: true } }
    const heard = await stateCarriedBy(event, deps)
    const result = await processStripeEventOnce(event, async (tx) => {
      if (event.type === 'checkout.session.completed') {
        const session = event.data.object
        const userId = session.client_reference_id ?? session.metadata?.userId
        const customer = typeof session.customer === 'string' ? session.customer : session.customer?.id
        if (userId && customer) await linkStripeCustomer(tx, userId, customer)
      }
      if (!heard) return
      const written = await writeSubscriptionState(tx, heard)
      if (written === 'no_such_user') log.warn(`[stripe webhook] ${event.type} ${event.id}: no user for subscription ${heard.state.stripeSubscriptionId}`)
    })
    return { status: 200, body: result === 'duplicate' ? { received: true, duplicate: true } : { received: true } }
  } catch (e) {
    log.error(`[stripe webhook] ${event.type} ${event.id} failed:`, e)
    return { status: 500, body: { error: 'Handling failed; Stripe will retry' } }
  }
}

/** The subscription state an event tells us about: its own object, or the live one read back. */
async function stateCarriedBy(event: Stripe.Event, deps: WebhookDeps): Promise<HeardState | null> {
  const eventAt = new Date(event.created * 1000)
  const source = SOURCE_OF[event.type]
  if (source && event.data.object.object === 'subscription') {
    return { state: subscriptionState(event.data.object as Stripe.Subscription), source, eventAt }
  }
  // These carry only the subscription's id; its state at handling time is what matters.
  const id = subscriptionIdOf(event)
  if (!id) return null
  return { state: subscriptionState(await deps.retrieveSubscription(id)), source: 'fetched', eventAt }
}

function subscriptionIdOf(event: Stripe.Event): string | null {
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object
    if (session.mode !== 'subscription' || !session.subscription) return null
    return typeof session.subscription === 'string' ? session.subscription : session.subscription.id
  }
  if (event.type === 'invoice.payment_failed') {
    const subscription = event.data.object.parent?.subscription_details?.subscription
    if (!subscription) return null
    return typeof subscription === 'string' ? subscription : subscription.id
  }
  return null
}
