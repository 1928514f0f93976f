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
