import { jsonError } from '@/lib/api/responses'
import { stripeClient } from '@/lib/billing/stripe'
import { handleStripeWebhook } from '@/lib/billing/webhook'
import { billingEnabled, env } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * POST /api/webhooks/stripe: Stripe's events about our customers. The signature is checked over
 * the raw body exactly as received, so the body is read as text and never re-serialized.
 */
export async function POST(request: Request) {
  if (!billingEnabled || !env.STRIPE_WEBHOOK_SECRET) return jsonError(503, 'not_configured', 'Billing is not configured on this server.')
  const secret = env.STRIPE_WEBHOOK_SECRET
  const stripe = stripeClient()
  const outcome = await handleStripeWebhook(await request.text(), request.headers.get('stripe-signature'), {
    constructEvent: (body, signature) => stripe.webhooks.constructEvent(body, signature, secret),
    retrieveSubscription: (id) => stripe.subscriptions.retrieve(id),
  })
  return Response.json(outcome.body, { status: outcome.status })
}
