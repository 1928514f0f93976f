import { describe, expect, it } from 'vitest'
import { describeRetryAfter, isOverLimit, retryAfterMs, windowStart } from './window'

const MIN = 60_000

describe('fixed windows', () => {
  it('aligns windows to the epoch so every process agrees', () => {
    expect(windowStart(new Date('2026-05-01T10:07:30Z'), 15 * MIN).toISOString()).toBe('2026-05-01T10:00:00.000Z')
    expect(windowStart(new Date('2026-05-01T10:15:00Z'), 15 * MIN).toISOString()).toBe('2026-05-01T10:15:00.000Z')
    expect(windowStart(new Date('2026-05-01T10:59:59.999Z'), 60 * MIN).toISOString()).toBe('2026-05-01T10:00:00.000Z')
  })
  it('says how long until the window ends', () => {
    expect(retryAfterMs(new Date('2026-05-01T10:07:30Z'), 15 * MIN)).toBe(7.5 * MIN)
    expect(retryAfterMs(new Date('2026-05-01T10:15:00Z'), 15 * MIN)).toBe(15 * MIN)
  })
  it('allows exactly max hits per window', () => {
    expect(isOverLimit(5, { max: 5 })).toBe(false)
    expect(isOverLimit(6, { max: 5 })).toBe(true)
  })
  it('words the wait for people, rounding up', () => {
    expect(describeRetryAfter(1)).toBe('in 1 minute')
    expect(describeRetryAfter(7.5 * MIN)).toBe('in 8 minutes')
  })
})
