// Possible outages (issue 19): our own, unofficial signal that a vendor has problems its page does
// not admit yet. Opened and closed by the scheduled evaluation (lib/signal/evaluate.ts), linked to
// the official incident by the refresh's own write (linkOfficialIncidents, called from
// vendor-snapshots.ts in the transaction that records incident_opened, so the link exists before
// the notifier ever reads that event), and measured (medianLeadSeconds). The pages read them here
// too: the vendor's open one (its banner), the open ones across vendors (the home page).
//
// Every open and close writes its change event (possible_outage_opened / _closed, dedupe key
// `<kind>:<outage id>`) in the same transaction: the notifier sees both or neither.
import { Prisma } from '@/lib/db/generated/client'
import type { ServiceStatus } from '@/lib/db/generated/enums'
import { db } from '@/lib/db/client'
import { POLLABLE_SOURCE as pollable } from './pollable-sources'
import { LEAD_WINDOW_MINUTES, MEDIAN_LEAD_DAYS } from '@/lib/signal/params'
import type { PossibleOutageCloseReason, PossibleOutageEvidence, PossibleOutageTrigger } from '@/lib/signal/types'
import { INCIDENT_OVER_STATUSES } from '@/lib/status/lifecycle'
import { NETWORK_FAILURE_KINDS } from '@/lib/status/network-outage'
import { isUniqueViolation } from './prisma-errors'

const LEAD_WINDOW_MS = LEAD_WINDOW_MINUTES * 60_000

/** What the rule needs to know of one vendor besides its signals. */
export interface VendorSignalState {
  vendorId: string
  /** For dropping the vendor's cached pages when a possible outage opens or closes. */
  vendorSlug: string
  status: ServiceStatus
  /** Last successful read of the official page (null: never, or no source). */
  lastSuccessAt: Date | null
  incidentOpen: boolean
  open: { id: string; openedAt: Date } | null
}

/** Vendors with reports or probe checks since `since`, or an open possible outage: the ones worth evaluating. */
export async function vendorsToEvaluate(since: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ vendorId: string }[]>`
    SELECT DISTINCT "vendorId" FROM "ProblemReport" WHERE "createdAt" >= ${since}
    UNION
    SELECT DISTINCT p."vendorId" FROM "ProbeResult" r JOIN "Probe" p ON p."id" = r."probeId" WHERE r."checkedAt" >= ${since}
    UNION
    SELECT "vendorId" FROM "PossibleOutage" WHERE "openKey" IS NOT NULL`
  return rows.map((r) => r.vendorId)
}

export async function loadSignalStates(vendorIds: readonly string[]): Promise<VendorSignalState[]> {
  if (vendorIds.length === 0) return []
  const vendors = await db.vendor.findMany({
    where: { id: { in: [...vendorIds] } },
    select: {
      id: true,
      slug: true,
      status: true,
      source: { select: { lastSuccessAt: true } },
      incidents: { where: { resolvedAt: null, status: { notIn: [...INCIDENT_OVER_STATUSES] } }, select: { id: true }, take: 1 },
    },
  })
  const open = await db.possibleOutage.findMany({ where: { openKey: { in: [...vendorIds] } }, select: { id: true, vendorId: true, openedAt: true } })
  const openBy = new Map(open.map((o) => [o.vendorId, { id: o.id, openedAt: o.openedAt }]))
  return vendors.map((v) => ({
    vendorId: v.id,
    vendorSlug: v.slug,
    status: v.status,
    lastSuccessAt: v.source?.lastSuccessAt ?? null,
    incidentOpen: v.incidents.length > 0,
    open: openBy.get(v.id) ?? null,
  }))
}

/**
 * The counts lib/status/network-outage.ts judges "is it us?" by, as /api/health reads them:
 * monitored sources, and those whose last check failed for a network reason.
 */
export async function refreshNetworkFacts(): Promise<{ monitored: number; failingNetwork: number }> {
  const [monitored, failingNetwork] = await Promise.all([
    db.statusSource.count({ where: pollable }),
    db.statusSource.count({ where: { ...pollable, consecutiveFailures: { gt: 0 }, lastErrorKind: { in: [...NETWORK_FAILURE_KINDS] } } }),
  ])
  return { monitored, failingNetwork }
}

export interface PossibleOutageOpening {
  vendorId: string
  openedAt: Date
  trigger: PossibleOutageTrigger
  evidence: PossibleOutageEvidence
}

/**
 * Opens a possible outage and records possible_outage_opened, in one transaction. Null when the
 * vendor already has one open: the unique open key refused it (an overlapping run got there first).
 */
export async function openPossibleOutage(o: PossibleOutageOpening): Promise<{ id: string } | null> {
  try {
    return await db.$transaction(async (tx) => {
      const outage = await tx.possibleOutage.create({
        data: { vendorId: o.vendorId, openKey: o.vendorId, openedAt: o.openedAt, trigger: o.trigger, evidence: o.evidence as unknown as Prisma.InputJsonValue },
        select: { id: true },
      })
      await tx.changeEvent.create({
        data: {
          vendorId: o.vendorId,
          kind: 'possible_outage_opened',
          dedupeKey: `possible_outage_opened:${outage.id}`,
          possibleOutageId: outage.id,
          data: { trigger: o.trigger, ...o.evidence } as unknown as Prisma.InputJsonValue,
          occurredAt: o.openedAt,
          // The refresh's clock, as every change event's (lib/data/change-events.ts says why).
          createdAt: o.openedAt,
        },
      })
      return outage
    })
  } catch (e) {
    if (isUniqueViolation(e)) return null
    throw e
  }
}

