// What the public vendor page shows, loaded in one call: the stored status, how fresh it is, and,
// when there is a status to show, 90 days of component uptime, 30 days of outages and the newest
// incidents. Pure over (database, now, refresh interval); nothing here depends on who asks, so
// the page can be cached and shared by every visitor.
import { isMonitoredSource, PLATFORM_LABELS } from '@/lib/catalog/platforms'
import { type EarlyWarning, loadEarlyWarning } from '@/lib/pages/early-warning'
import { RELIABILITY_DAYS, reliabilityHistory, type ReliabilityHistory } from '@/lib/pages/reliability'
import { findReliabilityIncidents } from '@/lib/data/reliability'
import { findComponentHistory, type IncidentHistoryPage, listIncidentHistory } from '@/lib/data/vendor-history'
import { findVendorPageStatus, type IncidentDetail, type VendorPageStatus } from '@/lib/data/vendor-status'
import { vendorAnswer } from '@/lib/status/answer'
import { type Freshness, freshness } from '@/lib/status/freshness'
import { isIncidentOverStatus } from '@/lib/status/lifecycle'
import { impactfulOpenIncidents } from '@/lib/status/open-incidents'
import { asSourceChange } from '@/lib/status/source-change-json'
import { outageTimeline, type TimelineDay } from '@/lib/status/outage-timeline'
import { componentUptime, type ComponentUptime } from '@/lib/status/uptime'

const DAY_MS = 86_400_000
export const TIMELINE_DAYS = 30
export const UPTIME_DAYS = 90
/** Incidents listed on the page itself; the rest are one link away. */
export const HISTORY_PREVIEW = 10

export interface VendorPageModel {
  /** The instant the page was loaded for: every time-derived part agrees on it. */
  now: Date
  vendor: VendorPageStatus
  monitored: boolean
  /** The name of the vendor's status-page platform, for "we don't read it automatically (…)". */
  platformLabel: string
  freshness: Freshness
  /** "Is it down?" answered in one sentence (lib/status/answer.ts): the page's first line and meta description. */
  answer: string
  /** Whether there is a status to show (fresh or stale); otherwise the lists below are empty. */
  known: boolean
  uptime: Map<string, ComponentUptime>
  timeline: TimelineDay[]
  incidentHistory: IncidentHistoryPage | null
  /**
   * The page seems to have moved platform or host (lib/ingest/source-drift.ts): what we read may
   * no longer be the vendor's current page, so the public page says the status may be out of
   * date. The details are for the operator (/api/health, the vendor JSON).
   */
  sourceChanged: boolean
  /** Incidents per month, durations by impact, worst components over 30/90/365 days; null without a status. */
  reliability: ReliabilityHistory | null
  /** The open incident the banner names: the worst by impact (the one that may set the status), else the newest. */
  bannerIncident: { id: string; title: string; others: number } | null
  /** Users' reports over 24 hours, the open possible outage (unofficial) and the median lead (issue 19); shown whether or not we can read the status page. */
  earlyWarning: EarlyWarning
}

export async function loadVendorPage(slug: string, now: Date, refreshIntervalMs: number): Promise<VendorPageModel | null> {
  const vendor = await findVendorPageStatus(slug, now)
  if (!vendor) return null
  const monitored = isMonitoredSource(vendor.source)
  const fresh = freshness(vendor.source, monitored, now, refreshIntervalMs)
  const known = fresh.kind === 'fresh' || fresh.kind === 'stale'
  const [[history, yearIncidents, incidentHistory], earlyWarning] = await Promise.all([
    known
      ? Promise.all([
          findComponentHistory(vendor.id, new Date(now.getTime() - UPTIME_DAYS * DAY_MS)),
          // One read of the year's incidents serves the reliability history and the 30-day timeline
          // (the timeline's are the ones still going or resolved within its window).
          findReliabilityIncidents(vendor.id, new Date(now.getTime() - RELIABILITY_DAYS * DAY_MS), now),
          listIncidentHistory(vendor.id, 1, HISTORY_PREVIEW),
        ])
      : ([new Map(), null, null] as const),
    loadEarlyWarning(vendor.id, now),
  ])
  const uptime = new Map([...history].map(([componentId, changes]) => [componentId, componentUptime(changes, { days: UPTIME_DAYS, now, timeZone: 'UTC' })]))
  const timelineSince = now.getTime() - TIMELINE_DAYS * DAY_MS
  const timelineIncidents = (yearIncidents ?? []).filter((i) => i.resolvedAt === null || i.resolvedAt.getTime() >= timelineSince)
  const timeline = outageTimeline(
    timelineIncidents.map((i) => ({ id: i.id, title: i.title, impact: i.impact, startedAt: i.startedAt, endedAt: i.resolvedAt ?? (isIncidentOverStatus(i.status) ? i.startedAt : null) })),
    { days: TIMELINE_DAYS, now, timeZone: 'UTC', dataSince: vendor.source?.baselineAt ?? null },
  )
  return {
    now,
    vendor,
    monitored,
    platformLabel: PLATFORM_LABELS[vendor.source?.platform ?? 'unknown'],
    freshness: fresh,
    answer: vendorAnswer(vendor, fresh, now, { possibleOutage: earlyWarning.possibleOutage, sourceChanged: asSourceChange(vendor.source?.sourceChange) !== null }),
    known,
    uptime,
    timeline,
    incidentHistory,
    sourceChanged: asSourceChange(vendor.source?.sourceChange) !== null,
    reliability: yearIncidents && reliabilityHistory(yearIncidents, vendor, now),
    bannerIncident: bannerIncident(vendor.openIncidents),
    earlyWarning,
  }
}

function bannerIncident(open: IncidentDetail[]): VendorPageModel['bannerIncident'] {
  const named = impactfulOpenIncidents(open)[0] ?? open[0]
  return named ? { id: named.id, title: named.title, others: open.length - 1 } : null
}
