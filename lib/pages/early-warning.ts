// The early-warning parts of the vendor page and the vendor API (issue 19): the 24-hour reports
// chart, the open possible outage (the unofficial banner) and the median lead over 90 days.
// Nothing here depends on who asks (the vendor page is cached and shared): whether this browser has
// already reported is the report button's business, answered when it is pressed.
import { findOpenPossibleOutage, medianLeadSeconds } from '@/lib/data/possible-outages'
import { countDistinctNetworksByBucket } from '@/lib/data/problem-reports'
import { expectedPerWindow } from '@/lib/signal/baseline'
import { BASELINE_DAYS, BUCKET_MINUTES, WINDOW_MINUTES } from '@/lib/signal/params'
import type { PossibleOutageEvidence } from '@/lib/signal/types'
import { asPossibleOutageEvidence } from '@/lib/status/early-warning-words'
import { chartWindow, fillBuckets, type ReportsSeries } from '@/lib/status/reports-chart'

/**
 * 15-minute bars: 96 across a day is as many as a phone's width shows apart. One bar is one of the
 * signal's windows, so the usual level drawn beside it is the signal's own baseline.
 */
export const REPORTS_BUCKET_MINUTES = WINDOW_MINUTES
export const REPORTS_CHART_HOURS = 24

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export interface PossibleOutageView {
  openedAt: Date
  trigger: string
  evidence: PossibleOutageEvidence
}

export interface LeadTimes {
  /** Median of the measured lead times over 90 days, in seconds; null when none was measured. */
  medianLeadSeconds: number | null
  /** Possible outages an official incident confirmed within the lead window, over those 90 days. */
  measuredIncidents: number
}

export interface EarlyWarning {
  reports: ReportsSeries
  /** The open possible outage; null when none is open (or its stored evidence is unreadable). */
  possibleOutage: PossibleOutageView | null
  lead: LeadTimes
}

export async function loadReportsSeries(vendorId: string, now: Date): Promise<ReportsSeries> {
  const { from, to, buckets } = chartWindow(now, REPORTS_BUCKET_MINUTES, REPORTS_CHART_HOURS)
  // The signal's baseline reads the same hour of the week in the four weeks before: one read of the
  // signal's own buckets over those weeks, up to the chart's last hour a week ago.
  const pastFrom = new Date(from.getTime() - BASELINE_DAYS * DAY_MS - HOUR_MS)
  const pastTo = new Date(to.getTime() - 7 * DAY_MS)
  const [counted, past] = await Promise.all([
    countDistinctNetworksByBucket([vendorId], from, to, REPORTS_BUCKET_MINUTES).then((m) => m.get(vendorId) ?? []),
    countDistinctNetworksByBucket([vendorId], pastFrom, pastTo, BUCKET_MINUTES).then((m) => m.get(vendorId) ?? []),
  ])
  const usualByHour = new Map<number, number>()
  const usualAt = (start: Date) => {
    const hour = Math.floor(start.getTime() / HOUR_MS)
    if (!usualByHour.has(hour)) usualByHour.set(hour, expectedPerWindow(past, start))
    return usualByHour.get(hour) ?? 0
  }
  const starts = Array.from({ length: buckets }, (_, i) => new Date(from.getTime() + i * REPORTS_BUCKET_MINUTES * MINUTE_MS))
  return {
    from,
    bucketMinutes: REPORTS_BUCKET_MINUTES,
    counts: fillBuckets(counted, from, REPORTS_BUCKET_MINUTES, buckets),
    // No report at all in the four weeks: no usual level to draw (the chart says so), not a line at zero.
    baseline: past.length === 0 ? null : starts.map(usualAt),
  }
}

export async function loadPossibleOutage(vendorId: string): Promise<PossibleOutageView | null> {
  const open = await findOpenPossibleOutage(vendorId)
  const evidence = open && asPossibleOutageEvidence(open.evidence)
  return open && evidence ? { openedAt: open.openedAt, trigger: open.trigger, evidence } : null
}

export async function loadLeadTimes(vendorId: string, now: Date): Promise<LeadTimes> {
  const { medianSeconds, measured } = await medianLeadSeconds(vendorId, now)
  return { medianLeadSeconds: medianSeconds, measuredIncidents: measured }
}

export async function loadEarlyWarning(vendorId: string, now: Date): Promise<EarlyWarning> {
  const [reports, possibleOutage, lead] = await Promise.all([loadReportsSeries(vendorId, now), loadPossibleOutage(vendorId), loadLeadTimes(vendorId, now)])
  return { reports, possibleOutage, lead }
}
