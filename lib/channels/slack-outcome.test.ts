// What each error the Slack Web API client throws means for the outbox.
import { ErrorCode } from '@slack/web-api'
import { describe, expect, it } from 'vitest'
import { slackErrorOutcome } from './slack'

const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: ErrorCode.PlatformError, data: { ok: false, error } })
const http = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { code: ErrorCode.HTTPError, statusCode })

describe('slackErrorOutcome', () => {
  it.each(['token_revoked', 'invalid_auth', 'account_inactive', 'channel_not_found', 'is_archived', 'not_in_channel'])('%s breaks the destination', (error) => {
    expect(slackErrorOutcome(platform(error))).toEqual({ ok: false, retry: false, broken: true, reason: error, statusCode: 200 })
  })

  it('retries Slack\'s own failures and rate limits, with Retry-After', () => {
    expect(slackErrorOutcome(platform('internal_error'))).toMatchObject({ retry: true })
    expect(slackErrorOutcome(http(503))).toMatchObject({ retry: true, statusCode: 503 })
    expect(slackErrorOutcome(Object.assign(new Error('rate limited'), { code: ErrorCode.RateLimitedError, retryAfter: 42 }))).toMatchObject({ retry: true, retryAfterMs: 42_000, statusCode: 429 })
    expect(slackErrorOutcome(Object.assign(new Error('socket hang up'), { code: ErrorCode.RequestError }))).toMatchObject({ retry: true, reason: 'request failed: socket hang up' })
  })

  it('fails one message that Slack refuses for itself, and keeps the destination', () => {
    expect(slackErrorOutcome(platform('invalid_blocks'))).toEqual({ ok: false, retry: false, broken: false, reason: 'invalid_blocks', statusCode: 200 })
    expect(slackErrorOutcome(http(400))).toMatchObject({ retry: false, broken: false })
    expect(slackErrorOutcome(http(401))).toMatchObject({ retry: false, broken: true })
  })
})
