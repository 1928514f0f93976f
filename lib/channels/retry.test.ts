import { describe, expect, it } from 'vitest'
import { backoffMs, nextAttemptAt, RETRY_WINDOW_MS } from './retry'

describe('channel retry backoff', () => {
  it('doubles from 30 s and stops growing at an hour', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(backoffMs(30)).toBe(3_600_000)
  })

  it('honours Retry-After instead, within a second and an hour', () => {
    expect(backoffMs(5, 7_000)).toBe(7_000)
    expect(backoffMs(1, 0)).toBe(1_000)
    expect(backoffMs(1, 10 * 3_600_000)).toBe(3_600_000)
  })

  it('gives up once the next attempt would fall more than a day after the delivery was created', () => {
    const created = new Date('2030-01-01T00:00:00Z')
    expect(nextAttemptAt(created, new Date(created.getTime() + 60_000), 1)).toEqual(new Date(created.getTime() + 90_000))
    expect(nextAttemptAt(created, new Date(created.getTime() + RETRY_WINDOW_MS - 1_000), 10)).toBeNull()
  })
})
