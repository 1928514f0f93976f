import { describe, expect, it } from 'vitest'
import { outageTimeline, type TimelineIncident } from './outage-timeline'

const now = new Date('2026-11-24T12:00:00Z')
const at = (iso: string) => new Date(iso)
const incident = (id: string, impact: TimelineIncident['impact'], startedAt: string, endedAt: string | null): TimelineIncident => ({
  id,
  title: `Incident ${id}`,
  impact,
  startedAt: at(startedAt),
  endedAt: endedAt ? at(endedAt) : null,
})
const byDate = (days: ReturnType<typeof outageTimeline>) => Object.fromEntries(days.map((d) => [d.date, d]))

describe('outageTimeline', () => {
  it('colours each day by its worst incident and leaves quiet days clear', () => {
    const days = byDate(
      outageTimeline([incident('a', 'minor', '2026-11-20T08:00:00Z', '2026-11-20T09:00:00Z'), incident('b', 'critical', '2026-11-20T15:00:00Z', '2026-11-20T16:00:00Z')], {
        days: 30,
        now,
        timeZone: 'UTC',
        dataSince: at('2026-10-01T00:00:00Z'),
      }),
    )
    expect(days['2026-11-20']?.state).toBe('critical')
    expect(days['2026-11-20']?.incidents.map((i) => i.id)).toEqual(['a', 'b'])
    expect(days['2026-11-21']?.state).toBe('clear')
  })

  it('counts an incident that spans midnight on both days', () => {
    const days = byDate(outageTimeline([incident('n', 'major', '2026-11-18T23:30:00Z', '2026-11-19T01:00:00Z')], { days: 30, now, timeZone: 'UTC', dataSince: at('2026-10-01T00:00:00Z') }))
    expect(days['2026-11-18']?.state).toBe('major')
    expect(days['2026-11-19']?.state).toBe('major')
    expect(days['2026-11-20']?.state).toBe('clear')
  })

  it('extends an ongoing incident through today', () => {
    const days = outageTimeline([incident('o', 'minor', '2026-11-22T10:00:00Z', null)], { days: 30, now, timeZone: 'UTC', dataSince: at('2026-10-01T00:00:00Z') })
    expect(days.slice(-3).map((d) => d.state)).toEqual(['minor', 'minor', 'minor'])
  })

  it('shows days before we had data as "no data", and everything before a first check', () => {
    const days = outageTimeline([], { days: 30, now, timeZone: 'UTC', dataSince: at('2026-11-22T15:00:00Z') })
    expect(days).toHaveLength(30)
    expect(days.slice(-4).map((d) => d.state)).toEqual(['no_data', 'clear', 'clear', 'clear'])
    expect(outageTimeline([], { days: 30, now, timeZone: 'UTC', dataSince: null }).every((d) => d.state === 'no_data')).toBe(true)
  })

  it('fills days before our first read from the vendor’s own history, marked as such (fidelity #8)', () => {
    // Read for the first time on Nov 22 at 15:00; the vendor's list already named a critical incident on Nov 10.
    const days = byDate(
      outageTimeline([incident('old', 'critical', '2026-11-10T08:00:00Z', '2026-11-10T09:00:00Z'), incident('new', 'minor', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z')], {
        days: 30,
        now,
        timeZone: 'UTC',
        dataSince: at('2026-11-22T15:00:00Z'),
      }),
    )
    expect(days['2026-11-10']).toMatchObject({ state: 'critical', source: 'vendor_history' })
    expect(days['2026-11-10']?.incidents.map((i) => i.id)).toEqual(['old'])
    // The vendor's silence before our first read is not a clear day.
    expect(days['2026-11-11']).toMatchObject({ state: 'no_data', source: 'vendor_history', incidents: [] })
    // The day of the first read and every day after it are ours.
    expect(days['2026-11-22']).toMatchObject({ state: 'clear', source: 'observed' })
    expect(days['2026-11-23']).toMatchObject({ state: 'minor', source: 'observed' })
  })

  it('shows an incident still open from before our first read on every day it touched', () => {
    const days = outageTimeline([incident('long', 'major', '2026-11-20T00:00:00Z', null)], { days: 6, now, timeZone: 'UTC', dataSince: at('2026-11-23T10:00:00Z') })
    expect(days.map((d) => [d.date, d.state, d.source])).toEqual([
      ['2026-11-19', 'no_data', 'vendor_history'],
      ['2026-11-20', 'major', 'vendor_history'],
      ['2026-11-21', 'major', 'vendor_history'],
      ['2026-11-22', 'major', 'vendor_history'],
      ['2026-11-23', 'major', 'observed'],
      ['2026-11-24', 'major', 'observed'],
    ])
  })

  it('puts an incident on the reader’s local day', () => {
    const late = [incident('t', 'major', '2026-11-20T23:30:00Z', '2026-11-20T23:50:00Z')]
    const utc = byDate(outageTimeline(late, { days: 10, now, timeZone: 'UTC', dataSince: at('2026-10-01T00:00:00Z') }))
    const berlin = byDate(outageTimeline(late, { days: 10, now, timeZone: 'Europe/Berlin', dataSince: at('2026-10-01T00:00:00Z') }))
    expect(utc['2026-11-20']?.state).toBe('major')
    expect(berlin['2026-11-20']?.state).toBe('clear')
    expect(berlin['2026-11-21']?.state).toBe('major')
  })

  it('ranks an unknown impact above "none"', () => {
    const days = byDate(
      outageTimeline([incident('x', 'none', '2026-11-23T01:00:00Z', '2026-11-23T02:00:00Z'), incident('y', 'unknown', '2026-11-23T03:00:00Z', '2026-11-23T04:00:00Z')], {
        days: 5,
        now,
        timeZone: 'UTC',
        dataSince: at('2026-10-01T00:00:00Z'),
      }),
    )
    expect(days['2026-11-23']?.state).toBe('unknown')
  })
})
