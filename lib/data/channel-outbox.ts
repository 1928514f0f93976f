// The channel outbox: change events turned into one ChannelDelivery per (destination, event), the
// claims the channel sender takes under a lease, the threads that remember each destination's
// external message per subject, and each attempt's outcome. Apart from email's outbox (its own
// "fanned out" mark, the ChannelFanout table), so neither fan-out ever locks the other's rows.
//
// Tables: ChangeEvent (read), ChannelFanout (the channel outbox's "done" mark), Incident, Maintenance, Component, Vendor, PossibleOutage (read),
// WatchlistEntry, WatchlistComponent, WatchlistDestination, Subscription, User (read),
// Destination (read, health), ChannelDelivery, ChannelThread, DeliveryAttempt (via destinations.ts).
import { randomUUID } from 'node:crypto'
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { DestinationKind, MinImpact } from '@/lib/db/generated/enums'
import { loadEventFacts, type PendingEvent, type PendingEventFacts } from './outbox'
import { DELIVERY_LOG_SIZE } from './destinations'
import { jsonRows } from './json-rows'
import { newRowId } from './row-ids'
import { watchSlotSql } from './watch-slots'

export { recordAttempt } from './destinations'

type Tx = Prisma.TransactionClient

/** One (watch, destination) pair an event may go to, with the watch's preferences. */
export interface ChannelWatcher {
  destinationId: string
  kind: DestinationKind
  allComponents: boolean
  minImpact: MinImpact
  maintenanceAlerts: boolean
  componentAlerts: boolean
  possibleOutageAlerts: boolean
  componentIds: string[] | null
}

/** What the plans allow, as the query needs it (lib/plans/plans.ts). */
export interface ChannelPlanLimits {
  freeWatches: number
  paidWatches: number
  freeDestinations: number
  paidDestinations: number
  freeKinds: readonly string[]
  paidStatuses: readonly string[]
}

export interface NewChannelDelivery {
  destinationId: string
  eventId: string
  nextAttemptAt: Date
  createdAt: Date
}

export interface ChannelFanoutBatch {
  events: PendingEvent[]
  factsOf(event: PendingEvent): Promise<PendingEventFacts>
  watchersOf(vendorId: string, limits: ChannelPlanLimits): Promise<ChannelWatcher[]>
  /** Skips any (destination, event) that has a delivery already; returns how many were new. */
  insertDeliveries(rows: NewChannelDelivery[]): Promise<number>
}

const INSERT_SLICE = 5_000

/** Events older than this are never fanned out to channels (a notifier down for a day sends no stale alerts there). */
export const CHANNEL_FANOUT_WINDOW_MS = 24 * 3_600_000

/**
 * In ONE transaction: claims up to `size` recent events the channel outbox has not fanned out, runs
 * `fanOut` and records them done at `now`. Claims take a transaction-scoped advisory lock per event
 * (concurrent runs skip each other's), never a row lock on ChangeEvent, so the email fan-out's
 * `FOR UPDATE SKIP LOCKED` never skips an event because a channel run holds it. A run that read
 * before another committed may fan an event out twice: the (destination, event) key and
 * ON CONFLICT keep that a no-op.
 */
export async function fanOutChannelEvents<T>(size: number, now: Date, fanOut: (batch: ChannelFanoutBatch) => Promise<T>): Promise<{ events: number; result: T }> {
  const since = new Date(now.getTime() - CHANNEL_FANOUT_WINDOW_MS)
  return db.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<PendingEvent[]>(Prisma.sql`
        WITH candidates AS (
          SELECT e.id FROM "ChangeEvent" e
           WHERE e."createdAt" > ${since}
             AND NOT EXISTS (SELECT 1 FROM "ChannelFanout" f WHERE f."eventId" = e.id)
           ORDER BY e."createdAt", e.id
           LIMIT ${size * 4}
        ), claimed AS (
          SELECT c.id FROM candidates c
           WHERE pg_try_advisory_xact_lock(hashtextextended('channel-fanout:' || c.id, 0))
           LIMIT ${size}
        )
        SELECT e.id, e."vendorId", e.kind::text AS kind, e.baseline, e.data, e."incidentId", e."maintenanceId", e."componentId", e."possibleOutageId"
          FROM "ChangeEvent" e JOIN claimed USING (id)
         ORDER BY e."createdAt", e.id`)
      const result = await fanOut({
        events,
        factsOf: (event) => loadEventFacts(tx, event),
        watchersOf: (vendorId, limits) => findChannelWatchers(tx, vendorId, limits),
        insertDeliveries: (rows) => insertChannelDeliveries(tx, rows),
      })
      if (events.length) await tx.channelFanout.createMany({ data: events.map((e) => ({ eventId: e.id, fannedOutAt: now })), skipDuplicates: true })
      return { events: events.length, result }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}

