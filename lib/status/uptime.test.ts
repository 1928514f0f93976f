import { describe, expect, it } from 'vitest'
import { componentUptime, type StatusChange } from './uptime'

const now = new Date('2026-11-24T12:00:00Z')
const change = (toStatus: StatusChange['toStatus'], iso: string): StatusChange => ({ toStatus, changedAt: new Date(iso) })
const byDate = (u: ReturnType<typeof componentUptime>) => Object.fromEntries(u.days.map((d) => [d.date, d]))

describe('componentUptime', () => {
  it('is 100% for a component that stayed operational, with no data before we first saw it', () => {
    const u = componentUptime([change('operational', '2026-11-20T06:00:00Z')], { days: 90, now, timeZone: 'UTC' })
    expect(u.uptimePercent).toBe(100)
    expect(u.days).toHaveLength(90)
    const days = byDate(u)
    expect(days['2026-11-19']?.state).toBe('no_data')
    expect(days['2026-11-20']?.state).toBe('operational')
    expect(days['2026-11-20']?.observedMs).toBe(18 * 3_600_000)
  })

  it('counts partial and major outages as down time, across midnight', () => {
    const u = componentUptime(
      [change('operational', '2026-11-20T00:00:00Z'), change('major_outage', '2026-11-20T23:00:00Z'), change('operational', '2026-11-21T01:00:00Z')],
      { days: 90, now, timeZone: 'UTC' },
    )
    const days = byDate(u)
    expect(days['2026-11-20']).toMatchObject({ state: 'major_outage', downtimeMs: 3_600_000 })
    expect(days['2026-11-21']).toMatchObject({ state: 'major_outage', downtimeMs: 3_600_000 })
    expect(days['2026-11-22']?.state).toBe('operational')
    const observed = now.getTime() - new Date('2026-11-20T00:00:00Z').getTime()
    expect(u.uptimePercent).toBeCloseTo(((observed - 2 * 3_600_000) / observed) * 100, 6)
  })

  it('treats degraded performance and maintenance as up, and unknown as not observed', () => {
    const u = componentUptime(
      [change('degraded', '2026-11-23T00:00:00Z'), change('maintenance', '2026-11-23T06:00:00Z'), change('unknown', '2026-11-23T12:00:00Z'), change('operational', '2026-11-24T00:00:00Z')],
      { days: 3, now, timeZone: 'UTC' },
    )
    const days = byDate(u)
    expect(days['2026-11-23']).toMatchObject({ state: 'degraded', downtimeMs: 0, observedMs: 12 * 3_600_000 })
    expect(u.uptimePercent).toBe(100)
  })

  it('extends the current status to now, and has no figure without observations', () => {
    const ongoing = componentUptime([change('operational', '2026-11-24T00:00:00Z'), change('partial_outage', '2026-11-24T06:00:00Z')], { days: 1, now, timeZone: 'UTC' })
    expect(ongoing.days[0]).toMatchObject({ state: 'partial_outage', downtimeMs: 6 * 3_600_000, observedMs: 12 * 3_600_000 })
    // Twelve hours is less than a day of observation: no percentage yet (fidelity #8), only the start.
    expect(ongoing.uptimePercent).toBeNull()
    expect(ongoing.observedSince).toEqual(new Date('2026-11-24T00:00:00Z'))
    const empty = componentUptime([], { days: 90, now, timeZone: 'UTC' })
    expect(empty).toMatchObject({ uptimePercent: null, observedSince: null, coversWindow: false })
  })

  it('has no percentage after minutes of observation, even during an outage (fidelity #8)', () => {
    const minutes = componentUptime([change('major_outage', '2026-11-24T11:50:00Z')], { days: 90, now, timeZone: 'UTC' })
    expect(minutes).toMatchObject({ uptimePercent: null, observedSince: new Date('2026-11-24T11:50:00Z'), coversWindow: false })
    expect(minutes.days.at(-1)?.state).toBe('major_outage')
  })

  it('gets a percentage from one day of observed time on, not counting unknown time', () => {
    const almost = componentUptime([change('unknown', '2026-11-23T11:00:00Z'), change('operational', '2026-11-23T12:00:01Z')], { days: 90, now, timeZone: 'UTC' })
    expect(almost.uptimePercent).toBeNull()
    const oneDay = componentUptime([change('operational', '2026-11-23T12:00:00Z')], { days: 90, now, timeZone: 'UTC' })
    expect(oneDay).toMatchObject({ uptimePercent: 100, observedSince: new Date('2026-11-23T12:00:00Z'), coversWindow: false })
  })

  it('says the observation covers the window when the status in force at its start is known', () => {
    // The loader moves the change in force at the window's start to that start (lib/data/vendor-history.ts).
    const u = componentUptime([change('operational', '2026-08-26T12:00:00Z')], { days: 90, now, timeZone: 'UTC' })
    expect(u.days[0]?.date).toBe('2026-08-27')
    expect(u).toMatchObject({ uptimePercent: 100, observedSince: new Date('2026-08-27T00:00:00Z'), coversWindow: true })
  })
})
