// One evaluation of the early-warning signal, run by the schedule after the refresh and the probes
// (lib/jobs/scheduled-work.ts): for each vendor with recent reports, recent probe checks or an open
// possible outage (a few, not the whole catalog), read its signals, ask the rule (./rule.ts), and
// open or close. Everything impure is injected, so the scenario tests drive it with a fake clock.
import { looksLikeNetworkOutage } from '@/lib/status/network-outage'
import { staleAfterMs } from '@/lib/status/freshness'
import type { ReportBucket } from '@/lib/data/problem-reports'
import type { PossibleOutageOpening, VendorSignalState } from '@/lib/data/possible-outages'
import { expectedPerWindow } from './baseline'
import { BASELINE_DAYS, BUCKET_MINUTES, PROBE_LOOKBACK_MINUTES, QUIET_MINUTES_TO_CLOSE, REPORT_RETENTION_DAYS, WINDOW_MINUTES } from './params'
import { decide } from './rule'
import type { ProbeCheck } from './types'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

export interface EvaluateData {
  vendorsToEvaluate(since: Date): Promise<string[]>
  loadSignalStates(vendorIds: readonly string[]): Promise<VendorSignalState[]>
  refreshNetworkFacts(): Promise<{ monitored: number; failingNetwork: number }>
  countDistinctNetworksByBucket(vendorIds: readonly string[], from: Date, to: Date, bucketMinutes: number): Promise<Map<string, ReportBucket[]>>
  recentProbeChecks(vendorIds: readonly string[], since: Date): Promise<Map<string, ProbeCheck[]>>
  openPossibleOutage(o: PossibleOutageOpening): Promise<{ id: string } | null>
  closePossibleOutageSubsided(id: string, closedAt: Date): Promise<boolean>
  pruneProblemReports(before: Date): Promise<number>
}

export interface EvaluateDeps {
  data: EvaluateData
  now: () => Date
  /** The refresh interval: how old an official read may be and still be believed (lib/status/freshness.ts). */
  intervalMs: number
}

export interface EvaluateSummary {
  evaluated: number
  opened: number
  closed: number
  pruned: number
  /** Our own network looked down: nothing could open. */
  ourNetworkDown: boolean
  /** Vendors whose possible outage opened or closed: their cached pages (banner, home list) are stale. */
  changedVendors: { vendorId: string; vendorSlug: string }[]
}

export async function evaluatePossibleOutages(deps: EvaluateDeps): Promise<EvaluateSummary> {
  const { data } = deps
  const now = deps.now()
  const lookbackMs = Math.max(WINDOW_MINUTES + QUIET_MINUTES_TO_CLOSE + BUCKET_MINUTES, PROBE_LOOKBACK_MINUTES) * MIN
  const pruned = await data.pruneProblemReports(new Date(now.getTime() - REPORT_RETENTION_DAYS * DAY))
  const vendorIds = await data.vendorsToEvaluate(new Date(now.getTime() - lookbackMs))
  const network = await data.refreshNetworkFacts()
  const ourNetworkDown = looksLikeNetworkOutage(network.failingNetwork, network.monitored)
  const summary: EvaluateSummary = { evaluated: vendorIds.length, opened: 0, closed: 0, pruned, ourNetworkDown, changedVendors: [] }
  if (vendorIds.length === 0) return summary

  const [states, recent, history, probes] = await Promise.all([
    data.loadSignalStates(vendorIds),
    // `to` just past now: a report stamped this instant is in.
    data.countDistinctNetworksByBucket(vendorIds, new Date(now.getTime() - lookbackMs), new Date(now.getTime() + 1), BUCKET_MINUTES),
    baselineBuckets(data, vendorIds, now),
    data.recentProbeChecks(vendorIds, new Date(now.getTime() - PROBE_LOOKBACK_MINUTES * MIN)),
  ])
  const freshSince = now.getTime() - staleAfterMs(deps.intervalMs)

  for (const state of states) {
    const decision = decide({
      now,
      reportBuckets: recent.get(state.vendorId) ?? [],
      baseline: expectedPerWindow(history.get(state.vendorId) ?? [], now),
      probeChecks: probes.get(state.vendorId) ?? [],
      official: { status: state.status, fresh: state.lastSuccessAt !== null && state.lastSuccessAt.getTime() >= freshSince, incidentOpen: state.incidentOpen },
      ourNetworkDown,
      open: state.open,
    })
    if (decision.kind === 'open') {
      if (await data.openPossibleOutage({ vendorId: state.vendorId, openedAt: now, trigger: decision.trigger, evidence: decision.evidence })) {
        summary.opened++
        summary.changedVendors.push({ vendorId: state.vendorId, vendorSlug: state.vendorSlug })
      }
    } else if (decision.kind === 'close' && state.open) {
      if (await data.closePossibleOutageSubsided(state.open.id, now)) {
        summary.closed++
        summary.changedVendors.push({ vendorId: state.vendorId, vendorSlug: state.vendorSlug })
      }
    }
  }
  return summary
}

/**
 * Only the hours the baseline reads: the same hour of the week in each of the four weeks before,
 * four one-hour reads instead of 28 days of buckets.
 */
async function baselineBuckets(data: EvaluateData, vendorIds: string[], now: Date): Promise<Map<string, ReportBucket[]>> {
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR
  const weeks = Array.from({ length: Math.round(BASELINE_DAYS / 7) }, (_, i) => hourStart - (i + 1) * 7 * DAY)
  const reads = await Promise.all(weeks.map((from) => data.countDistinctNetworksByBucket(vendorIds, new Date(from), new Date(from + HOUR), BUCKET_MINUTES)))
  const merged = new Map<string, ReportBucket[]>()
  for (const read of reads) for (const [vendorId, buckets] of read) merged.set(vendorId, [...(merged.get(vendorId) ?? []), ...buckets])
  return merged
}