/**
 * Every enabled, healthy destination the vendor's watches route to: the watch among its user's
 * oldest N (the plan's watch slots, as for email), routed to all the user's destinations or to the
 * chosen ones, and the destination within the plan (its kind allowed, among the user's oldest
 * allowed destinations up to the plan's count: after a downgrade the newest pause, nothing is deleted).
 */
function findChannelWatchers(tx: Tx, vendorId: string, limits: ChannelPlanLimits): Promise<ChannelWatcher[]> {
  const paid = Prisma.sql`COALESCE(s.status IN (${Prisma.join([...limits.paidStatuses])}), false)`
  const freeKinds = Prisma.join([...limits.freeKinds])
  return tx.$queryRaw<ChannelWatcher[]>(Prisma.sql`
    WITH ranked AS (
      SELECT w.id, w."userId", w."vendorId", w."allComponents", w."minImpact", w."maintenanceAlerts", w."componentAlerts",
             w."possibleOutageAlerts", w."allDestinations", ${watchSlotSql('w')} AS position
        FROM "WatchlistEntry" w
       WHERE w."userId" IN (SELECT "userId" FROM "WatchlistEntry" WHERE "vendorId" = ${vendorId})
    ), watching AS (
      SELECT r.*, ${paid} AS paid
        FROM ranked r
        LEFT JOIN "Subscription" s ON s."userId" = r."userId"
       WHERE r."vendorId" = ${vendorId}
    )
    SELECT d.id AS "destinationId", d.kind::text AS kind, w."allComponents", w."minImpact"::text AS "minImpact",
           w."maintenanceAlerts", w."componentAlerts", w."possibleOutageAlerts",
           (SELECT array_agg(wc."componentId") FROM "WatchlistComponent" wc WHERE wc."entryId" = w.id) AS "componentIds"
      FROM watching w
      JOIN "Destination" d ON d."userId" = w."userId" AND d.enabled AND d.health = 'ok'
     WHERE w.position <= CASE WHEN w.paid THEN ${limits.paidWatches}::int ELSE ${limits.freeWatches}::int END
       AND (w."allDestinations" OR EXISTS (SELECT 1 FROM "WatchlistDestination" wd WHERE wd."entryId" = w.id AND wd."destinationId" = d.id))
       AND (w.paid OR d.kind::text IN (${freeKinds}))
       AND (SELECT count(*) FROM "Destination" d2
             WHERE d2."userId" = d."userId" AND (w.paid OR d2.kind::text IN (${freeKinds}))
               AND (d2."createdAt", d2.id COLLATE "C") <= (d."createdAt", d.id COLLATE "C"))
           <= CASE WHEN w.paid THEN ${limits.paidDestinations}::int ELSE ${limits.freeDestinations}::int END`)
}

/**
 * The rows go as one JSON parameter per slice (jsonb_to_recordset), not as Prisma's createMany: its
 * query compiler turned each slice of 5,000 rows into a plan holding every value as a JS object of
 * its own (20,000 values, several MB of garbage and of the compiler's Wasm memory, which never
 * shrinks). Ids are made here as for every raw insert (newRowId); the (destination, event) key
 * refuses a second row.
 */
