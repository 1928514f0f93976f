// The change-event outbox as the notifier reads it: claiming events that are not fanned out yet,
// the facts and watchers fan-out decides with, the deliveries it writes, and the maintenance
// reminders it adds as events of its own. The refresh writes the events (lib/data/change-events.ts);
// the notifier reaches these through its ports (lib/notify/ports.ts).
//
// Tables: ChangeEvent (read, fannedOutAt, reminder inserts), Incident, Maintenance, PossibleOutage (read),
// WatchlistEntry, WatchlistComponent, User, Subscription (read), Delivery (insert).
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { ChangeEventKind, DeliveryMode, IncidentImpact, MinImpact } from '@/lib/db/generated/enums'
import { jsonRows } from './json-rows'
import { newRowId } from './row-ids'
import { watchSlotSql } from './watch-slots'

export type { ChangeEventKind } from '@/lib/db/generated/enums'

type Tx = Prisma.TransactionClient

/** An event claimed for fan-out. */
export interface PendingEvent {
  id: string
  vendorId: string
  kind: ChangeEventKind
  baseline: boolean
  data: unknown
  incidentId: string | null
  maintenanceId: string | null
  componentId: string | null
  possibleOutageId: string | null
}

/** What the alert rules need to know about an event (lib/notify/rules.ts `EventFacts`). */
export interface PendingEventFacts {
  kind: ChangeEventKind
  baseline: boolean
  /** The event's own data (e.g. `firstSeenOver` on incident_opened). */
  data: unknown
  incident: { impact: IncidentImpact; startedAt: Date; firstSeenAt: Date; componentIds: string[] } | null
  maintenance: { componentIds: string[] } | null
  componentId: string | null
  /** The possible outage (ours, unofficial) a possible_outage_* event is about; closeReason once closed. */
  possibleOutage: { closeReason: string | null; incidentId: string | null } | null
}

/** One watch of the event's vendor whose owner may be alerted, with its preferences. */
export interface AlertWatcher {
  userId: string
  allComponents: boolean
  minImpact: MinImpact
  maintenanceAlerts: boolean
  componentAlerts: boolean
  possibleOutageAlerts: boolean
  deliveryMode: DeliveryMode
  componentIds: string[] | null
}

/** How many of a user's watches alert, by plan (the oldest ones; the rest are paused). */
export interface AlertingWatchLimits {
  free: number
  paid: number
  /** Subscription statuses that count as the paid plan. */
  paidStatuses: readonly string[]
}

export interface NewDelivery {
  userId: string
  eventId: string
  mode: DeliveryMode
  nextAttemptAt: Date
  createdAt: Date
}

/** The reads and writes fan-out may make inside the transaction that holds its claimed events. */
export interface FanoutBatch {
  events: PendingEvent[]
  factsOf(event: PendingEvent): Promise<PendingEventFacts>
  watchersOf(vendorId: string, limits: AlertingWatchLimits): Promise<AlertWatcher[]>
  /**
   * One page of `watchersOf`: the alerting watchers among the vendor's next `size` watches by user
   * id after `afterUserId` (null: from the start). `next` is the cursor of the following page, null
   * after the last; a page may hold fewer watchers than `size` (muted watches are left out) and
   * still not be the last. Fan-out to 10,000 watchers holds one page at a time, not all of them.
   */
  watcherPage(vendorId: string, limits: AlertingWatchLimits, afterUserId: string | null, size: number): Promise<WatcherPage>
  /** Inserts deliveries, skipping any (user, event) that already has one; returns how many were new. */
  insertDeliveries(rows: NewDelivery[]): Promise<number>
}

export interface WatcherPage {
  watchers: AlertWatcher[]
  next: string | null
}

export interface MaintenanceReminderEvent {
  vendorId: string
  maintenanceId: string
  dedupeKey: string
  occurredAt: Date
  data: { startsAt: string }
}

/**
 * Rows per insert statement. Prisma would otherwise split one huge insert into chunks it runs at
 * the same time on the transaction's single connection; and its query compiler (WebAssembly)
 * grows its memory to the largest statement it has built and never gives it back: 5,000-row
 * inserts cost the notifier ~100 MB of RSS for the rest of the process's life.
 */
const INSERT_SLICE = 1_000

/**
 * In ONE transaction: claims up to `size` events not fanned out yet, runs `fanOut` on them and
 * marks them fanned out at `now`. A crash leaves the events to the next run. Returns how many
 * events were claimed and what `fanOut` returned.
 */
