// A local stand-in for the Stripe API, close enough for our code to run unchanged against it through
// the official SDK (`new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`, which the app
// builds from STRIPE_API_BASE): bearer auth, Stripe's JSON error shape, form-encoded bracket
// params, Idempotency-Key replay, the few endpoints billing uses, and hosted Checkout and portal
// pages a browser can click through. Paying or cancelling on those pages POSTs signed webhook
// events to the app and waits for each answer, so when the browser is redirected back the app has
// already seen (or visibly refused) every event, as with a fast real Stripe.
// State lives in memory for the life of the process. This file is the HTTP face; the objects are
// in fake-stripe-objects.ts, their lifecycle and the webhooks in fake-stripe-store.ts, the hosted
// pages' HTML in fake-stripe-pages.ts.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { type ParamObject, paramList, paramMetadata, paramObject, paramString, parseBracketParams } from './bracket-params'
import {
  absoluteUrl,
  badRequest,
  DAY,
  type Delivery,
  type FakeCheckoutSession,
  type FakeCustomer,
  type FakePortalSession,
  type FakePrice,
  type FakePriceOption,
  type FakeSubscription,
  newId,
  noSuch,
  nowSeconds,
  StripeApiError,
} from './fake-stripe-objects'
import { checkoutPage, deliveryFailedPage, notFoundPage, portalPage } from './fake-stripe-pages'
import { createStripeStore } from './fake-stripe-store'

export type * from './fake-stripe-objects'

export interface FakeStripeOptions {
  port?: number
  secretKey: string
  webhookSecret: string
  /** Where events are POSTed: the app's /api/webhooks/stripe. */
  webhookUrl: string
  /** Recurring prices by id. None by default: the caller names the ids its app is configured with. */
  prices?: Record<string, FakePriceOption>
}

export interface RecordedRequest {
  method: string
  path: string
  status: number
  idempotencyKey: string | null
  /** Answered from the idempotency cache. */
  replayed: boolean
}

export interface FakeStripe {
  url: string
  port: number
  prices: Map<string, FakePrice>
  customers: Map<string, FakeCustomer>
  subscriptions: Map<string, FakeSubscription>
  checkoutSessions: Map<string, FakeCheckoutSession>
  portalSessions: Map<string, FakePortalSession>
  deliveries: Delivery[]
  /** Every /v1 API call, accepted or not. */
  requests: RecordedRequest[]
  /** Pays an open Checkout session, as the hosted page's Subscribe button does. */
  completeCheckout(sessionId: string): Promise<{ subscription: FakeSubscription; deliveries: Delivery[] }>
  /** As the portal's buttons: now (customer.subscription.deleted) or at period end (customer.subscription.updated). */
  cancelSubscription(subscriptionId: string, options?: { atPeriodEnd?: boolean }): Promise<Delivery[]>
  /** Undoes a cancel-at-period-end (customer.subscription.updated). */
  resumeSubscription(subscriptionId: string): Promise<Delivery[]>
  /** Signs and POSTs any event to the webhook URL; `object` is sent as a snapshot. */
  deliver(type: string, object: object, previousAttributes?: Record<string, unknown>): Promise<Delivery>
  /** Forgets deliveries and requests. Objects stay: the app's database still points at them. */
  reset(): void
  close(): Promise<void>
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const store = createStripeStore(options)
  const { prices, customers, subscriptions, checkoutSessions, checkoutPlans, portalSessions, deliveries, deliver, completeCheckout, cancelSubscription, resumeSubscription } = store
  const requests: RecordedRequest[] = []
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>()
  let baseUrl = ''

  /** `expand[]` for the few fields the app may ask for; anything else is refused as Stripe would. */
  function expand(object: object, params: ParamObject, expanders: Record<string, (id: string) => object | undefined>): object {
    const out: Record<string, unknown> = { ...object }
    for (const field of paramList(params.expand).map(paramString)) {
      const expander = field === undefined ? undefined : expanders[field]
      if (field === undefined || !expander) throw badRequest(`This property cannot be expanded (${field ?? ''}) by the local stand-in.`, 'expand')
      const id = out[field]
      if (typeof id === 'string') out[field] = expander(id) ?? id
    }
    return out
  }

