// How each webhook kind's HTTP answers become outcomes: retry, broken destination, or one failed message.
import { describe, expect, it } from 'vitest'
import { discordFailure } from './discord'
import { googleChatFailure } from './google-chat'
import { networkOutcome, retryAfterMs } from './chat-outcome'
import { OutboundHttpError } from './outbound-http'
import { teamsFailure } from './teams'
import type { OutboundResponse } from './types'

const response = (status: number, text = '', headers: Record<string, string> = {}): OutboundResponse => ({ status, text, headers, latencyMs: 5 })

describe('webhook outcomes', () => {
  it.each([
    ['discord', discordFailure],
    ['google chat', googleChatFailure],
    ['teams', teamsFailure],
  ] as const)('%s: 5xx retries, 401/403/404 break the destination, 400 fails the message only', (_kind, map) => {
    expect(map(response(503))).toMatchObject({ ok: false, retry: true, statusCode: 503 })
    for (const status of [401, 403, 404]) expect(map(response(status))).toMatchObject({ ok: false, retry: false, broken: true, statusCode: status })
    expect(map(response(400, '{"message":"bad embed"}'))).toMatchObject({ ok: false, retry: false, broken: false, reason: '400 bad embed' })
  })

  it('honours Retry-After on a 429, and Discord\'s retry_after in its body first', () => {
    expect(teamsFailure(response(429, '', { 'retry-after': '7' }))).toMatchObject({ retry: true, retryAfterMs: 7000, statusCode: 429 })
    expect(googleChatFailure(response(429, '{"error":{"message":"Resource has been exhausted"}}', { 'retry-after': '2' }))).toMatchObject({ retry: true, retryAfterMs: 2000, reason: '429 Resource has been exhausted' })
    expect(discordFailure(response(429, '{"message":"You are being rate limited.","retry_after":1.25,"global":false}', { 'retry-after': '2' }))).toMatchObject({ retry: true, retryAfterMs: 1250 })
    expect(teamsFailure(response(429))).toMatchObject({ retry: true, retryAfterMs: 60_000 })
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-03-02T14:00:00Z')
    expect(retryAfterMs('3', now)).toBe(3000)
    expect(retryAfterMs('Mon, 02 Mar 2026 14:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('soon', now)).toBeNull()
    expect(retryAfterMs(undefined, now)).toBeNull()
  })

  it('retries when no answer came, breaks when the address is refused by the guard', () => {
    expect(networkOutcome(new OutboundHttpError('network', 'hooks.example: ECONNREFUSED'))).toMatchObject({ retry: true })
    expect(networkOutcome(new OutboundHttpError('timeout', 'no answer'))).toMatchObject({ retry: true })
    expect(networkOutcome(new OutboundHttpError('blocked', '10.0.0.1 is a private address'))).toMatchObject({ retry: false, broken: true })
  })
})
