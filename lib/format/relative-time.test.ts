import { describe, expect, it } from 'vitest'
import { formatRelativeTime } from './relative-time'

const now = new Date('2026-11-24T12:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('formatRelativeTime', () => {
  it('says "just now" for the last few seconds', () => {
    expect(formatRelativeTime(ago(10), now)).toBe('just now')
  })
  it('counts minutes, hours and days in the past', () => {
    expect(formatRelativeTime(ago(50), now)).toBe('1 minute ago')
    expect(formatRelativeTime(ago(3 * 60), now)).toBe('3 minutes ago')
    expect(formatRelativeTime(ago(2 * 3600), now)).toBe('2 hours ago')
    expect(formatRelativeTime(ago(3 * 86400), now)).toBe('3 days ago')
  })
  it('handles the future', () => {
    expect(formatRelativeTime(new Date(now.getTime() + 2 * 3600_000), now)).toBe('in 2 hours')
  })
})
