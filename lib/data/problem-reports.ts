// Problem reports ("having problems with {vendor}?"), read as the signal and the vendor page's chart
// need them: distinct reporting networks per time bucket. Distinct networks, never rows: one browser
// or one network repeating itself counts once per bucket (issue 19: bots cannot inflate a vendor alone).
import { Prisma } from '@/lib/db/generated/client'
import { db } from '@/lib/db/client'

export interface ReportBucket {
  /** Start of the bucket (aligned to multiples of the bucket length since 2000-01-01T00:00Z). */
  start: Date
  /** Distinct reporting networks in the bucket. */
  networks: number
}

/**
 * Distinct reporting networks per `bucketMinutes` bucket in [from, to), per vendor; buckets with no
 * report are absent (callers fill zeros). Uses the (vendorId, createdAt) index.
 */
export async function countDistinctNetworksByBucket(vendorIds: readonly string[], from: Date, to: Date, bucketMinutes: number): Promise<Map<string, ReportBucket[]>> {
  const result = new Map<string, ReportBucket[]>()
  if (vendorIds.length === 0) return result
  const rows = await db.$queryRaw<{ vendorId: string; start: Date; networks: number }[]>(Prisma.sql`
    SELECT "vendorId",
           date_bin(${`${bucketMinutes} minutes`}::interval, "createdAt", TIMESTAMP '2000-01-01') AS "start",
           count(DISTINCT "networkKey")::int AS "networks"
    FROM "ProblemReport"
    WHERE "vendorId" = ANY(${[...vendorIds]}) AND "createdAt" >= ${from} AND "createdAt" < ${to}
    GROUP BY 1, 2
    ORDER BY 1, 2`)
  for (const row of rows) {
    const list = result.get(row.vendorId) ?? []
    list.push({ start: row.start, networks: row.networks })
    result.set(row.vendorId, list)
  }
  return result
}

/**
 * The vendor a report names and the component it picked, by the component's public id (the API's
 * `components[].id`, the vendor page's, which is the upstream id). Null: no such vendor;
 * `componentId` null with `componentOk` false: not one of its current components.
 */
export async function findReportTarget(slug: string, componentPublicId: string | undefined): Promise<{ vendorId: string; componentId: string | null; componentOk: boolean } | null> {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true } })
  if (!vendor) return null
  if (componentPublicId === undefined) return { vendorId: vendor.id, componentId: null, componentOk: true }
  const component = await db.component.findFirst({ where: { vendorId: vendor.id, externalId: componentPublicId, removedAt: null }, select: { id: true } })
  return { vendorId: vendor.id, componentId: component?.id ?? null, componentOk: component !== null }
}

export interface ProblemReportWrite {
  vendorId: string
  componentId: string | null
  browserKey: string
  networkKey: string
  now: Date
  /** A report from the same browser or network after this instant makes this one a repeat. */
  repeatSince: Date
}

/**
 * Stores the report unless this browser or this network already reported the vendor since
 * `repeatSince`. The check and the insert hold transaction-scoped advisory locks on the
 * (vendor, browser) and (vendor, network) pairs, taken in that order by every caller (no deadlock),
 * so two requests racing from one browser or one network store one report.
 */
export async function recordProblemReport(w: ProblemReportWrite): Promise<'accepted' | 'already-reported'> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`problem-report:browser:${w.vendorId}:${w.browserKey}`}, 0))`
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`problem-report:network:${w.vendorId}:${w.networkKey}`}, 0))`
    const repeat = await tx.problemReport.findFirst({
      where: { vendorId: w.vendorId, createdAt: { gt: w.repeatSince }, OR: [{ browserKey: w.browserKey }, { networkKey: w.networkKey }] },
      select: { id: true },
    })
    if (repeat) return 'already-reported'
    await tx.problemReport.create({ data: { vendorId: w.vendorId, componentId: w.componentId, browserKey: w.browserKey, networkKey: w.networkKey, createdAt: w.now } })
    return 'accepted'
  })
}

/** Vendors with at least one report since `since`: the ones the signal evaluates for reports. */
export async function vendorsReportedSince(since: Date): Promise<string[]> {
  const rows = await db.problemReport.findMany({ where: { createdAt: { gte: since } }, distinct: ['vendorId'], select: { vendorId: true } })
  return rows.map((r) => r.vendorId)
}

/** Deletes reports older than `before` (the baseline's 28 days plus a margin); returns how many. */
export async function pruneProblemReports(before: Date): Promise<number> {
  const { count } = await db.problemReport.deleteMany({ where: { createdAt: { lt: before } } })
  return count
}
