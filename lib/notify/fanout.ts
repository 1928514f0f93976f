// Turns change events into deliveries: one outbox row per (user, event) for every watcher the
// event concerns. Each batch of events is claimed, fanned out and marked done in ONE transaction,
// so a crash leaves the events to the next run, and the unique (user, event) key means no race,
// retry or overlapping run can ever create a second delivery.
import type { Db } from '@/lib/db/client'
import type { DeliveryMode, MinImpact } from '@/lib/db/generated/enums'
import { Prisma } from '@/lib/db/generated/client'
import { PRO_SUBSCRIPTION_STATUSES } from '@/lib/plans/plans'
import { watchSlotSql } from '@/lib/data/watch-slots'
import { isNews, watchWants, type EventFacts } from './rules'

export interface WatchLimits {
  /** Watches that alert for a user without a paid subscription (the oldest ones). */
  free: number
  paid: number
}

export interface FanoutResult {
  events: number
  deliveries: number
}

type Tx = Prisma.TransactionClient

interface ClaimedEvent {
  id: string
  vendorId: string
  kind: EventFacts['kind']
  baseline: boolean
  data: unknown
  incidentId: string | null
  maintenanceId: string | null
  componentId: string | null
}

interface Watcher {
  userId: string
  allComponents: boolean
  minImpact: MinImpact
  maintenanceAlerts: boolean
  componentAlerts: boolean
  deliveryMode: DeliveryMode
  componentIds: string[] | null
}

const EVENTS_PER_TRANSACTION = 20
const INSERT_SLICE = 5_000

/** Fans out every pending event, a few per transaction; returns what it did. */
export async function fanOutEvents(db: Db, limits: WatchLimits, now: Date): Promise<FanoutResult> {
  const total: FanoutResult = { events: 0, deliveries: 0 }
  for (;;) {
    const done = await db.$transaction(async (tx) => fanOutBatch(tx, limits, now), { timeout: 60_000, maxWait: 10_000 })
    total.events += done.events
    total.deliveries += done.deliveries
    if (done.events < EVENTS_PER_TRANSACTION) return total
  }
}

async function fanOutBatch(tx: Tx, limits: WatchLimits, now: Date): Promise<FanoutResult> {
  // SKIP LOCKED: concurrent notifiers take different events instead of waiting for each other.
  const events = await tx.$queryRaw<ClaimedEvent[]>`
    SELECT id, "vendorId", kind::text AS kind, baseline, data, "incidentId", "maintenanceId", "componentId"
      FROM "ChangeEvent"
     WHERE "fannedOutAt" IS NULL
     ORDER BY "createdAt", id
     LIMIT ${EVENTS_PER_TRANSACTION}
       FOR UPDATE SKIP LOCKED`
  let deliveries = 0
  for (const event of events) {
    const facts = await loadFacts(tx, event)
    if (isNews(facts)) {
      const watchers = await findWatchers(tx, event.vendorId, limits)
      const rows = watchers
        .filter((w) => watchWants(facts, { ...w, componentIds: new Set(w.componentIds ?? []) }))
        // Due (and, for digests, arrived) at the notifier's clock, not the database's: the sender
        // and the digest's 08:00 cut-off compare with the same clock.
        .map((w) => ({ userId: w.userId, eventId: event.id, mode: w.deliveryMode, nextAttemptAt: now, createdAt: now }))
      // In slices, one after the other: Prisma would otherwise split one huge insert into chunks
      // it runs at the same time on the transaction's single connection.
      for (let i = 0; i < rows.length; i += INSERT_SLICE) {
        deliveries += (await tx.delivery.createMany({ data: rows.slice(i, i + INSERT_SLICE), skipDuplicates: true })).count
      }
    }
  }
  if (events.length) await tx.changeEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { fannedOutAt: now } })
  return { events: events.length, deliveries }
}

async function loadFacts(tx: Tx, event: ClaimedEvent): Promise<EventFacts> {
  // One query at a time: a transaction is one connection, and pg does not queue concurrent queries on it.
  const incident = event.incidentId
    ? await tx.incident.findUnique({ where: { id: event.incidentId }, select: { impact: true, startedAt: true, firstSeenAt: true, components: { select: { componentId: true } } } })
    : null
  const maintenance = event.maintenanceId ? await tx.maintenance.findUnique({ where: { id: event.maintenanceId }, select: { components: { select: { componentId: true } } } }) : null
  return {
    kind: event.kind,
    baseline: event.baseline,
    data: event.data,
    incident: incident && { ...incident, componentIds: incident.components.map((c) => c.componentId) },
    maintenance: maintenance && { componentIds: maintenance.components.map((c) => c.componentId) },
    componentId: event.componentId,
  }
}

/**
 * Everyone who should hear about this vendor: verified, alerts on, the watch not unsubscribed,
 * and the watch among the user's oldest N (N from their plan): after a downgrade the newest
 * watches pause instead of being deleted (the slot rule: lib/data/watch-slots.ts).
 */
async function findWatchers(tx: Tx, vendorId: string, limits: WatchLimits): Promise<Watcher[]> {
  return tx.$queryRaw<Watcher[]>`
    WITH ranked AS (
      SELECT w.id, w."userId", w."vendorId", w."allComponents", w."minImpact", w."maintenanceAlerts", w."componentAlerts",
             w."deliveryMode", w."alertsEnabled",
             ${watchSlotSql('w')} AS position
        FROM "WatchlistEntry" w
       WHERE w."userId" IN (SELECT "userId" FROM "WatchlistEntry" WHERE "vendorId" = ${vendorId})
    )
    SELECT r."userId", r."allComponents", r."minImpact"::text AS "minImpact", r."maintenanceAlerts", r."componentAlerts",
           r."deliveryMode"::text AS "deliveryMode",
           (SELECT array_agg(wc."componentId") FROM "WatchlistComponent" wc WHERE wc."entryId" = r.id) AS "componentIds"
      FROM ranked r
      JOIN "User" u ON u.id = r."userId"
      LEFT JOIN "Subscription" s ON s."userId" = u.id
     WHERE r."vendorId" = ${vendorId}
       AND r."alertsEnabled"
       AND u."emailAlerts"
       AND u."emailVerified" IS NOT NULL
       AND r.position <= CASE WHEN s.status IN (${Prisma.join([...PRO_SUBSCRIPTION_STATUSES])}) THEN ${limits.paid}::int ELSE ${limits.free}::int END`
}
