import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { outageTimeline, type TimelineIncident } from '@/lib/status/outage-timeline'
import { dayCellLabel, OutageTimeline } from './outage-timeline'

const now = new Date('2026-11-24T12:00:00Z')
const critical: TimelineIncident = { id: 'c', title: 'Database down', impact: 'critical', startedAt: new Date('2026-11-10T08:00:00Z'), endedAt: new Date('2026-11-10T09:00:00Z') }
const days = outageTimeline([critical], { days: 30, now, timeZone: 'UTC', dataSince: new Date('2026-11-22T15:00:00Z') })
const byDate = Object.fromEntries(days.map((d) => [d.date, d]))

describe('OutageTimeline', () => {
  it('gives every labelled day cell a role, so the label is announced (axe: aria-prohibited-attr)', () => {
    const html = renderToStaticMarkup(<OutageTimeline days={days} />)
    const labelled = [...html.matchAll(/<(\w+)([^>]*?)aria-label="([^"]*)"/g)].filter(([, tag]) => tag === 'span')
    expect(labelled).toHaveLength(30)
    for (const [, , attributes] of labelled) expect(attributes).toContain('role="img"')
  })

  it('names the vendor’s history as the source of days before our first read', () => {
    expect(dayCellLabel(byDate['2026-11-10']!)).toBe("Nov 10: Database down (critical), from the vendor's history")
    expect(dayCellLabel(byDate['2026-11-11']!)).toBe('Nov 11: No data, before we started watching')
    expect(dayCellLabel(byDate['2026-11-23']!)).toBe('Nov 23: No incidents')
    const html = renderToStaticMarkup(<OutageTimeline days={days} />)
    expect(html).toContain('timeline-from-history')
    expect(html).toContain('We started watching on Nov 22.')
  })

  it('has no vendor-history legend or note when every day was observed', () => {
    const watched = outageTimeline([], { days: 30, now, timeZone: 'UTC', dataSince: new Date('2026-10-01T00:00:00Z') })
    const html = renderToStaticMarkup(<OutageTimeline days={watched} />)
    expect(html).not.toContain("vendor&#x27;s history")
    expect(html).not.toContain('timeline-from-history')
  })
})
