// The reliability section reads without sight and never passes history off as observation.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { reliability, RELIABILITY_WINDOWS } from '@/lib/status/reliability'
import { MonthlyIncidentsChart, ReliabilityHistory } from './reliability-history'

const now = new Date('2026-03-15T12:00:00Z')
const dataSince = new Date('2026-02-20T00:00:00Z')
const incidents = [
  { impact: 'critical' as const, status: 'resolved' as const, startedAt: new Date('2026-01-10T10:00:00Z'), resolvedAt: new Date('2026-01-12T10:00:00Z'), components: [{ id: 'a', name: 'Actions' }] },
  { impact: 'major' as const, status: 'investigating' as const, startedAt: new Date('2026-03-15T11:30:00Z'), resolvedAt: null, components: [{ id: 'a', name: 'Actions' }] },
]
const windows = RELIABILITY_WINDOWS.map((days) => reliability(incidents, { days, now, dataSince }))
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('MonthlyIncidentsChart', () => {
  it('is an image titled and described month by month, marking months before our first read', () => {
    const html = renderToStaticMarkup(<MonthlyIncidentsChart months={windows[1]!.months} />)
    expect(html).toContain('role="img"')
    expect(html).toContain('aria-labelledby="reliability-chart-title reliability-chart-desc"')
    expect(html).toContain('<title id="reliability-chart-title">Incidents per month</title>')
    expect(html).toMatch(/January 2026: 1 incident \(before we started watching: from the vendor’s own list, may be incomplete\)/)
    expect(html).toMatch(/February 2026: 0 incidents \(partly before we started watching\)/)
    expect(html).toMatch(/March 2026: 1 incident</)
    expect(html.match(/url\(#reliability-hatch\)/g)).toHaveLength(1)
  })
})

describe('ReliabilityHistory', () => {
  it('shows the three windows, the impacts, the worst components and where the history comes from', () => {
    const page = text(renderToStaticMarkup(<ReliabilityHistory windows={windows} observedSince={dataSince} vendorName="GitHub" />))
    expect(page).toContain('30 days 90 days 365 days')
    expect(page).toContain('1 incident, 1 ongoing')
    expect(page).toContain('Critical impact — 1 · 2 d · median 2 d')
    expect(page).toContain('Actions 2 incidents, 2 d')
    expect(page).toContain('1 incident of the last 365 days started before we first read GitHub')
  })
})
