// The Stripe webhook handler against a real database, with events signed by the Stripe SDK's own
// test helper and verified by its own constructEvent: exactly what the route wires together.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { db, dbMode } from '@/lib/db/client'
import { getBillingState } from '@/lib/data/billing'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { LimitExceededError } from '@/lib/errors'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { handleStripeWebhook, type WebhookDeps } from './webhook'

const SECRET = 'whsec_test_secret'
const stripe = new Stripe('sk_test_unused')
const quiet = { warn: vi.fn(), error: vi.fn() }

let vendors: string[]
beforeAll(async () => {
  vendors = await createTestVendors('billing', 15)
})

const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`
const T0 = Math.floor(Date.UTC(2026, 10, 1) / 1000)

function subscription(fields: { id: string; customer: string; status: string; userId?: string; cancelAtPeriodEnd?: boolean }): Stripe.Subscription {
  return {
    id: fields.id,
    object: 'subscription',
    customer: fields.customer,
    status: fields.status,
    metadata: fields.userId ? { userId: fields.userId } : {},
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    cancel_at: null,
    items: { object: 'list', data: [{ id: id('si'), object: 'subscription_item', price: { id: 'price_pro' }, current_period_end: T0 + 30 * 86_400 }] },
  } as unknown as Stripe.Subscription
}

function signed(type: string, object: unknown, created: number, eventId = id('evt')): { body: string; signature: string } {
  const body = JSON.stringify({ id: eventId, object: 'event', type, created, api_version: '2026-10-28.endive', livemode: false, data: { object } })
  return { body, signature: stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }) }
}

function deps(live: Map<string, Stripe.Subscription> = new Map()): WebhookDeps & { retrieved: string[] } {
  const retrieved: string[] = []
  return {
    retrieved,
    constructEvent: (body, signature) => stripe.webhooks.constructEvent(body, signature, SECRET),
    retrieveSubscription: async (subscriptionId) => {
      retrieved.push(subscriptionId)
      const found = live.get(subscriptionId)
      if (!found) throw new Error(`no such subscription ${subscriptionId}`)
      return found
    },
    log: quiet,
  }
}

async function deliver(d: WebhookDeps, event: { body: string; signature: string }) {
  return handleStripeWebhook(event.body, event.signature, d)
}

async function proUser(label: string) {
  const user = await createTestUser(`${label}-${randomBytes(3).toString('hex')}@example.com`)
  const customer = id('cus')
  await db.user.update({ where: { id: user.id }, data: { stripeCustomerId: customer } })
  return { ...user, customer }
}

describe('signature', () => {
  it('answers 400 and changes nothing for a forged, tampered or missing signature', async () => {
    const user = await proUser('forged')
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    const genuine = signed('customer.subscription.created', sub, T0)
    const forgedBody = JSON.stringify({ ...JSON.parse(genuine.body), id: id('evt') })
    const otherSecret = stripe.webhooks.generateTestHeaderString({ payload: genuine.body, secret: 'whsec_someone_else' })

    for (const [body, signature] of [
      [genuine.body, otherSecret],
      [forgedBody, genuine.signature],
      [genuine.body, null],
      [genuine.body, 't=1,v1=deadbeef'],
    ] as const) {
      const outcome = await handleStripeWebhook(body, signature, deps())
      expect(outcome.status).toBe(400)
    }
    expect((await getBillingState(user.id)).plan).toBe('free')
    expect(await db.stripeEvent.count({ where: { id: JSON.parse(genuine.body).id } })).toBe(0)
  })
})

describe('once per event', () => {
  it('gives the same event, delivered twice, one effect (and one API call)', async () => {
    const user = await proUser('twice')
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    const d = deps(new Map([[sub.id, sub]]))
    const completed = signed('checkout.session.completed', { id: id('cs'), object: 'checkout.session', mode: 'subscription', customer: user.customer, subscription: sub.id, client_reference_id: user.id, metadata: { userId: user.id } }, T0)

    expect(await deliver(d, completed)).toEqual({ status: 200, body: { received: true } })
    expect(await deliver(d, completed)).toEqual({ status: 200, body: { received: true, duplicate: true } })
    expect(d.retrieved).toEqual([sub.id])
    expect((await getBillingState(user.id)).plan).toBe('pro')

    // A replay of an old event cannot undo what came after it.
    const cancelled = signed('customer.subscription.deleted', { ...sub, status: 'canceled' }, T0 + 60)
    expect((await deliver(d, cancelled)).status).toBe(200)
    expect((await deliver(d, completed)).body.duplicate).toBe(true)
    expect((await getBillingState(user.id)).subscription?.status).toBe('canceled')
  })

  it.skipIf(dbMode !== 'postgres')('processes one of five concurrent deliveries of the same event (PostgreSQL)', async () => {
    const user = await proUser('concurrent')
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    const d = deps(new Map([[sub.id, sub]]))
    const event = signed('invoice.payment_failed', { id: id('in'), object: 'invoice', customer: user.customer, parent: { type: 'subscription_details', subscription_details: { subscription: sub.id } } }, T0)
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliver(d, event)))
    expect(outcomes.every((o) => o.status === 200)).toBe(true)
    expect(outcomes.filter((o) => !o.body.duplicate)).toHaveLength(1)
    expect(await db.stripeEvent.count({ where: { id: JSON.parse(event.body).id } })).toBe(1)
  })
})

describe('out of order', () => {
  it('keeps the latest state whatever order the events arrive in', async () => {
    const user = await proUser('order')
    const subId = id('sub')
    const d = deps()
    const at = (status: string, extra: { cancelAtPeriodEnd?: boolean } = {}) => subscription({ id: subId, customer: user.customer, status, userId: user.id, ...extra })

    // Stripe sent: created (incomplete, T0) -> updated (active, T0) -> updated (cancel at period end, T0+100).
    // We receive them backwards.
    await deliver(d, signed('customer.subscription.updated', at('active', { cancelAtPeriodEnd: true }), T0 + 100))
    await deliver(d, signed('customer.subscription.updated', at('active'), T0))
    await deliver(d, signed('customer.subscription.created', at('incomplete'), T0))
    let state = await getBillingState(user.id)
    expect(state.plan).toBe('pro')
    expect(state.subscription).toMatchObject({ status: 'active', cancelAtPeriodEnd: true })

    // Within one second, `created` never overrides the state an update already gave.
    const other = await proUser('same-second')
    const otherSub = subscription({ id: id('sub'), customer: other.customer, status: 'active', userId: other.id })
    await deliver(d, signed('customer.subscription.updated', otherSub, T0))
    await deliver(d, signed('customer.subscription.created', { ...otherSub, status: 'incomplete' }, T0))
    expect((await getBillingState(other.id)).plan).toBe('pro')

    // A cancelled subscription stays cancelled, even if a late "active" event stamped later shows up.
    await deliver(d, signed('customer.subscription.deleted', at('canceled'), T0 + 200))
    await deliver(d, signed('customer.subscription.updated', at('active'), T0 + 300))
    state = await getBillingState(user.id)
    expect(state.plan).toBe('free')
    expect(state.subscription?.status).toBe('canceled')
  })

  it('lets a new subscription replace a cancelled one, and never lets an abandoned one take Pro away', async () => {
    const user = await proUser('again')
    const d = deps()
    const first = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    await deliver(d, signed('customer.subscription.deleted', { ...first, status: 'canceled' }, T0))
    const second = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    await deliver(d, signed('customer.subscription.created', second, T0 + 50))
    expect((await getBillingState(user.id)).plan).toBe('pro')

    // A second checkout left unpaid, heard later, does not downgrade the paying one.
    const abandoned = subscription({ id: id('sub'), customer: user.customer, status: 'incomplete_expired', userId: user.id })
    await deliver(d, signed('customer.subscription.updated', abandoned, T0 + 90))
    expect((await getBillingState(user.id)).plan).toBe('pro')
    expect(await db.subscription.findUnique({ where: { userId: user.id }, select: { stripeSubscriptionId: true } })).toEqual({ stripeSubscriptionId: second.id })
  })
})

describe('what the plan changes', () => {
  it('upgrade lets the eleventh vendor in; downgrade keeps every watch but refuses new ones', async () => {
    const user = await proUser('plan')
    for (const slug of vendors.slice(0, 10)) await addVendorToWatchlist(user.id, slug)
    await expect(addVendorToWatchlist(user.id, vendors[10] as string)).rejects.toBeInstanceOf(LimitExceededError)

    // The customer is known; the subscription's events carry no user id here (found by customer).
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'active' })
    const d = deps()
    await deliver(d, signed('customer.subscription.created', sub, T0))
    expect(await addVendorToWatchlist(user.id, vendors[10] as string)).toBe('added')
    expect(await addVendorToWatchlist(user.id, vendors[11] as string)).toBe('added')

    await deliver(d, signed('customer.subscription.updated', { ...sub, status: 'unpaid' }, T0 + 10))
    expect((await getBillingState(user.id)).plan).toBe('free')
    expect(await db.watchlistEntry.count({ where: { userId: user.id } })).toBe(12)
    await expect(addVendorToWatchlist(user.id, vendors[12] as string)).rejects.toThrow('The Free plan watches up to 10 vendors')
  })

  it('keeps Pro while a failed payment is retried (past_due), read back from Stripe', async () => {
    const user = await proUser('past-due')
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'past_due', userId: user.id })
    const d = deps(new Map([[sub.id, sub]]))
    const failed = signed('invoice.payment_failed', { id: id('in'), object: 'invoice', customer: user.customer, parent: { type: 'subscription_details', subscription_details: { subscription: sub.id } } }, T0)
    expect((await deliver(d, failed)).status).toBe(200)
    const state = await getBillingState(user.id)
    expect(state).toMatchObject({ plan: 'pro', subscription: { status: 'past_due' } })
  })
})

describe('answers', () => {
  it('acknowledges events we do not use with 200 and records nothing', async () => {
    const event = signed('invoice.paid', { id: id('in'), object: 'invoice' }, T0)
    expect(await deliver(deps(), event)).toEqual({ status: 200, body: { received: true, ignored: true } })
    expect(await db.stripeEvent.count({ where: { id: JSON.parse(event.body).id } })).toBe(0)
  })

  it('answers 500 when handling fails and records nothing, so the retry works', async () => {
    const user = await proUser('retry')
    const sub = subscription({ id: id('sub'), customer: user.customer, status: 'active', userId: user.id })
    const completed = signed('checkout.session.completed', { id: id('cs'), object: 'checkout.session', mode: 'subscription', customer: user.customer, subscription: sub.id, client_reference_id: user.id }, T0)
    const down = deps() // Stripe's API is unreachable: the subscription cannot be read back.
    expect((await deliver(down, completed)).status).toBe(500)
    expect(await db.stripeEvent.count({ where: { id: JSON.parse(completed.body).id } })).toBe(0)
    expect((await getBillingState(user.id)).plan).toBe('free')

    expect(await deliver(deps(new Map([[sub.id, sub]])), completed)).toEqual({ status: 200, body: { received: true } })
    expect((await getBillingState(user.id)).plan).toBe('pro')
  })

  it('acknowledges a subscription of a user who no longer exists', async () => {
    const sub = subscription({ id: id('sub'), customer: id('cus'), status: 'active', userId: 'deleted-user' })
    expect((await deliver(deps(), signed('customer.subscription.updated', sub, T0))).status).toBe(200)
    expect(await db.subscription.count({ where: { stripeSubscriptionId: sub.id } })).toBe(0)
  })
})
