import { describe, expect, it } from 'vitest'
import { formatInTimeZone } from './zoned'

describe('formatInTimeZone', () => {
  it('shows the instant in the given zone, and names the zone', () => {
    const d = new Date('2026-06-03T12:05:00Z')
    expect(formatInTimeZone(d, 'UTC')).toBe('Jun 3, 12:05 UTC')
    expect(formatInTimeZone(d, 'Asia/Tokyo')).toBe('Jun 3, 21:05 GMT+9')
  })
  it('falls back to UTC for a zone Intl does not know', () => {
    expect(formatInTimeZone(new Date('2026-06-03T12:05:00Z'), 'Mars/Olympus')).toBe('Jun 3, 12:05 UTC')
  })
})
