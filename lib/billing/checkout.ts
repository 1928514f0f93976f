// Sending a user to Stripe: Checkout to buy Pro, the Customer Portal to manage it. Neither writes
// billing state; that happens only when Stripe's webhook reports what the user did.
import type Stripe from 'stripe'
import { claimStripeCustomerId, getBillingIdentity } from '@/lib/data/billing'
import { env } from '@/lib/env'
import { NotFoundError } from '@/lib/errors'
import { stripeClient } from './stripe'

/** What talking to Stripe needs; tests pass a client pointed at the local stand-in. */
export interface BillingContext {
  stripe: Stripe
  proPriceId: string
  appUrl: string
}

function configuredContext(): BillingContext {
  return { stripe: stripeClient(), proPriceId: env.STRIPE_PRICE_PRO ?? '', appUrl: env.APP_URL }
}

/**
 * The user's one Stripe customer, created on first need. The idempotency key makes two racing
 * first checkouts create a single customer at Stripe, and claimStripeCustomerId a single link.
 */
async function ensureStripeCustomer(userId: string, { stripe }: BillingContext): Promise<string> {
  const identity = await getBillingIdentity(userId)
  if (!identity) throw new NotFoundError('No such user')
  if (identity.stripeCustomerId) return identity.stripeCustomerId
  const customer = await stripe.customers.create(
    { email: identity.email, metadata: { userId } },
    { idempotencyKey: `vendorwatch-customer-${userId}` },
  )
  return claimStripeCustomerId(userId, customer.id)
}

/** A Stripe Checkout page for the Pro subscription; the caller redirects the browser to it. */
export async function createProCheckoutUrl(userId: string, context: BillingContext = configuredContext()): Promise<string> {
  const customer = await ensureStripeCustomer(userId, context)
  const session = await context.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    line_items: [{ price: context.proPriceId, quantity: 1 }],
    // Both routes back to the user: the session for checkout.session.completed, the
    // subscription's own metadata for every customer.subscription.* event after it.
    client_reference_id: userId,
    metadata: { userId },
    subscription_data: { metadata: { userId } },
    success_url: `${context.appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${context.appUrl}/pricing?checkout=cancelled`,
  })
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
  return session.url
}

/** The Stripe Customer Portal (change card, cancel, resume) for a user who has a customer. */
export async function createBillingPortalUrl(userId: string, context: BillingContext = configuredContext()): Promise<string> {
  const customer = await ensureStripeCustomer(userId, context)
  const session = await context.stripe.billingPortal.sessions.create({ customer, return_url: `${context.appUrl}/dashboard` })
  return session.url
}