  function createCheckoutSession(p: ParamObject): FakeCheckoutSession {
    const mode = paramString(p.mode)
    if (mode !== 'subscription') throw badRequest(`The local stand-in supports mode=subscription only (got ${mode ?? 'none'}).`, 'mode')
    const customer = paramString(p.customer)
    if (!customer) throw badRequest('Missing required param: customer (the local stand-in needs an existing customer).', 'customer')
    if (!customers.has(customer)) throw noSuch('customer', customer, 400, 'customer')
    const lineItems = paramList(p.line_items).map((raw, i) => {
      const item = paramObject(raw)
      const price = paramString(item?.price)
      const quantity = Number(paramString(item?.quantity) ?? '1')
      if (!price) throw badRequest(`Missing required param: line_items[${i}][price].`, `line_items[${i}][price]`)
      if (!prices.has(price)) throw noSuch('price', price, 400, `line_items[${i}][price]`)
      if (!Number.isInteger(quantity) || quantity < 1) throw badRequest('Invalid positive integer', `line_items[${i}][quantity]`)
      return { price, quantity }
    })
    if (lineItems.length === 0) throw badRequest('Missing required param: line_items.', 'line_items')
    const successUrl = absoluteUrl(paramString(p.success_url), 'success_url', true) as string
    const cancelUrl = absoluteUrl(paramString(p.cancel_url), 'cancel_url', false)
    const first = prices.get(lineItems[0]?.price ?? '') as FakePrice
    const id = newId('cs_test')
    const created = nowSeconds()
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      url: `${baseUrl}/checkout/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      mode,
      customer,
      client_reference_id: paramString(p.client_reference_id) ?? null,
      metadata: paramMetadata(p.metadata),
      subscription: null,
      success_url: successUrl,
      cancel_url: cancelUrl,
      amount_total: lineItems.reduce((sum, li) => sum + (prices.get(li.price)?.unit_amount ?? 0) * li.quantity, 0),
      currency: first.currency,
      created,
      expires_at: created + DAY,
      livemode: false,
    }
    checkoutSessions.set(id, session)
    checkoutPlans.set(id, { lineItems, subscriptionMetadata: paramMetadata(paramObject(p.subscription_data)?.metadata) })
    return session
  }

  /** The Stripe REST API: returns the JSON body for a 200, throws StripeApiError otherwise. */
  function api(method: string, path: string, p: ParamObject): object {
    const found = <T>(map: Map<string, T>, kind: string, id: string): T => {
      const value = map.get(id)
      if (value === undefined) throw noSuch(kind, id)
      return value
    }
    const route = `${method} ${path}`
    let m: RegExpExecArray | null
    if (route === 'POST /v1/customers') {
      const customer: FakeCustomer = { id: newId('cus'), object: 'customer', email: paramString(p.email) ?? null, name: paramString(p.name) ?? null, metadata: paramMetadata(p.metadata), created: nowSeconds(), livemode: false }
      customers.set(customer.id, customer)
      return customer
    }
    if ((m = /^GET \/v1\/customers\/([\w-]+)$/.exec(route))) return found(customers, 'customer', m[1] as string)
    if (route === 'POST /v1/checkout/sessions') return createCheckoutSession(p)
    if ((m = /^GET \/v1\/checkout\/sessions\/([\w-]+)$/.exec(route))) {
      return expand(found(checkoutSessions, 'checkout.session', m[1] as string), p, { subscription: (id) => subscriptions.get(id), customer: (id) => customers.get(id) })
    }
    if ((m = /^GET \/v1\/subscriptions\/([\w-]+)$/.exec(route))) return expand(found(subscriptions, 'subscription', m[1] as string), p, { customer: (id) => customers.get(id) })
    if ((m = /^GET \/v1\/prices\/([\w-]+)$/.exec(route))) return found(prices, 'price', m[1] as string)
    if (route === 'POST /v1/billing_portal/sessions') {
      const customer = paramString(p.customer)
      if (!customer) throw badRequest('Missing required param: customer.', 'customer')
      if (!customers.has(customer)) throw noSuch('customer', customer, 400, 'customer')
      const id = newId('bps')
      const session: FakePortalSession = { id, object: 'billing_portal.session', url: `${baseUrl}/portal/${id}`, customer, return_url: absoluteUrl(paramString(p.return_url), 'return_url', false), created: nowSeconds(), livemode: false }
      portalSessions.set(id, session)
      return session
    }
    throw new StripeApiError(404, `Unrecognized request URL (${method}: ${path}). The local Stripe stand-in (lib/testing/fake-stripe.ts) does not implement it.`)
  }

  const requestId = () => newId('req')
  const sendJson = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId(), 'stripe-version': Stripe.API_VERSION, ...headers }).end(body)
  }
  const sendHtml = (res: http.ServerResponse, status: number, html: string): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html)
  }
  const redirect = (res: http.ServerResponse, location: string): void => {
    res.writeHead(303, { location }).end()
  }
  const allDelivered = (sent: Delivery[]) => sent.every((d) => d.status >= 200 && d.status < 300)

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string): void {
    const method = req.method ?? 'GET'
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null
    const answer = (status: number, json: string, replayed = false) => {
      requests.push({ method, path: url.pathname, status, idempotencyKey: key, replayed })
      sendJson(res, status, json, replayed ? { 'idempotent-replayed': 'true' } : {})
    }
    const auth = req.headers.authorization ?? ''
    if (auth !== `Bearer ${options.secretKey}`) {
      const message = auth ? `Invalid API Key provided: ${auth.replace(/^Bearer /, '').slice(0, 8)}****` : 'You did not provide an API key.'
      return answer(401, JSON.stringify(new StripeApiError(401, message)))
    }
    const fingerprint = createHash('sha256').update(`${method} ${url.pathname}\n${body}`).digest('hex')
    const seen = method === 'POST' && key ? idempotent.get(key) : undefined
    if (seen && seen.fingerprint !== fingerprint) {
      const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
      return answer(400, JSON.stringify(new StripeApiError(400, message, { type: 'idempotency_error' })))
    }
    if (seen) return answer(seen.status, seen.body, true)

    let status = 200
    let json: string
    try {
      json = JSON.stringify(api(method, url.pathname, parseBracketParams(method === 'GET' ? url.search.slice(1) : body)))
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e
      status = e.status
      json = JSON.stringify(e)
    }
    if (method === 'POST' && key) idempotent.set(key, { fingerprint, status, body: json })
    answer(status, json)
  }

  async function handleCheckoutPage(method: string, id: string, res: http.ServerResponse): Promise<void> {
    const session = checkoutSessions.get(id)
    const plan = checkoutPlans.get(id)
    if (!session || !plan) return sendHtml(res, 404, notFoundPage(`No Checkout session ${id}.`))
    const successUrl = session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id)
    if (method === 'GET') {
      const lines = plan.lineItems.map((li) => prices.get(li.price)).filter((p): p is FakePrice => p !== undefined)
      return sendHtml(res, 200, checkoutPage(session, lines, customers.get(session.customer), successUrl))
    }
    if (method !== 'POST') return sendHtml(res, 405, notFoundPage('Use GET or POST.'))
    const { deliveries: sent } = await completeCheckout(id)
    if (!allDelivered(sent)) return sendHtml(res, 502, deliveryFailedPage(sent))
    redirect(res, successUrl)
  }

  async function handlePortalPage(method: string, id: string, body: string, res: http.ServerResponse): Promise<void> {
    const session = portalSessions.get(id)
    if (!session) return sendHtml(res, 404, notFoundPage(`No billing portal session ${id}.`))
    const subscription = store.currentSubscription(session.customer)
    if (method === 'GET') return sendHtml(res, 200, portalPage(session, customers.get(session.customer), subscription))
    if (method !== 'POST') return sendHtml(res, 405, notFoundPage('Use GET or POST.'))
    if (!subscription) return sendHtml(res, 409, notFoundPage('This customer has no subscription to change.'))
    const action = paramString(parseBracketParams(body).action)
    let sent: Delivery[]
    try {
      if (action === 'cancel') sent = await cancelSubscription(subscription.id)
      else if (action === 'cancel_at_period_end') sent = await cancelSubscription(subscription.id, { atPeriodEnd: true })
      else if (action === 'resume') sent = await resumeSubscription(subscription.id)
      else return sendHtml(res, 400, notFoundPage(`Unknown portal action ${action ?? '(none)'}.`))
    } catch (e) {
      if (e instanceof StripeApiError) return sendHtml(res, e.status, notFoundPage(e.message))
      throw e
    }
    if (!allDelivered(sent)) return sendHtml(res, 502, deliveryFailedPage(sent))
    redirect(res, session.return_url ?? `/portal/${id}`)
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const method = req.method ?? 'GET'
    if (method === 'GET' && url.pathname === '/__deliveries') {
      const customer = url.searchParams.get('customer')
      const list = deliveries.map((d) => {
        const object = d.event.data.object as { id?: unknown; customer?: unknown }
        return { id: d.event.id, type: d.event.type, status: d.status, object: object.id ?? null, customer: object.customer ?? null }
      })
      return sendJson(res, 200, JSON.stringify(customer ? list.filter((d) => d.customer === customer) : list))
    }
    if (method === 'POST' && url.pathname === '/__reset') {
      reset()
      return sendJson(res, 200, '{}')
    }
    let m: RegExpExecArray | null
    if ((m = /^\/checkout\/([\w-]+)$/.exec(url.pathname))) return handleCheckoutPage(method, m[1] as string, res)
    if ((m = /^\/portal\/([\w-]+)$/.exec(url.pathname))) return handlePortalPage(method, m[1] as string, body, res)
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url, body)
    sendJson(res, 404, JSON.stringify(new StripeApiError(404, `Unrecognized request URL (${method}: ${url.pathname}).`)))
  }

  function reset(): void {
    deliveries.length = 0
    requests.length = 0
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        // A bug in the stand-in: say so loudly rather than hang the caller.
        console.error('fake-stripe:', e)
        if (!res.headersSent) sendJson(res, 500, JSON.stringify(new StripeApiError(500, `local Stripe stand-in failed: ${String(e)}`, { type: 'api_error' })))
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    port,
    prices,
    customers,
    subscriptions,
    checkoutSessions,
    portalSessions,
    deliveries,
    requests,
    completeCheckout,
    cancelSubscription,
    resumeSubscription,
    deliver,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
