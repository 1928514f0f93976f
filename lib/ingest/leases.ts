// Claiming vendors for a refresh. A claim is a lease written on the source row: the claimant's
// name and an expiry. `FOR UPDATE SKIP LOCKED` lets any number of cycles, in any number of
// processes or hosts, claim at the same moment without ever claiming the same row; a crashed
// claimant's lease simply expires. Every later write for the vendor is fenced on the lease
// (see store.ts), so a worker that lost its lease cannot write stale results.
import type { Db } from '@/lib/db/client'
import type { Platform } from '@/lib/db/generated/enums'

export interface ClaimedSource {
  id: string
  vendorId: string
  vendorSlug: string
  platform: Platform
  apiUrl: string | null
  statusPageUrl: string
  httpCache: unknown
  settings: unknown
  consecutiveFailures: number
}

/** Sources we can poll: a known platform with an address (status.io finds its own). */
const POLLABLE = `s.enabled AND s.platform <> 'unknown' AND (s."apiUrl" IS NOT NULL OR s.platform = 'statusio')`

/**
 * Claims up to `limit` sources that were due at `dueBy` and are not leased at `now`. A cycle
 * passes its own start as `dueBy`, so a vendor that failed early in a long cycle (and is due
 * again a minute later) waits for the next cycle instead of being checked twice in this one.
 */
export async function claimDueSources(
  db: Db,
  args: { owner: string; now: Date; dueBy: Date; leaseMs: number; limit: number; /** Only this vendor's source. */ vendorSlug?: string },
): Promise<ClaimedSource[]> {
  const leaseExpiresAt = new Date(args.now.getTime() + args.leaseMs)
  const onlyVendor = args.vendorSlug === undefined ? '' : `AND s."vendorId" = (SELECT id FROM "Vendor" WHERE slug = $6)`
  return db.$queryRawUnsafe<ClaimedSource[]>(
    `UPDATE "StatusSource" AS s
        SET "leaseOwner" = $1, "leaseExpiresAt" = $2
       FROM (
         SELECT s.id FROM "StatusSource" AS s
          WHERE ${POLLABLE}
            AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= $4)
            AND (s."leaseExpiresAt" IS NULL OR s."leaseExpiresAt" < $3)
            ${onlyVendor}
          ORDER BY s."nextCheckAt" ASC NULLS FIRST
          LIMIT $5
          FOR UPDATE SKIP LOCKED
       ) AS due, "Vendor" AS v
      WHERE s.id = due.id AND v.id = s."vendorId"
  RETURNING s.id, s."vendorId", v.slug AS "vendorSlug", s.platform::text AS platform, s."apiUrl", v."statusPageUrl", s."httpCache", s.settings, s."consecutiveFailures"`,
    args.owner,
    leaseExpiresAt,
    args.now,
    args.dueBy,
    args.limit,
    ...(args.vendorSlug === undefined ? [] : [args.vendorSlug]),
  )
}

/** Hands a claimed source back untouched (the cycle is stopping), if the lease is still ours. */
export async function releaseLease(db: Db, sourceId: string, owner: string): Promise<void> {
  await db.statusSource.updateMany({ where: { id: sourceId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } })
}

/** How many sources are due and unclaimed right now (the cycle summary's "due"). */
export async function countDueSources(db: Db, now: Date): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ due: number }[]>(
    `SELECT count(*)::int AS due FROM "StatusSource" AS s
      WHERE ${POLLABLE} AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= $1) AND (s."leaseExpiresAt" IS NULL OR s."leaseExpiresAt" < $1)`,
    now,
  )
  return rows[0]?.due ?? 0
}