export async function fanOutPendingEvents<T>(size: number, now: Date, fanOut: (batch: FanoutBatch) => Promise<T>): Promise<{ events: number; result: T }> {
  return db.$transaction(
    async (tx) => {
      const events = await claimPendingEvents(tx, size)
      const result = await fanOut({
        events,
        factsOf: (event) => loadEventFacts(tx, event),
        watchersOf: (vendorId, limits) => findAlertWatchers(tx, vendorId, limits),
        watcherPage: (vendorId, limits, afterUserId, size) => findAlertWatcherPage(tx, vendorId, limits, afterUserId, size),
        insertDeliveries: (rows) => insertDeliveries(tx, rows),
      })
      if (events.length) await tx.changeEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { fannedOutAt: now } })
      return { events: events.length, result }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}

/** Scheduled maintenances starting in (after, until]. */
export async function maintenancesStarting(after: Date, until: Date): Promise<{ id: string; vendorId: string; scheduledFor: Date }[]> {
  return db.maintenance.findMany({
    where: { status: 'scheduled', scheduledFor: { gt: after, lte: until } },
    select: { id: true, vendorId: true, scheduledFor: true },
  })
}

/** Records reminder events; one whose dedupeKey exists already is skipped. Returns how many were new. */
export async function addMaintenanceReminders(events: MaintenanceReminderEvent[]): Promise<number> {
  if (!events.length) return 0
  const { count } = await db.changeEvent.createMany({
    // createdAt on the notifier's clock (occurredAt is its `now`), like the refresh's events.
    data: events.map((e) => ({ ...e, kind: 'maintenance_reminder' as const, createdAt: e.occurredAt })),
    skipDuplicates: true,
  })
  return count
}

/**
 * SKIP LOCKED: concurrent notifiers take different events instead of waiting for each other. NO KEY
 * UPDATE, not UPDATE: rows that reference an event (ChannelFanout, ChannelDelivery, written by the
 * channel outbox at the same time) take a KEY SHARE lock on it, which FOR UPDATE would skip.
 */
function claimPendingEvents(tx: Tx, size: number): Promise<PendingEvent[]> {
  return tx.$queryRaw<PendingEvent[]>(Prisma.sql`
    SELECT id, "vendorId", kind::text AS kind, baseline, data, "incidentId", "maintenanceId", "componentId", "possibleOutageId"
      FROM "ChangeEvent"
     WHERE "fannedOutAt" IS NULL
     ORDER BY "createdAt", id
     LIMIT ${size}
       FOR NO KEY UPDATE SKIP LOCKED`)
}

/** Also read by the channel outbox (lib/data/channel-outbox.ts) inside its own claim. */
export async function loadEventFacts(tx: Tx, event: PendingEvent): Promise<PendingEventFacts> {
  // One query at a time: a transaction is one connection, and pg does not queue concurrent queries on it.
  const incident = event.incidentId
    ? await tx.incident.findUnique({ where: { id: event.incidentId }, select: { impact: true, startedAt: true, firstSeenAt: true, components: { select: { componentId: true } } } })
    : null
  const maintenance = event.maintenanceId ? await tx.maintenance.findUnique({ where: { id: event.maintenanceId }, select: { components: { select: { componentId: true } } } }) : null
  const possibleOutage = event.possibleOutageId ? await tx.possibleOutage.findUnique({ where: { id: event.possibleOutageId }, select: { closeReason: true, incidentId: true } }) : null
  return {
    kind: event.kind,
    baseline: event.baseline,
    data: event.data,
    incident: incident && { impact: incident.impact, startedAt: incident.startedAt, firstSeenAt: incident.firstSeenAt, componentIds: incident.components.map((c) => c.componentId) },
    maintenance: maintenance && { componentIds: maintenance.components.map((c) => c.componentId) },
    componentId: event.componentId,
    possibleOutage,
  }
}

/**
 * Everyone who should hear about this vendor: verified, alerts on, the watch not unsubscribed,
 * and the watch among the user's oldest N (N from their plan): after a downgrade the newest
 * watches pause instead of being deleted (the slot rule: lib/data/watch-slots.ts).
 */
function findAlertWatchers(tx: Tx, vendorId: string, limits: AlertingWatchLimits): Promise<AlertWatcher[]> {
  return tx.$queryRaw<AlertWatcher[]>(alertWatchersSql(vendorId, limits, Prisma.sql`SELECT "userId" FROM "WatchlistEntry" WHERE "vendorId" = ${vendorId}`))
}

