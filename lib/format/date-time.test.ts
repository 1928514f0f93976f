import { describe, expect, it } from 'vitest'
import { formatDuration, formatElapsed, formatUtc } from './date-time'

describe('formatUtc', () => {
  it('prints the instant in UTC whatever the server zone', () => {
    expect(formatUtc(new Date('2020-06-16T14:00:29.031-07:00'))).toBe('Jun 16, 2020, 21:00 UTC')
  })
})

describe('formatDuration', () => {
  it('reads naturally from minutes to days', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 min')
    expect(formatDuration(125 * 60_000)).toBe('2 h 5 min')
    expect(formatDuration(3 * 3_600_000)).toBe('3 h')
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h')
  })
})

describe('formatElapsed', () => {
  it('says "under a minute" for anything shorter, never "0 min"', () => {
    expect(formatElapsed(0)).toBe('under a minute')
    expect(formatElapsed(20_000)).toBe('under a minute')
    expect(formatElapsed(59_999)).toBe('under a minute')
  })
  it('reads like formatDuration from one minute on', () => {
    expect(formatElapsed(60_000)).toBe('1 min')
    expect(formatElapsed(125 * 60_000)).toBe('2 h 5 min')
  })
})
