// The early-warning rule (issue 19 #3): from one vendor's recent reports, its baseline, its probe
// checks, what its official page says and whether our own network looks down, decide whether a
// possible outage opens, stays open or closes. Pure: every fact comes in, the clock included.
//
//   opens   reports: distinct networks in the last 15 minutes >= max(REPORT_FLOOR, k x baseline)
//           probes:  at least half of the vendor's probes failed their last PROBE_FAIL_STREAK checks,
//                    counted only while the official page is read fresh and says operational (a
//                    page that already admits a problem needs no early warning; a page we cannot
//                    read leaves us no reference to be "early" against)
//           never:   while an official incident is open or the fresh official status is not
//                    operational (the vendor already said so), or while our own network looks down
//                    (most vendors unreachable: the probes would all fail for our reasons, not theirs)
//   closes  "subsided" after QUIET_MINUTES_TO_CLOSE without a window over the threshold and without
//           a failed probe check. (Closing as "official_incident" happens in the refresh's own
//           write, lib/data/possible-outages.ts's linkIncident, not here.)
import type { ServiceStatus } from '@/lib/db/generated/enums'
import { bucketStart, windowCount, type CountBucket } from './baseline'
import { BUCKET_MINUTES, PROBE_FAIL_STREAK, PROBE_FAILING_SHARE, QUIET_MINUTES_TO_CLOSE, REPORT_FLOOR, REPORT_MULTIPLIER, WINDOW_MINUTES } from './params'
import type { PossibleOutageEvidence, PossibleOutageTrigger, ProbeCheck } from './types'

export interface OfficialView {
  status: ServiceStatus
  /** The official page was read successfully recently enough to be believed (lib/status/freshness.ts). */
  fresh: boolean
  /** An official incident is open (not resolved) on the vendor's page. */
  incidentOpen: boolean
}

export interface SignalFacts {
  now: Date
  /** Distinct reporting networks per bucket over at least the last WINDOW + QUIET minutes; absent buckets are zero. */
  reportBuckets: readonly CountBucket[]
  /** Expected distinct networks per window at this hour of the week (./baseline.ts). */
  baseline: number
  /** Each probe's recent checks (any order). */
  probeChecks: readonly ProbeCheck[]
  official: OfficialView
  /** lib/status/network-outage.ts's verdict over the refresh's sources. */
  ourNetworkDown: boolean
  /** The vendor's open possible outage, if any. */
  open: { openedAt: Date } | null
}

export type SignalDecision =
  | { kind: 'nothing' }
  | { kind: 'open'; trigger: PossibleOutageTrigger; evidence: PossibleOutageEvidence }
  | { kind: 'keep' }
  | { kind: 'close' }

/** The reports threshold for a window: the floor, or k times the usual count when that is higher. */
export function reportThreshold(baseline: number): number {
  return Math.max(REPORT_FLOOR, REPORT_MULTIPLIER * baseline)
}

interface ProbeVerdict {
  failing: number
  total: number
  /** The longest current failure streak among the probes. */
  worstStreak: number
  /** When the newest failed check was (null: none in the checks given). */
  lastFailureAt: Date | null
}

/** Per probe: how many of its newest checks failed in a row. */
export function probeVerdict(checks: readonly ProbeCheck[]): ProbeVerdict {
  const byProbe = new Map<string, ProbeCheck[]>()
  for (const c of checks) byProbe.set(c.probeId, [...(byProbe.get(c.probeId) ?? []), c])
  let failing = 0
  let worstStreak = 0
  let lastFailureAt: Date | null = null
  for (const list of byProbe.values()) {
    list.sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime())
    let streak = 0
    for (let i = list.length - 1; i >= 0 && list[i]?.ok === false; i--) streak++
    if (streak >= PROBE_FAIL_STREAK) failing++
    worstStreak = Math.max(worstStreak, streak)
    for (const c of list) if (!c.ok && (!lastFailureAt || c.checkedAt > lastFailureAt)) lastFailureAt = c.checkedAt
  }
  return { failing, total: byProbe.size, worstStreak, lastFailureAt }
}

function probesSayDown(v: ProbeVerdict): boolean {
  return v.failing > 0 && v.failing >= PROBE_FAILING_SHARE * v.total
}

/** The official page is a trustworthy "all is well" to be early against. */
function officialSaysOperational(o: OfficialView): boolean {
  return o.fresh && o.status === 'operational' && !o.incidentOpen
}

/** The vendor's page already admits a problem: nothing of ours to add. */
function officialAdmitsProblem(o: OfficialView): boolean {
  return o.incidentOpen || (o.fresh && o.status !== 'operational' && o.status !== 'unknown')
}

export function decide(facts: SignalFacts): SignalDecision {
  const { now, baseline, official } = facts
  const threshold = reportThreshold(baseline)
  const reports = windowCount(facts.reportBuckets, now)
  const probes = probeVerdict(facts.probeChecks)
  const reportsHot = reports >= threshold
  // Probes mean something only against a page read fresh that says all is well, and only when our
  // own network is not the reason they fail.
  const probesHot = !facts.ourNetworkDown && officialSaysOperational(official) && probesSayDown(probes)

  if (facts.open) {
    if (reportsHot || probesHot || recentlyHot(facts, threshold)) return { kind: 'keep' }
    // Our network is down: the probes cannot tell us it subsided; wait until it is back.
    if (facts.ourNetworkDown) return { kind: 'keep' }
    return { kind: 'close' }
  }

  if (facts.ourNetworkDown || officialAdmitsProblem(official)) return { kind: 'nothing' }
  if (!reportsHot && !probesHot) return { kind: 'nothing' }
  const trigger: PossibleOutageTrigger = reportsHot && probesHot ? 'reports+probes' : reportsHot ? 'reports' : 'probes'
  return {
    kind: 'open',
    trigger,
    evidence: {
      reports,
      windowMinutes: WINDOW_MINUTES,
      baseline: Math.round(baseline * 10) / 10,
      ratio: baseline > 0 ? Math.round((reports / baseline) * 10) / 10 : null,
      probesFailing: probes.failing,
      probesTotal: probes.total,
      probeFailStreak: probes.worstStreak,
    },
  }
}

/**
 * Any window ending in the last QUIET_MINUTES_TO_CLOSE crossed the threshold, or any probe check
 * failed in that time: not quiet long enough to call it over.
 */
function recentlyHot(facts: SignalFacts, threshold: number): boolean {
  const quietSince = facts.now.getTime() - QUIET_MINUTES_TO_CLOSE * 60_000
  if (facts.open && facts.open.openedAt.getTime() > quietSince) return true
  const last = bucketStart(facts.now).getTime()
  for (let end = last; end >= quietSince; end -= BUCKET_MINUTES * 60_000) {
    if (windowCount(facts.reportBuckets, new Date(end)) >= threshold) return true
  }
  const { lastFailureAt } = probeVerdict(facts.probeChecks)
  return lastFailureAt !== null && lastFailureAt.getTime() >= quietSince
}