async function insertChannelDeliveries(tx: Tx, rows: NewChannelDelivery[]): Promise<number> {
  let created = 0
  for (let i = 0; i < rows.length; i += INSERT_SLICE) {
    const slice = rows.slice(i, i + INSERT_SLICE).map((r) => ({ id: newRowId(), d: r.destinationId, e: r.eventId, next: r.nextAttemptAt.toISOString(), at: r.createdAt.toISOString() }))
    created += await tx.$executeRaw(Prisma.sql`
      INSERT INTO "ChannelDelivery" (id, "destinationId", "eventId", "nextAttemptAt", "createdAt")
      SELECT r.id, r.d, r.e, r.next, r.at FROM jsonb_to_recordset(${jsonRows(slice)}) AS r(id text, d text, e text, next timestamp(3), at timestamp(3))
      ON CONFLICT DO NOTHING`)
  }
  return created
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedChannelDelivery {
  id: string
  destinationId: string
  eventId: string
  attempts: number
  createdAt: Date
  destination: { kind: DestinationKind; userId: string; name: string; enabled: boolean; health: 'ok' | 'broken'; sealedSettings: string }
}

/**
 * Claims up to `limit` due deliveries under a lease: at most ONE per destination, the oldest event
 * first, so a destination hears about a subject in order (the first post before its edits, the
 * trigger before the resolve). A destination's retries hold back only its own later deliveries.
 * Every claim counts as an attempt. The conditional UPDATE re-checks each row after locking it, so
 * two senders can never claim the same delivery.
 */
export async function claimDueChannelDeliveries(limit: number, now: Date, leaseMs: number): Promise<ClaimedChannelDelivery[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs)
  // The destination comes back with the claim (one statement, not a second query with an IN list
  // of every claimed destination): a round trip and a query plan fewer per round. A delivery whose
  // destination was deleted meanwhile is not claimed (the delete cascades to it anyway).
  const rows = await db.$queryRaw<(Omit<ClaimedChannelDelivery, 'destination'> & { kind: DestinationKind; userId: string; name: string; enabled: boolean; health: 'ok' | 'broken'; sealedSettings: string })[]>(Prisma.sql`
    WITH heads AS (
      SELECT DISTINCT ON (cd."destinationId") cd.id, cd.status, cd."nextAttemptAt", cd."lockedUntil"
        FROM "ChannelDelivery" cd
        JOIN "ChangeEvent" e ON e.id = cd."eventId"
       WHERE cd.status IN ('pending', 'sending')
       ORDER BY cd."destinationId", e."createdAt", e.id
    ), due AS (
      SELECT id FROM heads
       WHERE (status = 'pending' AND "nextAttemptAt" <= ${now}) OR (status = 'sending' AND "lockedUntil" < ${now})
       ORDER BY "nextAttemptAt"
       LIMIT ${limit}
    )
    UPDATE "ChannelDelivery" cd
       SET status = 'sending', "lockedUntil" = ${lockedUntil}, attempts = cd.attempts + 1
      FROM due, "Destination" d
     WHERE cd.id = due.id AND d.id = cd."destinationId"
       AND ((cd.status = 'pending' AND cd."nextAttemptAt" <= ${now}) OR (cd.status = 'sending' AND cd."lockedUntil" < ${now}))
    RETURNING cd.id, cd."destinationId", cd."eventId", cd.attempts, cd."createdAt",
              d.kind::text AS kind, d."userId", d.name, d.enabled, d.health::text AS health, d."sealedSettings"`)
  return rows.map(({ kind, userId, name, enabled, health, sealedSettings, ...r }) => ({ ...r, destination: { kind, userId, name, enabled, health, sealedSettings } }))
}

/** One sent delivery, as `recordChannelSent` records it. */
export interface ChannelSentRecord {
  id: string
  destinationId: string
  attempt: { at: Date; sentAt: Date; text: string; statusCode: number | null; latencyMs: number; detail: string }
  /** The external message to remember for (destination, subject), when the sender returned one. */
  thread?: { subjectKey: string; externalId: string; data?: Record<string, string> } | null
}

/**
 * Sent deliveries, any number, in ONE statement (the hot path: a batch of sends costs one round
 * trip, not one per delivery, and no interactive transaction holds a pooled connection while others
 * wait). For each: the delivery is marked sent and its lease released (only while it is still
 * `sending`: a delivery closed meanwhile stays closed), the thread of (destination, subject)
 * remembered (first post) or replaced when the sender returned one (even if the lease ran out
 * meanwhile: the message exists), the attempt appended to the destination's log (trimmed to the
 * newest 50), and the destination's last result set. Rows arrive as ONE JSON parameter
 * (jsonb_to_recordset), so the statement's text is the same whatever the batch size, and Prisma's
 * query compiler handles one string instead of 13 arrays of 100 values, each element an object of
 * its own in the plan it builds and the parameters it maps. With arrays (and createMany for the
 * fan-out) bench:channels' 10,000 deliveries allocated 885 MB, over half of it in Prisma and pg's
 * array encoding; with JSON 419 MB, and the sender's peak RSS fell from ~300 MB to ~210 MB. Two records of one destination in a
 * batch are allowed: the newest one sets its last result and, per subject, its thread.
 */
