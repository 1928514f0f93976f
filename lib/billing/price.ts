// The Pro price as the pricing page shows it, read from Stripe (STRIPE_PRICE_PRO is the single
// source of truth for what Checkout charges). Kept for an hour; when Stripe cannot be reached the
// page says the price is shown at checkout rather than guess.
import type Stripe from 'stripe'
import { billingEnabled, env } from '@/lib/env'
import { stripeClient } from './stripe'

export interface DisplayPrice {
  /** "$9" or "€12.50". */
  amount: string
  /** "month", "year", or "3 months". */
  interval: string
}

const FRESH_MS = 60 * 60_000
const RETRY_AFTER_FAILURE_MS = 60_000
let cached: { price: DisplayPrice | null; until: number } | undefined

export function formatPrice(price: Pick<Stripe.Price, 'unit_amount' | 'currency' | 'recurring'>): DisplayPrice | null {
  if (price.unit_amount === null || !price.recurring) return null
  const major = price.unit_amount / 100
  const amount = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: price.currency.toUpperCase(),
    minimumFractionDigits: Number.isInteger(major) ? 0 : 2,
  }).format(major)
  const { interval, interval_count: count } = price.recurring
  return { amount, interval: count > 1 ? `${count} ${interval}s` : interval }
}

export async function getProPrice(now = Date.now()): Promise<DisplayPrice | null> {
  if (!billingEnabled || !env.STRIPE_PRICE_PRO) return null
  if (cached && cached.until > now) return cached.price
  try {
    const price = formatPrice(await stripeClient().prices.retrieve(env.STRIPE_PRICE_PRO))
    cached = { price, until: now + FRESH_MS }
  } catch (e) {
    console.warn(`[billing] could not read the Pro price from Stripe: ${e instanceof Error ? e.message : String(e)}`)
    cached = { price: null, until: now + RETRY_AFTER_FAILURE_MS }
  }
  return cached.price
}
