// The stand-in is only useful if the real SDK cannot tell it from Stripe for the calls we make,
// and if its webhooks pass the SDK's own signature check. Both are driven here through the SDK.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseBracketParams } from './bracket-params'
import { type FakeStripe, startFakeStripe } from './fake-stripe'

const SECRET_KEY = 'sk_test_fake_stripe_unit'
const WEBHOOK_SECRET = 'whsec_fake_stripe_unit'
const PRICE = 'price_pro_unit'
const DAY = 86_400

/** A tiny webhook endpoint that checks every signature the way the app's route does. */
async function startReceiver() {
  const received: Stripe.Event[] = []
  const rejected: string[] = []
  const state = { status: 200 }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      try {
        received.push(Stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'] ?? '', WEBHOOK_SECRET))
      } catch (e) {
        rejected.push((e as Error).message)
        return res.writeHead(400).end('bad signature')
      }
      res.writeHead(state.status, { 'content-type': 'application/json' }).end(state.status === 200 ? '{"received":true}' : '{"error":"handler failed"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    received,
    rejected,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let receiver: Awaited<ReturnType<typeof startReceiver>>
let fake: FakeStripe
let stripe: Stripe

beforeAll(async () => {
  receiver = await startReceiver()
  fake = await startFakeStripe({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url, prices: { [PRICE]: { unit_amount: 900, currency: 'usd', interval: 'month' } } })
  stripe = new Stripe(SECRET_KEY, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 })
})
afterAll(async () => {
  await fake.close()
  await receiver.close()
})
beforeEach(() => {
  fake.reset()
  receiver.received.length = 0
  receiver.rejected.length = 0
  receiver.state.status = 200
})

async function newCheckout(userId: string) {
  const customer = await stripe.customers.create({ email: `${userId}@example.com`, metadata: { userId } })
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: userId,
    metadata: { userId },
    subscription_data: { metadata: { userId } },
    line_items: [{ price: PRICE, quantity: 1 }],
    success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/pricing',
  })
  return { customer, session }
}