export async function recordChannelSent(records: ChannelSentRecord[]): Promise<void> {
  if (!records.length) return
  const input = records.map((r) => ({
    id: r.id,
    destinationId: r.destinationId,
    attemptId: `att_${randomUUID()}`,
    at: r.attempt.at.toISOString(),
    sentAt: r.attempt.sentAt.toISOString(),
    statusCode: r.attempt.statusCode,
    latencyMs: r.attempt.latencyMs,
    detail: r.attempt.detail.slice(0, 500),
    text: r.attempt.text.slice(0, 300),
    threadId: newRowId(),
    subjectKey: r.thread?.subjectKey ?? null,
    externalId: r.thread?.externalId ?? null,
    threadData: r.thread?.data ?? null,
  }))
  await db.$executeRaw(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${jsonRows(input)}) AS i(
        id text, "destinationId" text, "attemptId" text, "at" timestamp(3), "sentAt" timestamp(3), "statusCode" int, "latencyMs" int,
        detail text, text text, "threadId" text, "subjectKey" text, "externalId" text, "threadData" jsonb)
    ), sent AS (
      UPDATE "ChannelDelivery" cd SET status = 'sent', "sentAt" = i."sentAt", "lockedUntil" = NULL, "lastError" = NULL
        FROM input i
       WHERE cd.id = i.id AND cd.status = 'sending'
      RETURNING cd.id
    ), threaded AS (
      INSERT INTO "ChannelThread" (id, "destinationId", "subjectKey", "externalId", data, "createdAt", "updatedAt")
      SELECT DISTINCT ON ("destinationId", "subjectKey") "threadId", "destinationId", "subjectKey", "externalId", "threadData", "sentAt", "sentAt"
        FROM input WHERE "subjectKey" IS NOT NULL
       ORDER BY "destinationId", "subjectKey", "sentAt" DESC, "at" DESC
      ON CONFLICT ("destinationId", "subjectKey") DO UPDATE SET "externalId" = EXCLUDED."externalId", data = EXCLUDED.data, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING id
    ), logged AS (
      INSERT INTO "DeliveryAttempt" (id, "destinationId", "channelDeliveryId", "attemptedAt", "statusCode", "latencyMs", ok, detail)
      SELECT "attemptId", "destinationId", id, "at", "statusCode", "latencyMs", true, detail FROM input
      RETURNING id
    ), latest AS (
      SELECT DISTINCT ON ("destinationId") "destinationId", "at", text FROM input ORDER BY "destinationId", "at" DESC
    ), result AS (
      UPDATE "Destination" d SET "lastResultAt" = l."at", "lastResultOk" = true, "lastResult" = l.text
        FROM latest l
       WHERE d.id = l."destinationId"
      RETURNING d.id
    ), added AS (
      SELECT "destinationId", count(*)::int AS n FROM input GROUP BY "destinationId"
    )
    -- The statement sees the log as it was before it: keep the newest (50 - this batch's new ones) of each.
    DELETE FROM "DeliveryAttempt" a
     USING (
       SELECT da.id, row_number() OVER (PARTITION BY da."destinationId" ORDER BY da."attemptedAt" DESC, da.id DESC) AS rank, added.n
         FROM "DeliveryAttempt" da JOIN added USING ("destinationId")
     ) old
     WHERE a.id = old.id AND old.rank > ${DELIVERY_LOG_SIZE} - old.n`)
}

export async function scheduleChannelRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db.channelDelivery.updateMany({ where: { id, status: 'sending' }, data: { status: 'pending', nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 500) } })
}

/** Failed for good (`failed`) or not sent by decision (`skipped`: the destination is off or broken). */
export async function closeChannelDelivery(id: string, status: 'failed' | 'skipped', reason: string): Promise<void> {
  await db.channelDelivery.updateMany({ where: { id, status: 'sending' }, data: { status, lockedUntil: null, lastError: reason.slice(0, 500) } })
}

/**
 * Marks the destination broken. Returns its owner's address when this call is the one that should
 * tell them (once per break: `brokenNotifiedAt` is set in the same conditional update), else null.
 */
export async function markDestinationBroken(destinationId: string, reason: string, at: Date): Promise<{ email: string; name: string } | null> {
  const rows = await db.$queryRaw<{ email: string; name: string }[]>(Prisma.sql`
    UPDATE "Destination" d
       SET health = 'broken', "brokenReason" = ${reason.slice(0, 300)}, "brokenAt" = COALESCE(d."brokenAt", ${at}),
           "brokenNotifiedAt" = COALESCE(d."brokenNotifiedAt", ${at}), "updatedAt" = ${at}
      FROM "User" u
     WHERE d.id = ${destinationId} AND u.id = d."userId" AND d."brokenNotifiedAt" IS NULL
    RETURNING u.email, d.name`)
  if (rows[0]) return rows[0]
  await db.destination.updateMany({ where: { id: destinationId }, data: { health: 'broken', brokenReason: reason.slice(0, 300) } })
  return null
}

/**
 * The thread each (destination, subject) pair has, keyed `${destinationId} ${subjectKey}`. The pairs
 * go as one JSON parameter (jsonb_to_recordset), not as an OR of one condition per pair (a round's
 * 400 pairs were a query of 400 branches for Prisma to compile anew every round) nor as two arrays
 * (whose every element Prisma's query compiler and its interpreter handle as an object of its own).
 */
export async function findChannelThreads(pairs: { destinationId: string; subjectKey: string }[]): Promise<Map<string, { externalId: string; data: Record<string, string> | null }>> {
  if (!pairs.length) return new Map()
  const rows = await db.$queryRaw<{ destinationId: string; subjectKey: string; externalId: string; data: Record<string, string> | null }[]>(Prisma.sql`
    SELECT t."destinationId", t."subjectKey", t."externalId", t.data
      FROM "ChannelThread" t
      JOIN jsonb_to_recordset(${jsonRows(pairs.map((p) => ({ d: p.destinationId, s: p.subjectKey })))}) AS p(d text, s text)
        ON t."destinationId" = p.d AND t."subjectKey" = p.s`)
  return new Map(rows.map((r) => [`${r.destinationId} ${r.subjectKey}`, { externalId: r.externalId, data: r.data ?? null }]))
}

const channelEventSelect = {
  id: true,
  kind: true,
  data: true,
  occurredAt: true,
  incidentId: true,
  maintenanceId: true,
  componentId: true,
  possibleOutageId: true,
  vendor: { select: { name: true, slug: true, statusPageUrl: true } },
  possibleOutage: {
    select: { id: true, openedAt: true, closedAt: true, closeReason: true, trigger: true, evidence: true, incident: { select: { id: true, title: true } } },
  },
  incident: {
    select: {
      id: true,
      externalId: true,
      title: true,
      status: true,
      impact: true,
      startedAt: true,
      resolvedAt: true,
      url: true,
      postmortemBody: true,
      postmortemPublishedAt: true,
      components: { select: { component: { select: { externalId: true, name: true } } } },
      updates: { orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take: 20, select: { id: true, externalId: true, status: true, body: true, publishedAt: true, timeUnknown: true, editedAt: true } },
    },
  },
  maintenance: {
    select: {
      id: true,
      externalId: true,
      title: true,
      status: true,
      scheduledFor: true,
      scheduledUntil: true,
      startedAt: true,
      completedAt: true,
      url: true,
      body: true,
      components: { select: { component: { select: { externalId: true, name: true } } } },
    },
  },
} satisfies Prisma.ChangeEventSelect

/** A change event with everything a channel message says (lib/channels/message.ts `ChannelEvent`). */
export type ChannelEventRow = Prisma.ChangeEventGetPayload<{ select: typeof channelEventSelect }> & {
  component: { id: string; externalId: string; name: string } | null
}

export async function findChannelEvents(eventIds: string[]): Promise<Map<string, ChannelEventRow>> {
  const rows = await db.changeEvent.findMany({ where: { id: { in: [...new Set(eventIds)] } }, select: channelEventSelect })
  const componentIds = rows.flatMap((r) => (r.componentId ? [r.componentId] : []))
  const components = new Map(
    (componentIds.length ? await db.component.findMany({ where: { id: { in: componentIds } }, select: { id: true, externalId: true, name: true } }) : []).map((c) => [c.id, c]),
  )
  return new Map(rows.map((r) => [r.id, { ...r, component: r.componentId ? (components.get(r.componentId) ?? null) : null }]))
}
