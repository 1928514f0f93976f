// A vendor's reliability history over 30, 90 and 365 days, from one read of its incidents: shown on
// the vendor page and served by GET /api/v1/vendors/{slug}/reliability.
import { findReliabilityIncidents } from '@/lib/data/reliability'
import { type Reliability, reliability, RELIABILITY_WINDOWS } from '@/lib/status/reliability'

const DAY_MS = 86_400_000
const LONGEST = Math.max(...RELIABILITY_WINDOWS)

export interface ReliabilityHistory {
  /** Our first successful read; null when we never read the page (then it is all the vendor's history). */
  observedSince: Date | null
  windows: Reliability[]
}

export async function loadReliability(vendor: { id: string; source: { baselineAt: Date | null } | null }, now: Date): Promise<ReliabilityHistory> {
  const dataSince = vendor.source?.baselineAt ?? null
  const incidents = await findReliabilityIncidents(vendor.id, new Date(now.getTime() - LONGEST * DAY_MS), now)
  return { observedSince: dataSince, windows: RELIABILITY_WINDOWS.map((days) => reliability(incidents, { days, now, dataSince })) }
}
