import { describe, expect, it } from 'vitest'
import { failureWaitMs, MAX_RETRY_AFTER_MS } from './check-vendor'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const options = { intervalMs: MINUTE, maxBackoffMs: 30 * MINUTE }

describe('failureWaitMs: when a failing vendor is checked again', () => {
  it('backs off exponentially from one interval, never past 30 minutes', () => {
    expect(failureWaitMs(1, undefined, options, 0.5)).toBe(MINUTE)
    expect(failureWaitMs(3, undefined, options, 0.5)).toBe(4 * MINUTE)
    // Jitter may not push the capped backoff past the cap.
    expect(failureWaitMs(20, undefined, options, 0.99)).toBe(30 * MINUTE)
  })

  it('honours a longer Retry-After beyond the backoff cap, up to six hours', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(6 * HOUR)
    expect(failureWaitMs(1, 2 * 3600, options, 0.5)).toBe(2 * HOUR)
    expect(failureWaitMs(1, 6 * 3600, options, 0.5)).toBe(6 * HOUR)
    expect(failureWaitMs(1, 3 * 24 * 3600, options, 0.5)).toBe(6 * HOUR)
  })

  it('keeps the backoff when Retry-After asks for less', () => {
    expect(failureWaitMs(3, 10, options, 0.5)).toBe(4 * MINUTE)
    expect(failureWaitMs(1, 0, options, 0.5)).toBe(MINUTE)
  })
})
