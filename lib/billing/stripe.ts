// The one Stripe client of the process. The production path is the official SDK talking to
// api.stripe.com; tests point the same SDK at a local stand-in through STRIPE_API_BASE.
import Stripe from 'stripe'
import { billingEnabled, env } from '@/lib/env'

let client: Stripe | undefined

/** Call only when `billingEnabled` (the callers check it first and tell the user otherwise). */
export function stripeClient(): Stripe {
  if (!billingEnabled || !env.STRIPE_SECRET_KEY) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PRO)')
  client ??= new Stripe(env.STRIPE_SECRET_KEY, {
    ...apiBase(env.STRIPE_API_BASE),
    // A click waits on these calls: fail within seconds rather than hang the button.
    timeout: 10_000,
    maxNetworkRetries: 2,
    appInfo: { name: 'Vendorwatch' },
  })
  return client
}

function apiBase(url: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!url) return {}
  const parsed = new URL(url)
  const protocol = parsed.protocol === 'http:' ? 'http' : 'https'
  return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : protocol === 'http' ? 80 : 443, protocol }
}
