// Sending through Resend's official SDK. Only the base URL changes in tests (a local stand-in,
// lib/testing/fake-resend.ts); the calls, headers and idempotency keys are the production ones.
import { Resend } from 'resend'
import { withSafeHeaders } from './header-text'
import type { BatchResult, EmailTransport, OutgoingEmail, SendFailure } from './types'

/** Resend's batch endpoint takes at most 100 messages per call. */
export const RESEND_MAX_BATCH = 100
const REQUEST_TIMEOUT_MS = 20_000

export interface ResendTransportOptions {
  apiKey: string
  /** Unset in production; tests point it at a local stand-in. */
  baseUrl?: string
}

interface ResendError {
  name?: string
  statusCode?: number | null
  message?: string
}

export function createResendTransport(options: ResendTransportOptions): EmailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined)
  // Where the message becomes headers: nothing leaves without passing withSafeHeaders.
  const toPayload = (message: OutgoingEmail) => {
    const m = withSafeHeaders(message)
    return { from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, ...(m.headers && { headers: m.headers }) }
  }

  return {
    maxBatch: RESEND_MAX_BATCH,

    async sendBatch(messages, idempotencyKey): Promise<BatchResult> {
      try {
        const { data, error, headers } = await resend.batch.send(messages.map(toPayload), { idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
        if (error) return { ok: false, failure: classify(error, headers?.['retry-after']) }
        return { ok: true, providerIds: messages.map((_, i) => data?.data[i]?.id ?? null) }
      } catch (e) {
        return { ok: false, failure: { kind: 'retry', message: `request failed: ${(e as Error).message}` } }
      }
    },

    async send(message, sendOptions) {
      const key = sendOptions?.idempotencyKey
      const { data, error } = await resend.emails.send(toPayload(message), { ...(key && { idempotencyKey: key }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      if (error || !data) throw new Error(`Resend refused the message: ${error?.name ?? 'unknown'}: ${error?.message ?? ''}`)
      return { id: data.id }
    },
  }
}

/** How to treat a Resend error: retry later, already sent, or give up (recorded for the operator). */
export function classify(error: ResendError, retryAfter?: string | null): SendFailure {
  const message = `${error.name ?? 'error'} (${error.statusCode ?? 'no status'}): ${error.message ?? ''}`
  // The key was used before with a different payload: the first request went through.
  if (error.name === 'invalid_idempotent_request') return { kind: 'already_sent', message }
  const status = error.statusCode ?? null
  if (status === null || status === 429 || status >= 500 || error.name === 'concurrent_idempotent_requests' || error.name === 'rate_limit_exceeded') {
    const seconds = Number(retryAfter)
    return { kind: 'retry', message, ...(Number.isFinite(seconds) && seconds > 0 && { retryAfterMs: seconds * 1000 }) }
  }
  return { kind: 'permanent', message }
}
