// The outcome of one HTTP call to a destination, shared by the senders: what a status code or a
// network failure means for the outbox (sent, retry later, the destination is broken, this message
// can never go). Pure.
import { parseRetryAfter } from '@/lib/ingest/http-decode'
import { isOutboundHttpError } from './outbound-http'
import type { OutboundResponse, SendOutcome } from './types'

/** The first line of an error answer, bounded, for the log. */
export function answerSnippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 140 ? `${line.slice(0, 137)}...` : line
}

/** 408, 425, 429 and 5xx are retried; `gone` statuses mean the destination was deleted; other 4xx fail the message. */
export function outcomeOfResponse(res: OutboundResponse, now: number, gone: readonly number[] = [404, 410]): SendOutcome {
  if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status }
  const reason = `HTTP ${res.status}${res.text ? `: ${answerSnippet(res.text)}` : ''}`
  if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) {
    const seconds = parseRetryAfter(res.headers['retry-after'], now)
    return { ok: false, retry: true, reason, statusCode: res.status, ...(seconds !== undefined ? { retryAfterMs: seconds * 1000 } : {}) }
  }
  if (gone.includes(res.status) || res.status === 401 || res.status === 403) return { ok: false, retry: false, broken: true, reason, statusCode: res.status }
  return { ok: false, retry: false, broken: false, reason, statusCode: res.status }
}

/** A request that got no answer: a blocked address breaks the destination (it now points inside); the rest is retried. */
export function outcomeOfError(e: unknown): SendOutcome {
  if (isOutboundHttpError(e)) {
    if (e.kind === 'blocked') return { ok: false, retry: false, broken: true, reason: `refused: ${e.message}` }
    return { ok: false, retry: true, reason: e.message }
  }
  return { ok: false, retry: true, reason: e instanceof Error ? e.message : String(e) }
}
