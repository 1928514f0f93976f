import { describe, expect, it } from 'vitest'
import { dayKey, lastDays } from './days'

describe('lastDays', () => {
  it('lists the last N UTC days, oldest first, today included', () => {
    const days = lastDays(3, new Date('2026-03-01T10:00:00Z'), 'UTC')
    expect(days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(days[0]?.start.toISOString()).toBe('2026-02-27T00:00:00.000Z')
    expect(days[2]?.end.toISOString()).toBe('2026-03-02T00:00:00.000Z')
  })

  it('uses local midnights in other zones, including 23- and 25-hour days', () => {
    const ny = lastDays(2, new Date('2026-03-09T12:00:00Z'), 'America/New_York')
    expect(ny.map((d) => d.date)).toEqual(['2026-03-08', '2026-03-09'])
    expect(ny[0]?.start.toISOString()).toBe('2026-03-08T05:00:00.000Z') // EST
    expect(ny[0]?.end.toISOString()).toBe('2026-03-09T04:00:00.000Z') // EDT: a 23-hour day
    const autumn = lastDays(1, new Date('2026-11-01T20:00:00Z'), 'America/New_York')[0]
    expect((autumn?.end.getTime() ?? 0) - (autumn?.start.getTime() ?? 0)).toBe(25 * 3_600_000)
  })

  it('puts an instant on the right calendar day per zone', () => {
    const instant = new Date('2026-06-30T23:30:00Z')
    expect(dayKey(instant, 'UTC')).toBe('2026-06-30')
    expect(dayKey(instant, 'Europe/Berlin')).toBe('2026-07-01')
    expect(dayKey(instant, 'America/Los_Angeles')).toBe('2026-06-30')
  })
})
