// The early-warning parts of the vendor page as markup: the banner always says it is unofficial and
// puts the evidence in words; the chart is an image described by the sentence printed under it.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { PossibleOutageEvidence } from '@/lib/signal/types'
import type { ReportsSeries } from '@/lib/status/reports-chart'
import { LeadTimeNote } from './lead-time-note'
import { PossibleOutageBanner } from './possible-outage-banner'
import { ReportsChart } from './reports-chart'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")
const evidence: PossibleOutageEvidence = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 0, probesTotal: 3, probeFailStreak: 0 }
const openedAt = new Date('2026-03-02T10:42:00Z')

describe('PossibleOutageBanner', () => {
  it('says since when users report problems, in figures, and that it is unofficial', () => {
    const html = renderToStaticMarkup(<PossibleOutageBanner outage={{ openedAt, trigger: 'reports', evidence }} vendorName="GitHub" />)
    // The server renders UTC; the browser swaps in the reader's zone.
    expect(text(html)).toContain('Users report problems since 10:42 UTC (23 reports in 15 min, 8× usual).')
    expect(text(html)).toContain("Unofficial: from Vendorwatch users' reports and our probes, not from GitHub's status page.")
    expect(html).toContain('dateTime="2026-03-02T10:42:00.000Z"')
  })

  it('speaks of probes when only probes fail', () => {
    const html = renderToStaticMarkup(<PossibleOutageBanner outage={{ openedAt, trigger: 'probes', evidence: { ...evidence, reports: 0, ratio: 0, probesFailing: 2 } }} vendorName="GitHub" />)
    expect(text(html)).toContain('Our probes see problems since 10:42 UTC (2 of 3 probes failing).')
  })
})

const series = (counts: number[], baseline: number[] | null): ReportsSeries => ({ from: new Date('2026-03-01T11:00:00Z'), bucketMinutes: 15, counts, baseline })

describe('ReportsChart', () => {
  it('is an image described by its summary: total, busiest quarter hour and its usual level', () => {
    const counts = new Array(96).fill(0)
    counts[95] = 23
    counts[3] = 2
    const html = renderToStaticMarkup(<ReportsChart series={series(counts, new Array(96).fill(2.9))} vendorName="GitHub" />)
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Problem reports about GitHub over the last 24 hours"[^>]*aria-describedby="reports-chart-summary"/)
    expect(html.match(/<rect/g)).toHaveLength(2)
    expect(html).toContain('stroke-dasharray="5 4"')
    expect(text(html)).toContain('25 networks reported problems with GitHub in the last 24 hours')
    expect(text(html)).toContain('Most at once: 23 networks in the 15 minutes from 10:45 UTC (usually about 2.9).')
  })

  it('says nobody reported on an empty day, and draws no usual line without a baseline', () => {
    const html = renderToStaticMarkup(<ReportsChart series={series(new Array(96).fill(0), null)} vendorName="GitHub" />)
    expect(text(html)).toContain('Nobody reported problems with GitHub in the last 24 hours.')
    expect(html).not.toContain('<rect')
    expect(html).not.toContain('stroke-dasharray')
  })
})

describe('LeadTimeNote', () => {
  it('shows the median from three measured incidents, nothing under', () => {
    expect(text(renderToStaticMarkup(<LeadTimeNote lead={{ medianLeadSeconds: 840, measuredIncidents: 3 }} vendorName="GitHub" />))).toContain(
      "Vendorwatch users saw problems a median 14 minutes before GitHub's page",
    )
    expect(renderToStaticMarkup(<LeadTimeNote lead={{ medianLeadSeconds: 840, measuredIncidents: 2 }} vendorName="GitHub" />)).toBe('')
  })
})
