// A vendor's reliability history over 30, 90 and 365 days, from one read of its incidents: shown on
// the vendor page and served by GET /api/v1/vendors/{slug}/reliability.
import { findReliabilityIncidents } from '@/lib/data/reliability'
import { type Reliability, reliability, type ReliabilityIncident, RELIABILITY_WINDOWS } from '@/lib/status/reliability'

const DAY_MS = 86_400_000
/** The longest window, in days: the incidents to read start here. */
export const RELIABILITY_DAYS = Math.max(...RELIABILITY_WINDOWS)

export interface ReliabilityHistory {
  /** Our first successful read; null when we never read the page (then it is all the vendor's history). */
  observedSince: Date | null
  windows: Reliability[]
}

export async function loadReliability(vendor: { id: string; source: { baselineAt: Date | null } | null }, now: Date): Promise<ReliabilityHistory> {
  const incidents = await findReliabilityIncidents(vendor.id, new Date(now.getTime() - RELIABILITY_DAYS * DAY_MS), now)
  return reliabilityHistory(incidents, vendor, now)
}

/** Pure: the history from incidents already read (every one overlapping the last RELIABILITY_DAYS). */
export function reliabilityHistory(incidents: readonly ReliabilityIncident[], vendor: { source: { baselineAt: Date | null } | null }, now: Date): ReliabilityHistory {
  const dataSince = vendor.source?.baselineAt ?? null
  return { observedSince: dataSince, windows: RELIABILITY_WINDOWS.map((days) => reliability(incidents, { days, now, dataSince })) }
}
