// What the home page shows, loaded in one call: what is down right now (official incidents, most
// watched first; then possible outages, unofficial, kept apart), the catalog size for the search. The result is plain JSON (ISO strings, no
// Dates) because the page keeps it in Next's data cache between refreshes (app/(marketing)/page.tsx).
import { isMonitoredSource } from '@/lib/catalog/platforms'
import { listDownNow } from '@/lib/data/down-now'
import { listOpenPossibleOutages } from '@/lib/data/possible-outages'
import { countVendors } from '@/lib/data/vendors'
import { vendorAnswer } from '@/lib/status/answer'
import { asPossibleOutageEvidence, evidenceSummary } from '@/lib/status/early-warning-words'
import { freshness, staleAfterMs } from '@/lib/status/freshness'
import { impactfulOpenIncidents } from '@/lib/status/open-incidents'
import type { ServiceStatus } from '@/lib/status/statuses'

/** Vendors listed under "down right now"; the directory lists the rest of the problems. */
export const DOWN_NOW_LIMIT = 12

export interface DownNowItem {
  slug: string
  name: string
  status: ServiceStatus
  /** The vendor page's own first line (lib/status/answer.ts). */
  answer: string
  watchers: number
  /** The incident the vendor page's banner names (worst first), when one is open. */
  incident: { id: string; title: string; others: number } | null
}

/**
 * A possible outage (issue 19): problems our own signals see before the vendor's page admits them.
 * Kept apart from official incidents and always labelled unofficial.
 */
export interface PossibleOutageItem {
  slug: string
  name: string
  /** The evidence in words: "Users report problems (23 reports in 15 min, 8× usual); 2 of 3 probes failing". */
  description: string
  /** ISO: when it opened (shown in the reader's zone). */
  openedAt: string
  watchers: number
}

export interface HomeModel {
  asOf: string
  totalVendors: number
  downNow: DownNowItem[]
  possibleOutages: PossibleOutageItem[]
}

export async function loadHome(now: Date, refreshIntervalMs: number): Promise<HomeModel> {
  const [rows, totalVendors, possibleOutages] = await Promise.all([listDownNow(new Date(now.getTime() - staleAfterMs(refreshIntervalMs)), DOWN_NOW_LIMIT), countVendors(), loadPossibleOutages()])
  const downNow = rows.map((v): DownNowItem => {
    const named = impactfulOpenIncidents(v.openIncidents)[0] ?? v.openIncidents[0]
    return {
      slug: v.slug,
      name: v.name,
      status: v.status,
      answer: vendorAnswer(v, freshness(v.source, isMonitoredSource(v.source), now, refreshIntervalMs), now),
      watchers: v.watchers,
      incident: named ? { id: named.id, title: named.title, others: v.openIncidents.length - 1 } : null,
    }
  })
  return { asOf: now.toISOString(), totalVendors, downNow, possibleOutages }
}

async function loadPossibleOutages(): Promise<PossibleOutageItem[]> {
  const rows = await listOpenPossibleOutages(DOWN_NOW_LIMIT)
  return rows.flatMap((o) => {
    const evidence = asPossibleOutageEvidence(o.evidence)
    return evidence ? [{ slug: o.slug, name: o.name, description: evidenceSummary(evidence), openedAt: o.openedAt.toISOString(), watchers: o.watchers }] : []
  })
}
