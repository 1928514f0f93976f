// Possible outages as the pages read them (issue 19): the vendor's open one (its banner), the open
// ones across vendors (the home page, most-watched first), and the vendor's measured lead times
// (the median on the vendor page and in the API). Opening, closing and linking belong to the
// signal's lifecycle (lib/signal/evaluate.ts).
import { db } from '@/lib/db/client'

export interface OpenPossibleOutage {
  id: string
  openedAt: Date
  /** "reports", "probes" or "reports+probes" (PossibleOutageTrigger). */
  trigger: string
  /** PossibleOutageEvidence as stored (JSON): check it (lib/status/early-warning-words.ts) before use. */
  evidence: unknown
}

/** The vendor's open possible outage, if any (at most one: the open key is unique). */
export async function findOpenPossibleOutage(vendorId: string): Promise<OpenPossibleOutage | null> {
  return db.possibleOutage.findUnique({
    where: { openKey: vendorId },
    select: { id: true, openedAt: true, trigger: true, evidence: true },
  })
}

export interface OpenPossibleOutageRow extends OpenPossibleOutage {
  slug: string
  name: string
  watchers: number
}

/** Open possible outages of listed vendors, most-watched first (then the newest). */
export async function listOpenPossibleOutages(limit: number): Promise<OpenPossibleOutageRow[]> {
  const rows = await db.possibleOutage.findMany({
    // A vendor added by URL and not reviewed yet is not on public lists (lib/catalog/add-by-url.ts).
    where: { openKey: { not: null }, vendor: { pendingReview: false } },
    orderBy: [{ vendor: { watchers: { _count: 'desc' } } }, { openedAt: 'desc' }],
    take: limit,
    select: {
      id: true,
      openedAt: true,
      trigger: true,
      evidence: true,
      vendor: {
        select: {
          slug: true,
          name: true,
          _count: { select: { watchers: true } },
        },
      },
    },
  })
  return rows.map(({ vendor, ...o }) => ({
    ...o,
    slug: vendor.slug,
    name: vendor.name,
    watchers: vendor._count.watchers,
  }))
}

export interface LeadTimes {
  /** Median of the measured lead times, in seconds; null when none was measured. */
  medianLeadSeconds: number | null
  /** Possible outages followed by an official incident within the lead window, opened since `since`. */
  measuredIncidents: number
}

/** The vendor's measured lead times since `since` (leadSeconds is set only when an incident followed within 60 minutes). */
export async function medianLeadSeconds(vendorId: string, since: Date): Promise<LeadTimes> {
  const rows = await db.possibleOutage.findMany({
    where: { vendorId, openedAt: { gte: since }, leadSeconds: { not: null } },
    select: { leadSeconds: true },
    orderBy: { leadSeconds: 'asc' },
  })
  const sorted = rows.flatMap((r) => (r.leadSeconds === null ? [] : [r.leadSeconds]))
  return {
    medianLeadSeconds: median(sorted),
    measuredIncidents: sorted.length,
  }
}

/** The median of ascending numbers (the mean of the middle two for an even count). */
function median(ascending: readonly number[]): number | null {
  const n = ascending.length
  if (n === 0) return null
  const mid = Math.floor(n / 2)
  const upper = ascending[mid] ?? 0
  return n % 2 === 1 ? upper : ((ascending[mid - 1] ?? upper) + upper) / 2
}
