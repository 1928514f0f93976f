// How a webhook service's HTTP answer maps to an outcome the outbox records. One table for the
// kinds that are plain HTTPS webhooks (Discord, Google Chat, Teams); each kind says which answers
// mean its webhook is gone.
import { outcomeOfError } from './http-outcome'
import type { OutboundResponse, SendOutcome } from './types'

/** Retry-After in seconds (or an HTTP date) as milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: Date = new Date()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime())
}

/** The service's error words, bounded, for the delivery log ("404 Unknown Webhook"). */
export function describeResponse(response: OutboundResponse): string {
  const body = response.text.replace(/\s+/g, ' ').trim()
  let message = ''
  try {
    const parsed: unknown = JSON.parse(response.text)
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>
      const error = record.error
      if (typeof record.message === 'string') message = record.message
      else if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') message = (error as Record<string, string>).message ?? ''
      else if (typeof error === 'string') message = error
    }
  } catch {
    message = body
  }
  return `${response.status}${message ? ` ${message.slice(0, 200)}` : ''}`
}

export interface FailureRules {
  /** Statuses that mean the webhook no longer exists or no longer lets us in. */
  brokenStatuses: readonly number[]
  /** Milliseconds to wait after a 429 that names no time. */
  defaultRetryAfterMs?: number
  /** A kind's own reading of its 429 body (Discord's `retry_after`). */
  retryAfterFromBody?: (text: string) => number | null
}

/** The outcome of a non-2xx answer: 429 and 5xx retry, the kind's "gone" statuses break, the rest fail this message. */
export function failureOutcome(response: OutboundResponse, rules: FailureRules): SendOutcome {
  const reason = describeResponse(response)
  const statusCode = response.status
  if (statusCode === 429) {
    const wait = rules.retryAfterFromBody?.(response.text) ?? retryAfterMs(response.headers['retry-after']) ?? rules.defaultRetryAfterMs ?? 60_000
    return { ok: false, retry: true, reason, retryAfterMs: wait, statusCode }
  }
  if (statusCode >= 500 || statusCode === 408) return { ok: false, retry: true, reason, statusCode }
  if (rules.brokenStatuses.includes(statusCode)) return { ok: false, retry: false, broken: true, reason, statusCode }
  return { ok: false, retry: false, broken: false, reason, statusCode }
}

/** A request that got no answer (timeout, refused, reset) is retried; an address the guard refuses breaks the destination. */
export const networkOutcome = outcomeOfError
