// The objects the local Stripe stand-in (fake-stripe.ts) keeps, in the shapes of the API version
// the installed SDK speaks (2026-10-28): the fields billing reads, plus the few that make them
// recognisable in a log. Also the error Stripe answers with, and its id and time conventions.
import { randomBytes } from 'node:crypto'

export type UnixSeconds = number
export type Interval = 'month' | 'year'

export interface FakePriceOption {
  /** In the currency's minor unit (cents). */
  unit_amount: number
  currency: string
  interval: Interval
}

export interface FakePrice {
  id: string
  object: 'price'
  active: true
  currency: string
  unit_amount: number
  recurring: { interval: Interval; interval_count: 1 }
  type: 'recurring'
  product: string
  livemode: false
}

export interface FakeCustomer {
  id: string
  object: 'customer'
  email: string | null
  name: string | null
  metadata: Record<string, string>
  created: UnixSeconds
  livemode: false
}

export interface FakeSubscriptionItem {
  id: string
  object: 'subscription_item'
  price: FakePrice
  quantity: number
  subscription: string
  created: UnixSeconds
  // Since API 2025-03-31 the billing period lives on the item, not on the subscription.
  current_period_start: UnixSeconds
  current_period_end: UnixSeconds
}

export interface FakeSubscription {
  id: string
  object: 'subscription'
  customer: string
  status: 'active' | 'canceled'
  metadata: Record<string, string>
  cancel_at_period_end: boolean
  cancel_at: UnixSeconds | null
  canceled_at: UnixSeconds | null
  cancellation_details: { reason: 'cancellation_requested' | null; comment: null; feedback: null }
  ended_at: UnixSeconds | null
  created: UnixSeconds
  start_date: UnixSeconds
  currency: string
  latest_invoice: string | null
  livemode: false
  items: { object: 'list'; data: FakeSubscriptionItem[]; has_more: false; total_count: number; url: string }
}

export interface FakeCheckoutSession {
  id: string
  object: 'checkout.session'
  /** Null once the session is complete, as on Stripe. */
  url: string | null
  status: 'open' | 'complete'
  payment_status: 'unpaid' | 'paid'
  mode: 'subscription'
  customer: string
  client_reference_id: string | null
  metadata: Record<string, string>
  subscription: string | null
  success_url: string
  cancel_url: string | null
  amount_total: number
  currency: string
  created: UnixSeconds
  expires_at: UnixSeconds
  livemode: false
}

export interface FakePortalSession {
  id: string
  object: 'billing_portal.session'
  url: string
  customer: string
  return_url: string | null
  created: UnixSeconds
  livemode: false
}

export interface FakeEvent {
  id: string
  object: 'event'
  api_version: string
  created: UnixSeconds
  livemode: false
  pending_webhooks: 1
  request: { id: null; idempotency_key: null }
  type: string
  data: { object: object; previous_attributes?: Record<string, unknown> }
}

/** One POST of an event to the webhook URL. `status` 0: no HTTP answer (refused, timed out); `body` then holds the error. */
export interface Delivery {
  event: FakeEvent
  status: number
  body: string
}

/** Stripe's answer when a request is wrong; the SDK turns `type` into its error classes. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: { type?: string; code?: string; param?: string } = {},
  ) {
    super(message)
  }
  toJSON() {
    return { error: { type: this.detail.type ?? 'invalid_request_error', message: this.message, ...(this.detail.code && { code: this.detail.code }), ...(this.detail.param && { param: this.detail.param }) } }
  }
}

export const badRequest = (message: string, param?: string) => new StripeApiError(400, message, { param })
export const noSuch = (kind: string, id: string, status = 404, param = 'id') => new StripeApiError(status, `No such ${kind}: '${id}'`, { code: 'resource_missing', param })

export const DAY = 86_400
export const PERIOD_SECONDS: Record<Interval, number> = { month: 30 * DAY, year: 365 * DAY }

export const nowSeconds = (): UnixSeconds => Math.floor(Date.now() / 1000)
// Alphanumeric after the prefix, like Stripe's own ids, so an app's id patterns hold.
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

/** A URL param Stripe would accept (absolute), or null when optional and absent. */
export function absoluteUrl(value: string | undefined, param: string, required: boolean): string | null {
  if (value === undefined || value === '') {
    if (required) throw badRequest(`Missing required param: ${param}.`, param)
    return null
  }
  try {
    new URL(value.replaceAll('{CHECKOUT_SESSION_ID}', 'cs_x'))
  } catch {
    throw badRequest('Not a valid URL', param)
  }
  return value
}

export function buildPrice(id: string, p: FakePriceOption): FakePrice {
  return { id, object: 'price', active: true, currency: p.currency, unit_amount: p.unit_amount, recurring: { interval: p.interval, interval_count: 1 }, type: 'recurring', product: `prod_${id}`, livemode: false }
}
