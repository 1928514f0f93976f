// A vendor's status source as the refresh uses it: claiming it (a lease), and recording how a check
// went. A claim is a lease written on the source row: the claimant's name and an expiry.
// `FOR UPDATE SKIP LOCKED` lets any number of cycles, in any number of processes or hosts, claim at
// the same moment without ever claiming the same row; a crashed claimant's lease simply expires.
// Every later write for the vendor is fenced on the lease (`fenceSource`), so a worker that lost its
// lease cannot write stale results.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { Platform } from '@/lib/db/generated/enums'
import { jsonRows } from './json-rows'
import { LeaseLostError } from './lease-lost'
import { POLLABLE_SOURCE_SQL as POLLABLE } from './pollable-sources'

export type { Platform }

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
  /** The stored platform-drift note (lib/ingest/source-drift.ts), null when none. */
  sourceChange: unknown
}

/**
 * Which due vendors a cycle takes first: those whose last check timed out (they may hang for the
 * whole timeout again, so they start while the body of the cycle runs rather than at its tail),
 * then the longest-waiting (never-checked first).
 */
const CLAIM_ORDER = Prisma.sql`(s."lastErrorKind" = 'timeout') DESC NULLS LAST, s."nextCheckAt" ASC NULLS FIRST`

/**
 * Claims up to `limit` sources that were due at `dueBy` and are not leased at `now`. A cycle
 * passes its own start as `dueBy`, so a vendor that failed early in a long cycle (and is due
 * again a minute later) waits for the next cycle instead of being checked twice in this one.
 */
export async function claimDueSources(args: {
  owner: string
  now: Date
  dueBy: Date
  leaseMs: number
  limit: number
  /** Only this vendor's source. */
  vendorSlug?: string | undefined
}): Promise<ClaimedSource[]> {
  const leaseExpiresAt = new Date(args.now.getTime() + args.leaseMs)
  const onlyVendor = args.vendorSlug === undefined ? Prisma.empty : Prisma.sql`AND s."vendorId" = (SELECT id FROM "Vendor" WHERE slug = ${args.vendorSlug})`
  return db.$queryRaw<ClaimedSource[]>(Prisma.sql`
    UPDATE "StatusSource" AS s
        SET "leaseOwner" = ${args.owner}, "leaseExpiresAt" = ${leaseExpiresAt}
       FROM (
         SELECT s.id FROM "StatusSource" AS s
          WHERE ${POLLABLE}
            AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= ${args.dueBy})
            AND (s."leaseExpiresAt" IS NULL OR s."leaseExpiresAt" < ${args.now})
            ${onlyVendor}
          ORDER BY ${CLAIM_ORDER}
          LIMIT ${args.limit}
          FOR UPDATE SKIP LOCKED
       ) AS due, "Vendor" AS v
      WHERE s.id = due.id AND v.id = s."vendorId"
  RETURNING s.id, s."vendorId", v.slug AS "vendorSlug", s.platform::text AS platform, s."apiUrl", v."statusPageUrl", s."httpCache", s.settings, s."consecutiveFailures", s."sourceChange"`)
}

/** How many sources are due and unclaimed right now (the cycle summary's "due"). */
export async function countDueSources(now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ due: number }[]>(Prisma.sql`
    SELECT count(*)::int AS due FROM "StatusSource" AS s
     WHERE ${POLLABLE} AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= ${now}) AND (s."leaseExpiresAt" IS NULL OR s."leaseExpiresAt" < ${now})`)
  return rows[0]?.due ?? 0
}

/** Hands a claimed source back untouched (the cycle is stopping), if the lease is still ours. */
export async function releaseLease(sourceId: string, owner: string): Promise<void> {
  await db.statusSource.updateMany({ where: { id: sourceId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } })
}

/** The source row's bookkeeping after a successful check. */
export interface CheckedSource {
  sourceId: string
  leaseOwner: string
  now: Date
  nextCheckAt: Date
  /** The validators for the next conditional GET, per endpoint. */
  httpCache: Record<string, unknown>
  /** Settings the source discovered (e.g. a page id); untouched when absent. */
  settings?: Record<string, unknown>
  /** Items the last parse left out (kind, count, example); null when it read cleanly. Untouched when not parsed (304). */
  readWarnings?: readonly object[] | null
  /** Signs the page moved platform or host ({ kind, detail, since }); null clears. Untouched when absent (304). */
  sourceChange?: object | null
}

type Tx = Prisma.TransactionClient

const successData = (c: CheckedSource, changed: boolean, isBaseline: boolean): Prisma.StatusSourceUpdateManyMutationInput => ({
  lastCheckedAt: c.now,
  lastSuccessAt: c.now,
  ...(changed && { lastChangedAt: c.now }),
  nextCheckAt: c.nextCheckAt,
  consecutiveFailures: 0,
  lastErrorKind: null,
  lastError: null,
  httpCache: c.httpCache as Prisma.InputJsonValue,
  ...(c.settings !== undefined && { settings: c.settings as Prisma.InputJsonValue }),
  ...(c.readWarnings !== undefined && { readWarnings: c.readWarnings === null ? Prisma.DbNull : (c.readWarnings as Prisma.InputJsonValue) }),
  ...(c.sourceChange !== undefined && { sourceChange: c.sourceChange === null ? Prisma.DbNull : (c.sourceChange as Prisma.InputJsonValue) }),
  leaseOwner: null,
  leaseExpiresAt: null,
  ...(isBaseline && { baselineAt: c.now }),
})

