// Possible outages as the pages read them (issue 19): the vendor's open one (its banner), the open
// ones across vendors (the home page, most-watched first), and the vendor's measured lead times
// (the median on the vendor page and in the API). Opening, closing and linking belong to the
// signal's lifecycle (lib/signal/evaluate.ts).
import { db } from '@/lib/db/client'
import { LEAD_WINDOW_DAYS } from '@/lib/status/early-warning-words'

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

/**
 * The median lead of the vendor's possible outages over the last LEAD_WINDOW_DAYS that an official
 * incident confirmed in time; `measured` says how many (the page shows nothing under 3). The same
 * signature as the signal slice's read of the same name, which replaces it when it lands.
 */
export async function medianLeadSeconds(vendorId: string, now: Date): Promise<{ medianSeconds: number | null; measured: number }> {
  const since = new Date(now.getTime() - LEAD_WINDOW_DAYS * 24 * 3600_000)
  const rows = await db.possibleOutage.findMany({ where: { vendorId, openedAt: { gte: since, lte: now }, leadSeconds: { not: null } }, select: { leadSeconds: true } })
  const leads = rows.flatMap((r) => (r.leadSeconds === null ? [] : [r.leadSeconds])).sort((a, b) => a - b)
  if (leads.length === 0) return { medianSeconds: null, measured: 0 }
  const mid = Math.floor(leads.length / 2)
  const at = (i: number) => leads[i] ?? 0
  return { medianSeconds: leads.length % 2 ? at(mid) : Math.round((at(mid - 1) + at(mid)) / 2), measured: leads.length }
}
