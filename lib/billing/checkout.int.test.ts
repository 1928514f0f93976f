// Checkout and the portal through the real Stripe SDK against the local stand-in: one customer per
// user, reused; the user id travels with the session and the subscription.
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createTestUser } from '@/lib/testing/accounts'
import { startFakeStripe, type FakeStripe } from '@/lib/testing/fake-stripe'
import { createBillingPortalUrl, createProCheckoutUrl, type BillingContext } from './checkout'

const KEY = 'sk_test_checkout'
let fake: FakeStripe
let context: BillingContext

beforeAll(async () => {
  fake = await startFakeStripe({
    secretKey: KEY,
    webhookSecret: 'whsec_unused_here',
    webhookUrl: 'http://127.0.0.1:9/unused',
    prices: { price_pro: { unit_amount: 900, currency: 'usd', interval: 'month' } },
  })
  context = { stripe: new Stripe(KEY, { host: '127.0.0.1', port: fake.port, protocol: 'http' }), proPriceId: 'price_pro', appUrl: 'https://vw.example' }
})
afterAll(() => fake.close())

const sessionIdOf = (url: string) => url.split('/').at(-1) as string

describe('Checkout', () => {
  it('creates one Stripe customer per user and reuses it for every later checkout and the portal', async () => {
    const user = await createTestUser('checkout@example.com')
    const first = await createProCheckoutUrl(user.id, context)
    const second = await createProCheckoutUrl(user.id, context)
    const portal = await createBillingPortalUrl(user.id, context)

    const customers = [...fake.customers.values()].filter((c) => c.email === 'checkout@example.com')
    expect(customers).toHaveLength(1)
    const customerId = customers[0]?.id
    expect(await db.user.findUnique({ where: { id: user.id }, select: { stripeCustomerId: true } })).toEqual({ stripeCustomerId: customerId })
    for (const url of [first, second]) {
      const session = fake.checkoutSessions.get(sessionIdOf(url))
      expect(session).toMatchObject({ mode: 'subscription', customer: customerId, client_reference_id: user.id, metadata: { userId: user.id } })
    }
    expect(fake.portalSessions.get(sessionIdOf(portal))).toMatchObject({ customer: customerId, return_url: 'https://vw.example/dashboard' })
  })

  it('puts the user id on the subscription Checkout creates, and returns to the success page', async () => {
    const user = await createTestUser('metadata@example.com')
    const url = await createProCheckoutUrl(user.id, context)
    const { subscription } = await fake.completeCheckout(sessionIdOf(url))
    expect(subscription.metadata).toEqual({ userId: user.id })
    expect(subscription.items.data[0]?.price.id).toBe('price_pro')
    // Paying wrote nothing here: only the webhook does (its delivery failed, the app is not running).
    expect(await db.subscription.count({ where: { userId: user.id } })).toBe(0)
  })

  it('agrees on a single customer when two first checkouts race', async () => {
    const user = await createTestUser('race@example.com')
    await Promise.all([createProCheckoutUrl(user.id, context), createProCheckoutUrl(user.id, context)])
    expect([...fake.customers.values()].filter((c) => c.email === 'race@example.com')).toHaveLength(1)
  })
})