/**
 * successData as the SET list of a raw UPDATE of "StatusSource" AS s, for the writes that carry the
 * fence inside a statement of their own (vendor-creates.ts). The two must stay the same record.
 */
export function successSql(c: CheckedSource, how: { changed: boolean; isBaseline: boolean }): Prisma.Sql {
  const now = Prisma.sql`${c.now.toISOString()}::timestamp(3)`
  const jsonOrNull = (value: unknown) => (value === null ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(value)}::jsonb`)
  const sets = [
    Prisma.sql`"lastCheckedAt" = ${now}`,
    Prisma.sql`"lastSuccessAt" = ${now}`,
    ...(how.changed ? [Prisma.sql`"lastChangedAt" = ${now}`] : []),
    Prisma.sql`"nextCheckAt" = ${c.nextCheckAt.toISOString()}::timestamp(3)`,
    Prisma.sql`"consecutiveFailures" = 0`,
    Prisma.sql`"lastErrorKind" = NULL`,
    Prisma.sql`"lastError" = NULL`,
    Prisma.sql`"httpCache" = ${jsonOrNull(c.httpCache)}`,
    ...(c.settings !== undefined ? [Prisma.sql`settings = ${jsonOrNull(c.settings)}`] : []),
    ...(c.readWarnings !== undefined ? [Prisma.sql`"readWarnings" = ${jsonOrNull(c.readWarnings)}`] : []),
    ...(c.sourceChange !== undefined ? [Prisma.sql`"sourceChange" = ${jsonOrNull(c.sourceChange)}`] : []),
    Prisma.sql`"leaseOwner" = NULL`,
    Prisma.sql`"leaseExpiresAt" = NULL`,
    ...(how.isBaseline ? [Prisma.sql`"baselineAt" = ${now}`] : []),
  ]
  return Prisma.join(sets, ', ')
}

/** Nothing changed upstream: one UPDATE of the source row (check time, validators, lease). */
export async function recordCheckUnchanged(c: CheckedSource, isBaseline: boolean): Promise<void> {
  await fenceSource(db, c, { changed: false, isBaseline }, 'lease lost before the check could be recorded')
}

/**
 * The first write of a changed vendor's transaction: records the successful check on the source row
 * if this worker still holds the lease, and throws LeaseLostError otherwise (aborting the
 * transaction). It also row-locks the source, serialising writers of this vendor.
 */
export async function fenceSource(tx: Tx, c: CheckedSource, how: { changed: boolean; isBaseline: boolean }, lostMessage = 'lease lost before the changes could be written'): Promise<void> {
  const { count } = await tx.statusSource.updateMany({ where: { id: c.sourceId, leaseOwner: c.leaseOwner }, data: successData(c, how.changed, how.isBaseline) })
  if (count === 0) throw new LeaseLostError(lostMessage)
}

export interface FailedCheck {
  sourceId: string
  leaseOwner: string
  now: Date
  nextCheckAt: Date
  kind: string
  message: string
  /** Forget discovered settings so the next check discovers again. */
  resetSettings?: boolean
  /** As CheckedSource.sourceChange: set when the failed check fetched bodies to judge by. */
  sourceChange?: object | null
}

/** The vendor's data stays as it was; only the source learns it failed and when to try again. */
export async function recordCheckFailure(f: FailedCheck): Promise<void> {
  await db.statusSource.updateMany({
    where: { id: f.sourceId, leaseOwner: f.leaseOwner },
    data: {
      lastCheckedAt: f.now,
      consecutiveFailures: { increment: 1 },
      lastErrorKind: f.kind,
      lastError: f.message.slice(0, 500),
      nextCheckAt: f.nextCheckAt,
      ...(f.resetSettings && { settings: Prisma.DbNull }),
      ...(f.sourceChange !== undefined && { sourceChange: f.sourceChange === null ? Prisma.DbNull : (f.sourceChange as Prisma.InputJsonValue) }),
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  })
}

/**
 * Outcomes of finished checks (unchanged pages and failures) and the claim of the next vendors, in
 * ONE statement: a worker's record and its next claim share a round trip, and the records of every
 * worker that finished since the last statement go together (group commit). Each record is fenced
 * on its lease exactly as recordCheckUnchanged / recordCheckFailure are (`leaseOwner` must still
 * be ours); `lost` names the unchanged records whose lease was gone. Claimed rows are never among
 * the recorded ones, so no row is written twice by the statement.
 */
export async function recordChecksAndClaim(args: {
  unchanged: readonly { check: CheckedSource; isBaseline: boolean }[]
  failures: readonly FailedCheck[]
  claim: Omit<Parameters<typeof claimDueSources>[0], 'vendorSlug'> | null
}): Promise<{ claimed: ClaimedSource[]; lost: string[] }> {
  const records = [
    ...args.unchanged.map(({ check: c, isBaseline }) => ({
      id: c.sourceId,
      owner: c.leaseOwner,
      failed: false,
      now: c.now.toISOString(),
      next: c.nextCheckAt.toISOString(),
      http_cache: c.httpCache,
      set_settings: c.settings !== undefined,
      settings: c.settings ?? null,
      set_warnings: c.readWarnings !== undefined,
      warnings: c.readWarnings ?? null,
      set_source_change: c.sourceChange !== undefined,
      source_change: c.sourceChange ?? null,
      baseline: isBaseline,
      kind: null,
      message: null,
      reset_settings: false,
    })),
    ...args.failures.map((f) => ({
      id: f.sourceId,
      owner: f.leaseOwner,
      failed: true,
      now: f.now.toISOString(),
      next: f.nextCheckAt.toISOString(),
      http_cache: null,
      set_settings: false,
      settings: null,
      set_warnings: false,
      warnings: null,
      set_source_change: f.sourceChange !== undefined,
      source_change: f.sourceChange ?? null,
      baseline: false,
      kind: f.kind,
      message: f.message.slice(0, 500),
      reset_settings: f.resetSettings === true,
    })),
  ]
  const claim = args.claim
  const claimSql =
    claim === null || claim.limit <= 0
      ? Prisma.sql`SELECT NULL::text AS id WHERE false`
      : Prisma.sql`
    UPDATE "StatusSource" AS s
        SET "leaseOwner" = ${claim.owner}, "leaseExpiresAt" = ${new Date(claim.now.getTime() + claim.leaseMs)}
       FROM (
         SELECT s.id FROM "StatusSource" AS s
          WHERE ${POLLABLE}
            AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= ${claim.dueBy})
            AND (s."leaseExpiresAt" IS NULL OR s."leaseExpiresAt" < ${claim.now})
            AND s.id NOT IN (SELECT id FROM records)
          ORDER BY ${CLAIM_ORDER}
          LIMIT ${claim.limit}
          FOR UPDATE SKIP LOCKED
       ) AS due, "Vendor" AS v
      WHERE s.id = due.id AND v.id = s."vendorId"
  RETURNING s.id, s."vendorId", v.slug AS "vendorSlug", s.platform::text AS platform, s."apiUrl", v."statusPageUrl", s."httpCache", s.settings, s."consecutiveFailures", s."sourceChange"`
  const rows = await db.$queryRaw<{ claimed: string; recorded: string[] }[]>(Prisma.sql`
    WITH records AS (
      SELECT * FROM jsonb_to_recordset(${jsonRows(records)}) AS r(
        id text, owner text, failed boolean, now timestamp(3), next timestamp(3), http_cache jsonb,
        set_settings boolean, settings jsonb, set_warnings boolean, warnings jsonb,
        set_source_change boolean, source_change jsonb, baseline boolean,
        kind text, message text, reset_settings boolean)
    ), recorded AS (
      UPDATE "StatusSource" AS s SET
        "lastCheckedAt" = r.now,
        "lastSuccessAt" = CASE WHEN r.failed THEN s."lastSuccessAt" ELSE r.now END,
        "nextCheckAt" = r.next,
        "consecutiveFailures" = CASE WHEN r.failed THEN s."consecutiveFailures" + 1 ELSE 0 END,
        "lastErrorKind" = r.kind,
        "lastError" = r.message,
        "httpCache" = CASE WHEN r.failed THEN s."httpCache" ELSE r.http_cache END,
        settings = CASE WHEN r.set_settings THEN r.settings WHEN r.reset_settings THEN NULL ELSE s.settings END,
        "readWarnings" = CASE WHEN r.set_warnings THEN r.warnings ELSE s."readWarnings" END,
        "sourceChange" = CASE WHEN r.set_source_change THEN r.source_change ELSE s."sourceChange" END,
        "baselineAt" = CASE WHEN r.baseline THEN r.now ELSE s."baselineAt" END,
        "leaseOwner" = NULL,
        "leaseExpiresAt" = NULL
       FROM records AS r
      WHERE s.id = r.id AND s."leaseOwner" = r.owner
      RETURNING s.id
    ), claimed AS (${claimSql})
    SELECT (SELECT coalesce(json_agg(c), '[]'::json) FROM claimed AS c)::text AS claimed,
           (SELECT coalesce(array_agg(id), '{}') FROM recorded) AS recorded`)
  const row = rows[0]
  const claimed = row ? (JSON.parse(row.claimed) as ClaimedSource[]) : []
  const recorded = new Set(row?.recorded ?? [])
  return { claimed, lost: args.unchanged.map((u) => u.check.sourceId).filter((id) => !recorded.has(id)) }
}
