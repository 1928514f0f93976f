import { describe, expect, it } from 'vitest'
import { freshness } from './freshness'

const now = new Date('2026-11-24T12:00:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const MINUTE = 60_000

describe('freshness', () => {
  it('distinguishes unmonitored, never checked and never read successfully', () => {
    expect(freshness(null, true, now, MINUTE)).toEqual({ kind: 'unmonitored' })
    const blank = { lastCheckedAt: null, lastSuccessAt: null, consecutiveFailures: 0, lastError: null }
    expect(freshness(blank, false, now, MINUTE)).toEqual({ kind: 'unmonitored' })
    expect(freshness(blank, true, now, MINUTE)).toEqual({ kind: 'never_checked' })
    expect(freshness({ ...blank, lastCheckedAt: ago(1), consecutiveFailures: 1, lastError: 'HTTP 500' }, true, now, MINUTE)).toEqual({
      kind: 'never_succeeded',
      lastCheckedAt: ago(1),
      error: 'HTTP 500',
    })
  })

  it('is fresh after a recent success and stale after failures or a long silence', () => {
    const ok = { lastCheckedAt: ago(1), lastSuccessAt: ago(1), consecutiveFailures: 0, lastError: null }
    expect(freshness(ok, true, now, MINUTE).kind).toBe('fresh')
    expect(freshness({ ...ok, lastCheckedAt: ago(0), consecutiveFailures: 1, lastError: 'timeout' }, true, now, MINUTE)).toMatchObject({ kind: 'stale', error: 'timeout' })
    expect(freshness({ ...ok, lastCheckedAt: ago(6), lastSuccessAt: ago(6) }, true, now, MINUTE).kind).toBe('stale')
    // With a 10-minute interval, 6 minutes is still fresh (3 intervals).
    expect(freshness({ ...ok, lastCheckedAt: ago(6), lastSuccessAt: ago(6) }, true, now, 10 * MINUTE).kind).toBe('fresh')
  })
})
