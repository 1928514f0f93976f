import { describe, expect, it } from 'vitest'
import { median, type ReliabilityIncident, reliability } from './reliability'

// Times are fixed instants; the clock is injected, never read.
const now = new Date('2026-03-15T12:00:00Z')
const at = (iso: string) => new Date(iso)
const H = 3_600_000
const D = 24 * H

const actions = { id: 'c-actions', name: 'Actions' }
const pages = { id: 'c-pages', name: 'Pages' }

const incident = (over: Partial<ReliabilityIncident>): ReliabilityIncident => ({
  impact: 'major',
  status: 'resolved',
  startedAt: at('2026-03-10T10:00:00Z'),
  resolvedAt: at('2026-03-10T11:00:00Z'),
  components: [],
  ...over,
})

const observedAll = { now, dataSince: at('2025-01-01T00:00:00Z') }

describe('reliability', () => {
  it('counts incidents, total and median duration by impact', () => {
    const r = reliability(
      [
        incident({ impact: 'major', startedAt: at('2026-03-10T10:00:00Z'), resolvedAt: at('2026-03-10T11:00:00Z') }),
        incident({ impact: 'major', startedAt: at('2026-03-11T10:00:00Z'), resolvedAt: at('2026-03-11T13:00:00Z') }),
        incident({ impact: 'minor', startedAt: at('2026-03-12T10:00:00Z'), resolvedAt: at('2026-03-12T10:30:00Z') }),
      ],
      { days: 30, ...observedAll },
    )
    expect(r.incidents).toBe(3)
    expect(r.totalMs).toBe(4.5 * H)
    expect(r.byImpact).toEqual([
      { impact: 'major', incidents: 2, totalMs: 4 * H, medianMs: 2 * H },
      { impact: 'minor', incidents: 1, totalMs: 0.5 * H, medianMs: 0.5 * H },
    ])
    expect(r.medianMs).toBe(1 * H)
  })

  it('counts an incident spanning days once, with its whole duration', () => {
    const r = reliability([incident({ startedAt: at('2026-03-01T22:00:00Z'), resolvedAt: at('2026-03-04T02:00:00Z') })], { days: 30, ...observedAll })
    expect(r.incidents).toBe(1)
    expect(r.totalMs).toBe(2 * D + 4 * H)
    expect(r.byImpact[0]?.medianMs).toBe(2 * D + 4 * H)
    expect(r.months.find((m) => m.month === '2026-03')?.incidents).toBe(1)
  })

  it('counts only the part inside the window of an incident that began before it, in the window’s first month', () => {
    // The 30-day window starts 2026-02-13T12:00Z; the incident ran from 3 days before to 1 day after.
    const r = reliability([incident({ startedAt: at('2026-02-10T12:00:00Z'), resolvedAt: at('2026-02-14T12:00:00Z') })], { days: 30, ...observedAll })
    expect(r.incidents).toBe(1)
    expect(r.totalMs).toBe(1 * D)
    expect(r.medianMs).toBe(4 * D)
    expect(r.months.map((m) => [m.month, m.incidents])).toEqual([
      ['2026-02', 1],
      ['2026-03', 0],
    ])
  })

  it('leaves out incidents that ended before the window or start after now', () => {
    const r = reliability(
      [incident({ startedAt: at('2026-01-01T00:00:00Z'), resolvedAt: at('2026-01-01T01:00:00Z') }), incident({ startedAt: at('2026-03-16T00:00:00Z'), resolvedAt: null, status: 'investigating' })],
      { days: 30, ...observedAll },
    )
    expect(r.incidents).toBe(0)
    expect(r.totalMs).toBe(0)
    expect(r.byImpact).toEqual([])
  })

  it('runs an ongoing incident until now and counts it as ongoing', () => {
    const r = reliability([incident({ status: 'investigating', startedAt: at('2026-03-15T09:00:00Z'), resolvedAt: null })], { days: 30, ...observedAll })
    expect(r.ongoing).toBe(1)
    expect(r.totalMs).toBe(3 * H)
    expect(r.byImpact[0]?.medianMs).toBe(3 * H)
  })

  it('an incident marked over without a resolution time lasts no time, and is not ongoing', () => {
    const r = reliability([incident({ status: 'resolved', resolvedAt: null })], { days: 30, ...observedAll })
    expect(r.ongoing).toBe(0)
    expect(r.totalMs).toBe(0)
    expect(r.incidents).toBe(1)
  })

  it('names the worst components: most time first, then most incidents', () => {
    const r = reliability(
      [
        incident({ components: [actions], startedAt: at('2026-03-10T10:00:00Z'), resolvedAt: at('2026-03-10T11:00:00Z') }),
        incident({ components: [actions, pages], startedAt: at('2026-03-11T10:00:00Z'), resolvedAt: at('2026-03-11T12:00:00Z') }),
        incident({ components: [pages], startedAt: at('2026-03-12T10:00:00Z'), resolvedAt: at('2026-03-12T11:00:00Z') }),
      ],
      { days: 30, ...observedAll },
    )
    expect(r.components).toEqual([
      { id: 'c-actions', name: 'Actions', incidents: 2, totalMs: 3 * H },
      { id: 'c-pages', name: 'Pages', incidents: 2, totalMs: 3 * H },
    ])
  })

  it('marks history from before our first read: whole months as history, the month of the first read as partial', () => {
    const dataSince = at('2026-02-20T08:00:00Z')
    const r = reliability(
      [
        incident({ startedAt: at('2025-12-20T10:00:00Z'), resolvedAt: at('2025-12-20T11:00:00Z') }),
        incident({ startedAt: at('2026-02-10T10:00:00Z'), resolvedAt: at('2026-02-10T11:00:00Z') }),
        incident({ startedAt: at('2026-03-01T10:00:00Z'), resolvedAt: at('2026-03-01T11:00:00Z') }),
      ],
      { days: 90, now, dataSince },
    )
    expect(r.incidents).toBe(3)
    expect(r.fromVendorHistory).toBe(2)
    expect(r.months).toEqual([
      { month: '2025-12', incidents: 1, source: 'history' },
      { month: '2026-01', incidents: 0, source: 'history' },
      { month: '2026-02', incidents: 1, source: 'partial' },
      { month: '2026-03', incidents: 1, source: 'observed' },
    ])
  })

  it('a first read on the first instant of a month leaves that month observed; no first read at all is all history', () => {
    const r = reliability([], { days: 30, now, dataSince: at('2026-03-01T00:00:00Z') })
    expect(r.months.find((m) => m.month === '2026-03')?.source).toBe('observed')
    expect(r.months.find((m) => m.month === '2026-02')?.source).toBe('history')
    expect(reliability([], { days: 30, now, dataSince: null }).months.every((m) => m.source === 'history')).toBe(true)
  })

  it('the months add up to the window’s total, over a year', () => {
    const many = Array.from({ length: 40 }, (_, k) => incident({ startedAt: new Date(now.getTime() - (k * 9 + 1) * D), resolvedAt: new Date(now.getTime() - (k * 9 + 1) * D + H) }))
    const r = reliability(many, { days: 365, ...observedAll })
    expect(r.months.reduce((a, m) => a + m.incidents, 0)).toBe(r.incidents)
    expect(r.months).toHaveLength(13)
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBe(0)
    expect(median([5])).toBe(5)
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