/**
 * `findAlertWatchers` over one page of the vendor's watches, keyed by user id (byte order). The page
 * is named by its bounds (after the cursor, up to its last user id), so its 1,000 user ids never make
 * the round trip to this process and back as a parameter: only the last one and the count do.
 */
async function findAlertWatcherPage(tx: Tx, vendorId: string, limits: AlertingWatchLimits, afterUserId: string | null, size: number): Promise<WatcherPage> {
  const after = afterUserId === null ? Prisma.empty : Prisma.sql`AND "userId" COLLATE "C" > ${afterUserId}`
  // One query at a time: a transaction is one connection.
  const [bounds] = await tx.$queryRaw<{ count: number; last: string | null }[]>(Prisma.sql`
    SELECT count(*)::int AS count, max(p."userId" COLLATE "C") AS last FROM (
      SELECT "userId" FROM "WatchlistEntry"
       WHERE "vendorId" = ${vendorId} ${after}
       ORDER BY "userId" COLLATE "C"
       LIMIT ${size}) AS p`)
  if (!bounds?.last) return { watchers: [], next: null }
  const page = Prisma.sql`SELECT "userId" FROM "WatchlistEntry" WHERE "vendorId" = ${vendorId} ${after} AND "userId" COLLATE "C" <= ${bounds.last}`
  const watchers = await tx.$queryRaw<AlertWatcher[]>(alertWatchersSql(vendorId, limits, page))
  return { watchers, next: bounds.count < size ? null : bounds.last }
}

/** The alerting watches of the vendor among the users `userIdsSql` selects (with their slot among all their watches). */
function alertWatchersSql(vendorId: string, limits: AlertingWatchLimits, userIdsSql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH ranked AS (
      SELECT w.id, w."userId", w."vendorId", w."allComponents", w."minImpact", w."maintenanceAlerts", w."componentAlerts",
             w."possibleOutageAlerts", w."deliveryMode", w."alertsEnabled",
             ${watchSlotSql('w')} AS position
        FROM "WatchlistEntry" w
       WHERE w."userId" IN (${userIdsSql})
    )
    SELECT r."userId", r."allComponents", r."minImpact"::text AS "minImpact", r."maintenanceAlerts", r."componentAlerts",
           r."possibleOutageAlerts", r."deliveryMode"::text AS "deliveryMode",
           (SELECT array_agg(wc."componentId") FROM "WatchlistComponent" wc WHERE wc."entryId" = r.id) AS "componentIds"
      FROM ranked r
      JOIN "User" u ON u.id = r."userId"
      LEFT JOIN "Subscription" s ON s."userId" = u.id
     WHERE r."vendorId" = ${vendorId}
       AND r."alertsEnabled"
       AND u."emailAlerts"
       AND u."emailVerified" IS NOT NULL
       AND r.position <= CASE WHEN s.status IN (${Prisma.join([...limits.paidStatuses])}) THEN ${limits.paid}::int ELSE ${limits.free}::int END`
}

/**
 * The rows go as one JSON parameter per slice (jsonb_to_recordset), not as Prisma's createMany,
 * whose query compiler holds each value of a slice (6,000 for 1,000 rows) as an object of its own (and its Wasm
 * memory, which never shrinks, grows to the largest plan). Ids are made here as for every raw
 * insert (newRowId); the (user, event) key refuses a second delivery, as skipDuplicates did.
 */
async function insertDeliveries(tx: Tx, rows: NewDelivery[]): Promise<number> {
  let created = 0
  // In slices, one after the other (see INSERT_SLICE).
  for (let i = 0; i < rows.length; i += INSERT_SLICE) {
    const slice = rows.slice(i, i + INSERT_SLICE).map((r) => ({ id: newRowId(), u: r.userId, e: r.eventId, m: r.mode, next: r.nextAttemptAt.toISOString(), at: r.createdAt.toISOString() }))
    created += await tx.$executeRaw(Prisma.sql`
      INSERT INTO "Delivery" (id, "userId", "eventId", mode, "nextAttemptAt", "createdAt")
      SELECT r.id, r.u, r.e, r.m::"DeliveryMode", r.next, r.at FROM jsonb_to_recordset(${jsonRows(slice)}) AS r(id text, u text, e text, m text, next timestamp(3), at timestamp(3))
      ON CONFLICT DO NOTHING`)
  }
  return created
}
