import { MAX_WEBHOOK_BODY_BYTES, bodyRefused, readCappedText } from '@/lib/api/request-body'
import { jsonError } from '@/lib/api/responses'
import { stripeClient } from '@/lib/billing/stripe'
import { handleStripeWebhook } from '@/lib/billing/webhook'
import { billingEnabled, env } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * POST /api/webhooks/stripe: Stripe's events about our customers. The signature is checked over
 * the raw body exactly as received, so the body is read as text and never re-serialized. The
 * body is unsigned until checked, so it is read with a ceiling (413 past 1 MiB), never whole.
 */
export async function POST(request: Request) {
  if (!billingEnabled || !env.STRIPE_WEBHOOK_SECRET) return jsonError(503, 'not_configured', 'Billing is not configured on this server.')
  const secret = env.STRIPE_WEBHOOK_SECRET
  const body = await readCappedText(request, MAX_WEBHOOK_BODY_BYTES)
  if (!body.ok) return bodyRefused(body.status)
  const stripe = stripeClient()
  const outcome = await handleStripeWebhook(body.text, request.headers.get('stripe-signature'), {
    constructEvent: (raw, signature) => stripe.webhooks.constructEvent(raw, signature, secret),
    retrieveSubscription: (id) => stripe.subscriptions.retrieve(id),
  })
  return Response.json(outcome.body, { status: outcome.status })
}