/** What a browser does on the hosted page: POST the form, and do not follow the redirect. */
const press = (path: string, form: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' })

describe('parseBracketParams', () => {
  it('reads nested objects, indexed and appended arrays, and ignores prototype keys', () => {
    const parsed = parseBracketParams(
      'metadata[userId]=u1&line_items[0][price]=p1&line_items[0][quantity]=2&line_items[1][price]=p2&subscription_data[metadata][userId]=u1&expand[]=a&expand[]=b&__proto__[polluted]=1&success_url=http%3A%2F%2Fx%2F%3Fid%3D%7BCHECKOUT_SESSION_ID%7D',
    )
    expect(parsed).toEqual({
      metadata: { userId: 'u1' },
      line_items: [{ price: 'p1', quantity: '2' }, { price: 'p2' }],
      subscription_data: { metadata: { userId: 'u1' } },
      expand: ['a', 'b'],
      success_url: 'http://x/?id={CHECKOUT_SESSION_ID}',
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('the Stripe API through the real SDK', () => {
  it('creates and retrieves a customer with metadata', async () => {
    const created = await stripe.customers.create({ email: 'a@example.com', metadata: { userId: 'u1' } })
    expect(created).toMatchObject({ object: 'customer', email: 'a@example.com', metadata: { userId: 'u1' } })
    expect(created.id).toMatch(/^cus_[a-z0-9]+$/)
    const retrieved = await stripe.customers.retrieve(created.id)
    expect(retrieved.id).toBe(created.id)
    expect(fake.customers.get(created.id)?.email).toBe('a@example.com')
  })

  it('answers a repeated Idempotency-Key with the first response, and refuses it for other parameters', async () => {
    const before = fake.customers.size
    const first = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'customer-u2' })
    const again = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'customer-u2' })
    expect(again.id).toBe(first.id)
    expect(fake.customers.size).toBe(before + 1)
    expect(fake.requests.filter((r) => r.idempotencyKey === 'customer-u2').map((r) => r.replayed)).toEqual([false, true])
    await expect(stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'customer-u2' })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
  })

  it('creates a subscription Checkout session from bracket-encoded params and retrieves it', async () => {
    const { customer, session } = await newCheckout('u3')
    expect(session).toMatchObject({
      object: 'checkout.session',
      url: `${fake.url}/checkout/${session.id}`,
      status: 'open',
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'u3',
      metadata: { userId: 'u3' },
      subscription: null,
      amount_total: 900,
      currency: 'usd',
    })
    expect(session.id).toMatch(/^cs_test_[a-z0-9]+$/)
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
  })

  it('refuses an unknown price or customer with 400 and the offending param', async () => {
    const customer = await stripe.customers.create({ email: 'b@example.com' })
    const base = { mode: 'subscription' as const, success_url: 'http://app.test/ok', line_items: [{ price: PRICE, quantity: 1 }] }
    const unknownPrice = stripe.checkout.sessions.create({ ...base, customer: customer.id, line_items: [{ price: 'price_nope', quantity: 1 }] })
    await expect(unknownPrice).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'line_items[0][price]', message: "No such price: 'price_nope'" })
    await expect(stripe.checkout.sessions.create(base)).rejects.toMatchObject({ statusCode: 400, param: 'customer' })
    await expect(stripe.checkout.sessions.create({ ...base, customer: 'cus_nope' })).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing' })
    await expect(stripe.checkout.sessions.create({ ...base, customer: customer.id, success_url: '/relative' })).rejects.toMatchObject({ statusCode: 400, param: 'success_url' })
  })

  it('retrieves a price', async () => {
    expect(await stripe.prices.retrieve(PRICE)).toMatchObject({ id: PRICE, object: 'price', active: true, currency: 'usd', unit_amount: 900, recurring: { interval: 'month', interval_count: 1 }, type: 'recurring' })
    await expect(stripe.prices.retrieve('price_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })

  it('refuses a wrong key with 401, and an unknown route with 404, in Stripe error shape', async () => {
    const wrong = new Stripe('sk_test_wrong', { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 })
    await expect(wrong.customers.create({ email: 'c@example.com' })).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    await expect(stripe.invoices.retrieve('in_123')).rejects.toMatchObject({ statusCode: 404, message: expect.stringMatching(/Unrecognized request URL \(GET: \/v1\/invoices\/in_123\)/) })
    const raw = await fetch(`${fake.url}/v1/customers`, { method: 'POST' })
    expect(raw.status).toBe(401)
    expect(await raw.json()).toEqual({ error: { type: 'invalid_request_error', message: 'You did not provide an API key.' } })
  })
})

describe('hosted Checkout and webhooks', () => {
  it('Subscribe creates the subscription, delivers signed events in order, then redirects to success_url', async () => {
    const { customer, session } = await newCheckout('u4')
    const page = await fetch(session.url as string)
    const html = await page.text()
    expect(html).toContain('<title>Stripe Checkout (local stand-in)</title>')
    expect(html).toContain('$9.00 per month')
    expect(html).toContain('>Subscribe</button>')
    expect(html).toContain('<a href="http://app.test/pricing">Back</a>')

    const paid = await press(`/checkout/${session.id}`)
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toBe(`http://app.test/billing/success?session_id=${session.id}`)

    expect(receiver.rejected).toEqual([])
    expect(receiver.received.map((e) => e.type)).toEqual(['customer.subscription.created', 'checkout.session.completed', 'invoice.paid'])
    const [created, completed] = receiver.received
    expect(created).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false, pending_webhooks: 1 })
    const sub = created?.data.object as Stripe.Subscription
    expect(sub).toMatchObject({ object: 'subscription', customer: customer.id, status: 'active', metadata: { userId: 'u4' }, cancel_at_period_end: false })
    expect(completed?.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', subscription: sub.id, client_reference_id: 'u4' })
    expect(fake.deliveries.map((d) => d.status)).toEqual([200, 200, 200])

    const retrieved = await stripe.subscriptions.retrieve(sub.id)
    const item = retrieved.items.data[0]
    expect(item?.price.id).toBe(PRICE)
    expect((item?.current_period_end ?? 0) - (item?.current_period_start ?? 0)).toBe(30 * DAY)
    expect(Math.abs((item?.current_period_end ?? 0) - (Date.now() / 1000 + 30 * DAY))).toBeLessThan(60)

    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] })
    expect(expanded).toMatchObject({ status: 'complete', url: null, subscription: { id: sub.id, object: 'subscription' } })

    // A second press (a double click) neither subscribes twice nor sends events again.
    expect((await press(`/checkout/${session.id}`)).status).toBe(303)
    expect([...fake.subscriptions.values()].filter((s) => s.customer === customer.id)).toHaveLength(1)
    expect(receiver.received).toHaveLength(3)

    const listed = (await (await fetch(`${fake.url}/__deliveries?customer=${customer.id}`)).json()) as { type: string; status: number }[]
    expect(listed.map((d) => [d.type, d.status])).toEqual([
      ['customer.subscription.created', 200],
      ['checkout.session.completed', 200],
      ['invoice.paid', 200],
    ])
  })

  it('a webhook the app refuses is still followed by the rest, and the page answers 502 instead of redirecting', async () => {
    const { session } = await newCheckout('u5')
    receiver.state.status = 500
    const paid = await press(`/checkout/${session.id}`)
    expect(paid.status).toBe(502)
    expect(await paid.text()).toContain('Webhook delivery failed')
    expect(fake.deliveries.map((d) => [d.event.type, d.status])).toEqual([
      ['customer.subscription.created', 500],
      ['checkout.session.completed', 500],
      ['invoice.paid', 500],
    ])
  })

  it('the portal cancels at period end, resumes, and cancels now, each with its event', async () => {
    const { customer, session } = await newCheckout('u6')
    await press(`/checkout/${session.id}`)
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://app.test/dashboard' })
    expect(portal).toMatchObject({ object: 'billing_portal.session', url: `${fake.url}/portal/${portal.id}`, customer: customer.id, return_url: 'http://app.test/dashboard' })
    expect(portal.id).toMatch(/^bps_/)
    const page = await (await fetch(portal.url)).text()
    expect(page).toContain('<title>Billing portal (local stand-in)</title>')
    expect(page).toContain('>Cancel plan</button>')
    expect(page).toContain('>Cancel at period end</button>')
    expect(page).not.toContain('>Resume plan</button>')
    expect(page).toContain('<a href="http://app.test/dashboard">Return to Vendorwatch</a>')
    fake.reset()
    receiver.received.length = 0

    const later = await press(`/portal/${portal.id}`, { action: 'cancel_at_period_end' })
    expect(later.status).toBe(303)
    expect(later.headers.get('location')).toBe('http://app.test/dashboard')
    const updated = receiver.received[0]
    expect(updated?.type).toBe('customer.subscription.updated')
    expect(updated?.data.object).toMatchObject({ status: 'active', cancel_at_period_end: true })
    expect(updated?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null })
    expect(await (await fetch(portal.url)).text()).toContain('>Resume plan</button>')

    await press(`/portal/${portal.id}`, { action: 'resume' })
    expect(receiver.received[1]?.data).toMatchObject({ object: { cancel_at_period_end: false, cancel_at: null }, previous_attributes: { cancel_at_period_end: true } })

    expect((await press(`/portal/${portal.id}`, { action: 'cancel' })).status).toBe(303)
    expect(receiver.received[2]).toMatchObject({ type: 'customer.subscription.deleted', data: { object: { status: 'canceled' } } })
    const sub = await stripe.subscriptions.retrieve((receiver.received[2]?.data.object as Stripe.Subscription).id)
    expect(sub.status).toBe('canceled')
    expect(sub.canceled_at).toBeGreaterThan(0)
    expect(await (await fetch(portal.url)).text()).not.toContain('>Cancel plan</button>')
  })

  it('deliver() sends any signed event; /__reset forgets deliveries', async () => {
    const delivery = await fake.deliver('customer.updated', { id: 'cus_x', object: 'customer' }, { email: 'old@example.com' })
    expect(delivery.status).toBe(200)
    expect(receiver.received[0]).toMatchObject({ id: delivery.event.id, type: 'customer.updated', data: { object: { id: 'cus_x' }, previous_attributes: { email: 'old@example.com' } } })
    expect((await fetch(`${fake.url}/__reset`, { method: 'POST' })).status).toBe(200)
    expect(await (await fetch(`${fake.url}/__deliveries`)).json()).toEqual([])
  })
})
