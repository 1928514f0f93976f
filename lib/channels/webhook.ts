// Signed webhooks, Standard Webhooks (https://www.standardwebhooks.com): every change event is one
// POST of the versioned JSON payload (lib/channels/message.ts), with `webhook-id` (the event id: the
// receiver's idempotency key, the same on every retry), `webhook-timestamp` and `webhook-signature`
// (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the destination's `whsec_` secret).
import { createHmac, randomBytes } from 'node:crypto'
import { outcomeOfError, outcomeOfResponse } from './http-outcome'
import type { ChannelMessage, ChannelSender } from './types'

const SECRET_PREFIX = 'whsec_'

/** A new signing secret: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`
}

/**
 * The Standard Webhooks headers of one delivery. Signed with node:crypto's HMAC, not the
 * `standardwebhooks` package's `sign` (a pure-JS SHA-256 that copies the whole body into new
 * arrays): with thousands of webhooks per event that was a few KB of garbage and CPU per delivery.
 * The stand-in receiver still verifies with the package, as a customer would.
 */
export function signedHeaders(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  const seconds = String(Math.floor(timestamp.getTime() / 1000))
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64')
  const signature = createHmac('sha256', key).update(id).update('.').update(seconds).update('.').update(body).digest('base64')
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` }
}

/** The webhook id of an event: stable across retries, so a receiver can drop a repeat. */
export const webhookMessageId = (eventId: string) => `msg_${eventId}`

/**
 * The JSON body of a message, serialized once per message: an event fanned out to thousands of
 * webhooks is the same bytes to each (only the signature differs), and the outbox holds one message
 * per event, so the string lives exactly as long as the message does.
 */
const bodies = new WeakMap<ChannelMessage, string>()
export function webhookBody(message: ChannelMessage): string {
  let body = bodies.get(message)
  if (body === undefined) bodies.set(message, (body = JSON.stringify(message.payload)))
  return body
}

export const webhookSender: ChannelSender<'webhook'> = {
  kind: 'webhook',
  async send({ settings, message, http, signal }) {
    const body = webhookBody(message)
    const headers = { 'Content-Type': 'application/json', ...signedHeaders(settings.secret, webhookMessageId(message.eventId), new Date(), body) }
    try {
      const res = await http({ method: 'POST', url: settings.url, headers, body, ...(signal ? { signal } : {}) })
      // 410 Gone is the one answer that says the endpoint was removed; a 404 may be a deploy in progress.
      const outcome = outcomeOfResponse(res, Date.now(), [410])
      return outcome.ok ? { ...outcome, detail: `HTTP ${res.status}` } : outcome
    } catch (e) {
      return outcomeOfError(e)
    }
  },
}
