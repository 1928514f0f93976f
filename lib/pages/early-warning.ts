// The early-warning parts of the vendor page and the vendor API (issue 19): the 24-hour reports
// chart, the open possible outage (the unofficial banner) and the median lead over 90 days.
// Nothing here depends on who asks (the vendor page is cached and shared): whether this browser has
// already reported is the report button's business, answered when it is pressed.
import { findOpenPossibleOutage, medianLeadSeconds } from '@/lib/data/possible-outages'
import { countDistinctNetworksByBucket } from '@/lib/data/problem-reports'
import type { PossibleOutageEvidence } from '@/lib/signal/types'
import { asPossibleOutageEvidence } from '@/lib/status/early-warning-words'
import { chartWindow, fillBuckets, type ReportsSeries } from '@/lib/status/reports-chart'

/** 15-minute bars: 96 across a day is as many as a phone's width shows apart. */
export const REPORTS_BUCKET_MINUTES = 15
export const REPORTS_CHART_HOURS = 24

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
  const counted = (await countDistinctNetworksByBucket([vendorId], from, to, REPORTS_BUCKET_MINUTES)).get(vendorId) ?? []
  // The usual level comes from the signal's baseline (lib/signal/baseline.ts) once it is wired in.
  return {
    from,
    bucketMinutes: REPORTS_BUCKET_MINUTES,
    counts: fillBuckets(counted, from, REPORTS_BUCKET_MINUTES, buckets),
    baseline: null,
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