/** Closes an open possible outage as subsided and records possible_outage_closed. False when it was no longer open. */
export async function closePossibleOutageSubsided(id: string, closedAt: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.possibleOutage.updateMany({ where: { id, openKey: { not: null } }, data: { openKey: null, closedAt, closeReason: 'subsided' } })
    if (count === 0) return false
    const outage = await tx.possibleOutage.findUniqueOrThrow({ where: { id }, select: { vendorId: true } })
    await recordClosed(tx, { id, vendorId: outage.vendorId, reason: 'subsided', incidentId: null, leadSeconds: null, closedAt })
    return true
  })
}

async function recordClosed(
  tx: Prisma.TransactionClient,
  c: { id: string; vendorId: string; reason: PossibleOutageCloseReason; incidentId: string | null; leadSeconds: number | null; closedAt: Date },
): Promise<void> {
  await tx.changeEvent.create({
    data: {
      vendorId: c.vendorId,
      kind: 'possible_outage_closed',
      dedupeKey: `possible_outage_closed:${c.id}`,
      possibleOutageId: c.id,
      incidentId: c.incidentId,
      data: { reason: c.reason, incidentId: c.incidentId, leadSeconds: c.leadSeconds },
      occurredAt: c.closedAt,
      createdAt: c.closedAt,
    },
    select: { id: true },
  })
}

/**
 * In the refresh's write transaction, for the official incidents it just opened (news, not a
 * baseline): the vendor's open possible outage closes as "official_incident" with the incident
 * linked, and so does a link to one that subsided in the last LEAD_WINDOW_MINUTES (the page caught
 * up after our signal calmed). The lead, recorded when the incident came within LEAD_WINDOW_MINUTES
 * of the opening, is when the vendor's page showed the incident (this refresh: `now`, within one
 * refresh interval of its publication) minus when we opened: a page that backdates its incident's
 * start does not shorten how late it was.
 */
/** Outages linkOfficialIncidents would link for this vendor now: open, or subsided within the lead window, not linked yet. */
function linkableWhere(vendorId: string, now: Date): Prisma.PossibleOutageWhereInput {
  return { vendorId, incidentId: null, OR: [{ openKey: { not: null } }, { closeReason: 'subsided', closedAt: { gte: new Date(now.getTime() - LEAD_WINDOW_MS) } }] }
}

/** Whether an incident opening now would link one of the vendor's possible outages (the refresh picks its write path by it). */
export async function hasLinkablePossibleOutage(vendorId: string, now: Date): Promise<boolean> {
  return (await db.possibleOutage.findFirst({ where: linkableWhere(vendorId, now), select: { id: true } })) !== null
}

export async function linkOfficialIncidents(tx: Prisma.TransactionClient, vendorId: string, incidentIds: readonly string[], now: Date): Promise<void> {
  const incidentId = incidentIds[0]
  if (incidentId === undefined) return
  const candidates = await tx.possibleOutage.findMany({
    where: linkableWhere(vendorId, now),
    orderBy: { openedAt: 'desc' },
    take: 1,
    select: { id: true, openKey: true, openedAt: true },
  })
  const outage = candidates[0]
  if (!outage) return
  const leadMs = now.getTime() - outage.openedAt.getTime()
  const leadSeconds = leadMs >= 0 && leadMs <= LEAD_WINDOW_MS ? Math.round(leadMs / 1000) : null
  if (outage.openKey !== null) {
    await tx.possibleOutage.update({ where: { id: outage.id }, data: { openKey: null, closedAt: now, closeReason: 'official_incident', incidentId, leadSeconds } })
    await recordClosed(tx, { id: outage.id, vendorId, reason: 'official_incident', incidentId, leadSeconds, closedAt: now })
  } else {
    await tx.possibleOutage.update({ where: { id: outage.id }, data: { incidentId, leadSeconds } })
  }
}

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
 * The median lead of the vendor's possible outages over the last MEDIAN_LEAD_DAYS that an official
 * incident confirmed in time; `measured` says how many (the page shows nothing under 3).
 */
export async function medianLeadSeconds(vendorId: string, now: Date): Promise<{ medianSeconds: number | null; measured: number }> {
  const since = new Date(now.getTime() - MEDIAN_LEAD_DAYS * 24 * 3600_000)
  const rows = await db.possibleOutage.findMany({ where: { vendorId, openedAt: { gte: since, lte: now }, leadSeconds: { not: null } }, select: { leadSeconds: true } })
  const leads = rows.flatMap((r) => (r.leadSeconds === null ? [] : [r.leadSeconds])).sort((a, b) => a - b)
  if (leads.length === 0) return { medianSeconds: null, measured: 0 }
  const mid = Math.floor(leads.length / 2)
  const at = (i: number) => leads[i] ?? 0
  return { medianSeconds: leads.length % 2 ? at(mid) : Math.round((at(mid - 1) + at(mid)) / 2), measured: leads.length }
}
