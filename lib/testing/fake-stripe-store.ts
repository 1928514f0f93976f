// The state of the local Stripe stand-in and what happens to it outside an API call: paying a
// Checkout session, cancelling or resuming a subscription, and telling the app through signed
// webhook events. Every event is POSTed and its answer awaited before the caller goes on, so a
// hosted page that redirects afterwards lands the browser on an app that already knows.
import Stripe from 'stripe'
import {
  buildPrice,
  badRequest,
  type Delivery,
  type FakeCheckoutSession,
  type FakeCustomer,
  type FakeEvent,
  type FakePortalSession,
  type FakePrice,
  type FakePriceOption,
  type FakeSubscription,
  type FakeSubscriptionItem,
  newId,
  noSuch,
  nowSeconds,
  PERIOD_SECONDS,
} from './fake-stripe-objects'

/** Stripe waits this long for a webhook answer before counting it failed. */
const WEBHOOK_TIMEOUT_MS = 30_000

/** What a Checkout session will subscribe to; Stripe does not echo these on the session object. */
export interface CheckoutPlan {
  lineItems: { price: string; quantity: number }[]
  subscriptionMetadata: Record<string, string>
}

export function createStripeStore(options: { prices?: Record<string, FakePriceOption>; webhookUrl: string; webhookSecret: string }) {
  const prices = new Map(Object.entries(options.prices ?? {}).map(([id, p]): [string, FakePrice] => [id, buildPrice(id, p)]))
  const customers = new Map<string, FakeCustomer>()
  const subscriptions = new Map<string, FakeSubscription>()
  const checkoutSessions = new Map<string, FakeCheckoutSession>()
  const checkoutPlans = new Map<string, CheckoutPlan>()
  const portalSessions = new Map<string, FakePortalSession>()
  const deliveries: Delivery[] = []
  // The SDK's own signer, so a signature the app's constructEvent accepts is one Stripe would send.
  const signer = new Stripe('sk_test_unused').webhooks

  async function deliver(type: string, object: object, previousAttributes?: Record<string, unknown>): Promise<Delivery> {
    const event: FakeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: nowSeconds(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      // A snapshot: later changes to the object must not rewrite what was sent.
      data: { object: structuredClone(object), ...(previousAttributes && { previous_attributes: structuredClone(previousAttributes) }) },
    }
    // Pretty-printed like Stripe's: an app that verifies a re-serialised body instead of the raw
    // bytes fails here as it would in production.
    const payload = JSON.stringify(event, null, 2)
    let delivery: Delivery
    try {
      const res = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signer.generateTestHeaderString({ payload, secret: options.webhookSecret }), 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        // Stripe counts a redirect as a failure; following one could turn a sign-in redirect into a 200.
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      })
      delivery = { event, status: res.status, body: await res.text() }
    } catch (e) {
      delivery = { event, status: 0, body: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
    }
    deliveries.push(delivery)
    return delivery
  }

  async function completeCheckout(sessionId: string): Promise<{ subscription: FakeSubscription; deliveries: Delivery[] }> {
    const session = checkoutSessions.get(sessionId)
    const plan = checkoutPlans.get(sessionId)
    if (!session || !plan) throw noSuch('checkout.session', sessionId)
    const existing = session.subscription ? subscriptions.get(session.subscription) : undefined
    if (existing) return { subscription: existing, deliveries: [] }

    const created = nowSeconds()
    const id = newId('sub')
    const items = plan.lineItems.map(({ price, quantity }): FakeSubscriptionItem => {
      const p = prices.get(price) as FakePrice
      return { id: newId('si'), object: 'subscription_item', price: structuredClone(p), quantity, subscription: id, created, current_period_start: created, current_period_end: created + PERIOD_SECONDS[p.recurring.interval] }
    })
    const invoiceId = newId('in')
    const subscription: FakeSubscription = {
      id,
      object: 'subscription',
      customer: session.customer,
      status: 'active',
      metadata: plan.subscriptionMetadata,
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      cancellation_details: { reason: null, comment: null, feedback: null },
      ended_at: null,
      created,
      start_date: created,
      currency: session.currency,
      latest_invoice: invoiceId,
      livemode: false,
      items: { object: 'list', data: items, has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${id}` },
    }
    // Settled before the first await: a second click on Subscribe finds it paid, not payable.
    subscriptions.set(id, subscription)
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: id, url: null } satisfies Partial<FakeCheckoutSession>)
    const invoice = {
      id: invoiceId,
      object: 'invoice',
      customer: session.customer,
      status: 'paid',
      amount_due: session.amount_total,
      amount_paid: session.amount_total,
      currency: session.currency,
      created,
      parent: { type: 'subscription_details', subscription_details: { subscription: id, metadata: subscription.metadata } },
      livemode: false,
    }
    // Stripe does not promise an order; this is the usual one, and what the app must cope with.
    const sent = [await deliver('customer.subscription.created', subscription), await deliver('checkout.session.completed', session), await deliver('invoice.paid', invoice)]
    return { subscription, deliveries: sent }
  }

  function liveSubscription(subscriptionId: string): FakeSubscription {
    const sub = subscriptions.get(subscriptionId)
    if (!sub) throw noSuch('subscription', subscriptionId)
    if (sub.status === 'canceled') throw badRequest(`The subscription ${subscriptionId} is already canceled.`)
    return sub
  }

  async function cancelSubscription(subscriptionId: string, cancel: { atPeriodEnd?: boolean } = {}): Promise<Delivery[]> {
    const sub = liveSubscription(subscriptionId)
    if (cancel.atPeriodEnd) {
      const previous = { cancel_at_period_end: sub.cancel_at_period_end, cancel_at: sub.cancel_at, cancellation_details: structuredClone(sub.cancellation_details) }
      sub.cancel_at_period_end = true
      sub.cancel_at = sub.items.data[0]?.current_period_end ?? null
      sub.cancellation_details = { reason: 'cancellation_requested', comment: null, feedback: null }
      return [await deliver('customer.subscription.updated', sub, previous)]
    }
    const at = nowSeconds()
    Object.assign(sub, { status: 'canceled', canceled_at: at, ended_at: at, cancellation_details: { reason: 'cancellation_requested', comment: null, feedback: null } } satisfies Partial<FakeSubscription>)
    return [await deliver('customer.subscription.deleted', sub)]
  }

  async function resumeSubscription(subscriptionId: string): Promise<Delivery[]> {
    const sub = liveSubscription(subscriptionId)
    if (!sub.cancel_at_period_end) throw badRequest(`The subscription ${subscriptionId} is not set to cancel.`)
    const previous = { cancel_at_period_end: true, cancel_at: sub.cancel_at, cancellation_details: structuredClone(sub.cancellation_details) }
    Object.assign(sub, { cancel_at_period_end: false, cancel_at: null, cancellation_details: { reason: null, comment: null, feedback: null } } satisfies Partial<FakeSubscription>)
    return [await deliver('customer.subscription.updated', sub, previous)]
  }

  /** The customer's newest subscription that is still live, else their newest one (what the portal shows). */
  function currentSubscription(customerId: string): FakeSubscription | undefined {
    const theirs = [...subscriptions.values()].filter((s) => s.customer === customerId).sort((a, b) => b.created - a.created)
    return theirs.find((s) => s.status !== 'canceled') ?? theirs[0]
  }

  return { prices, customers, subscriptions, checkoutSessions, checkoutPlans, portalSessions, deliveries, deliver, completeCheckout, cancelSubscription, resumeSubscription, currentSubscription }
}

export type StripeStore = ReturnType<typeof createStripeStore>
