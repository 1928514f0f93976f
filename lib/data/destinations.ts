// A user's destinations (Slack, Discord, Google Chat, Teams, PagerDuty, signed webhooks): where
// alerts go besides email. Every function takes the signed-in user's id and touches only that
// user's rows. The settings are sealed by lib/channels/sealed-settings.ts before they get here; the
// list the pages read never carries them, only `maskedTarget`.
//
// Tables: Destination, DeliveryAttempt, WatchlistDestination, WatchlistEntry (routing), User and
// Subscription (the plan, read under the user's row lock).
import { db } from '@/lib/db/client'
import type { DestinationKind } from '@/lib/db/generated/enums'
import { NotFoundError } from '@/lib/errors'
import { PLANS, planAllowsKind, planForSubscriptionStatus, type Plan } from '@/lib/plans/plans'

/** How many delivery attempts each destination keeps (its delivery log). */
export const DELIVERY_LOG_SIZE = 50

export interface NewDestination {
  userId: string
  kind: DestinationKind
  name: string
  sealedSettings: string
  maskedTarget: string
}

/** What the settings page shows of a destination: never its settings. */
export interface DestinationSummary {
  id: string
  kind: DestinationKind
  name: string
  enabled: boolean
  maskedTarget: string
  health: 'ok' | 'broken'
  brokenReason: string | null
  lastResultAt: Date | null
  lastResultOk: boolean | null
  lastResult: string | null
  createdAt: Date
}

const SUMMARY = {
  id: true,
  kind: true,
  name: true,
  enabled: true,
  maskedTarget: true,
  health: true,
  brokenReason: true,
  lastResultAt: true,
  lastResultOk: true,
  lastResult: true,
  createdAt: true,
} as const

/**
 * Adds a destination within the user's plan: the count and the kind are checked in the same
 * transaction as the insert, after locking the user's row, so parallel adds cannot pass the limit.
 */
export async function createDestination(input: NewDestination): Promise<{ ok: true; id: string } | { ok: false; reason: 'limit' }> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`
      if (locked.length === 0) throw new NotFoundError('No such user')
      const subscription = await tx.subscription.findUnique({ where: { userId: input.userId }, select: { status: true } })
      const plan = planForSubscriptionStatus(subscription?.status)
      if (!planAllowsKind(plan, input.kind)) return { ok: false as const, reason: 'limit' as const }
      const count = await tx.destination.count({ where: { userId: input.userId } })
      if (count >= PLANS[plan].destinationLimit) return { ok: false as const, reason: 'limit' as const }
      const row = await tx.destination.create({ data: input, select: { id: true } })
      return { ok: true as const, id: row.id }
    },
    { maxWait: 15_000, timeout: 15_000 },
  )
}

/** The user's plan, for the page's "n of m" and which kinds it offers. */
export async function destinationPlan(userId: string): Promise<{ plan: Plan; used: number }> {
  const [subscription, used] = await Promise.all([
    db.subscription.findUnique({ where: { userId }, select: { status: true } }),
    db.destination.count({ where: { userId } }),
  ])
  return { plan: planForSubscriptionStatus(subscription?.status), used }
}

/** New settings (a fixed URL, a rotated secret, a re-picked channel): the destination is healthy again until a send says otherwise. */
export async function updateDestinationSettings(userId: string, id: string, update: { sealedSettings: string; maskedTarget: string }): Promise<void> {
  const { count } = await db.destination.updateMany({
    where: { id, userId },
    data: { ...update, health: 'ok', brokenReason: null, brokenAt: null, brokenNotifiedAt: null },
  })
  if (count === 0) throw new NotFoundError('No such destination')
}

export async function listDestinations(userId: string): Promise<DestinationSummary[]> {
  return db.destination.findMany({ where: { userId }, select: SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

/** The sealed settings of one of the user's destinations (server only: "Send test", rotation). */
export async function findDestinationForSend(userId: string, id: string): Promise<{ id: string; kind: DestinationKind; name: string; sealedSettings: string } | null> {
  return db.destination.findFirst({ where: { id, userId }, select: { id: true, kind: true, name: true, sealedSettings: true } })
}

/** One user's sealed settings of one kind (server only: the Slack bot tokens to revoke when their account is deleted). */
export async function sealedSettingsOfUser(userId: string, kind: DestinationKind): Promise<string[]> {
  return (await db.destination.findMany({ where: { userId, kind }, select: { sealedSettings: true } })).map((d) => d.sealedSettings)
}

/** Every user's sealed settings of one kind (server only: is a Slack bot token still used by another destination?). */
export async function sealedSettingsOfKind(kind: DestinationKind): Promise<string[]> {
  return (await db.destination.findMany({ where: { kind }, select: { sealedSettings: true } })).map((d) => d.sealedSettings)
}

export async function renameDestination(userId: string, id: string, name: string): Promise<boolean> {
  const { count } = await db.destination.updateMany({ where: { id, userId }, data: { name } })
  return count > 0
}

export async function setDestinationEnabled(userId: string, id: string, enabled: boolean): Promise<boolean> {
  const { count } = await db.destination.updateMany({ where: { id, userId }, data: { enabled } })
  return count > 0
}

/** Deletes the destination with its sealed settings, threads, deliveries and log (cascades). */
export async function deleteDestination(userId: string, id: string): Promise<boolean> {
  const { count } = await db.destination.deleteMany({ where: { id, userId } })
  return count > 0
}

export interface DeliveryLogEntry {
  attemptedAt: Date
  statusCode: number | null
  latencyMs: number
  ok: boolean
  detail: string | null
}

/** The newest attempts first (at most DELIVERY_LOG_SIZE are kept). */
export async function listDeliveryAttempts(userId: string, destinationId: string): Promise<DeliveryLogEntry[]> {
  return db.deliveryAttempt.findMany({
    where: { destinationId, destination: { userId } },
    select: { attemptedAt: true, statusCode: true, latencyMs: true, ok: true, detail: true },
    orderBy: [{ attemptedAt: 'desc' }, { id: 'desc' }],
    take: DELIVERY_LOG_SIZE,
  })
}

/**
 * A "Send test" result: the destination's last result and one line of its log. A successful test of
 * a broken destination makes it healthy again (and its next break is emailed again); `healed` says so.
 */
export async function recordTestResult(
  userId: string,
  id: string,
  result: { at: Date; ok: boolean; text: string; statusCode: number | null; latencyMs: number },
): Promise<{ healed: boolean }> {
  const destination = await db.destination.findFirst({ where: { id, userId }, select: { id: true } })
  if (!destination) throw new NotFoundError('No such destination')
  await recordAttempt(id, null, { ...result, detail: `test: ${result.text}` })
  if (!result.ok) return { healed: false }
  const { count } = await db.destination.updateMany({
    where: { id, userId, health: 'broken' },
    data: { health: 'ok', brokenReason: null, brokenAt: null, brokenNotifiedAt: null },
  })
  return { healed: count > 0 }
}

/** Appends to the delivery log, trims it to DELIVERY_LOG_SIZE and sets the destination's last result. */
export async function recordAttempt(
  destinationId: string,
  channelDeliveryId: string | null,
  attempt: { at: Date; ok: boolean; text: string; statusCode: number | null; latencyMs: number; detail: string },
): Promise<void> {
  await db.$transaction([
    db.deliveryAttempt.create({
      data: { destinationId, channelDeliveryId, attemptedAt: attempt.at, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs, ok: attempt.ok, detail: attempt.detail.slice(0, 500) },
    }),
    db.destination.updateMany({ where: { id: destinationId }, data: { lastResultAt: attempt.at, lastResultOk: attempt.ok, lastResult: attempt.text.slice(0, 300) } }),
    db.$executeRaw`DELETE FROM "DeliveryAttempt" WHERE "destinationId" = ${destinationId} AND id NOT IN (
      SELECT id FROM "DeliveryAttempt" WHERE "destinationId" = ${destinationId} ORDER BY "attemptedAt" DESC, id DESC LIMIT ${DELIVERY_LOG_SIZE})`,
  ])
}

/** A watch's routing: every enabled destination, or the chosen ones (ids not the user's are ignored). */
export async function setWatchRouting(userId: string, vendorSlug: string, routing: { all: true } | { all: false; destinationIds: string[] }): Promise<void> {
  const entry = await db.watchlistEntry.findFirst({ where: { userId, vendor: { slug: vendorSlug } }, select: { id: true } })
  if (!entry) throw new NotFoundError('You are not watching this vendor')
  const owned = routing.all ? [] : await db.destination.findMany({ where: { userId, id: { in: routing.destinationIds } }, select: { id: true } })
  await db.$transaction([
    db.watchlistEntry.update({ where: { id: entry.id }, data: { allDestinations: routing.all } }),
    db.watchlistDestination.deleteMany({ where: { entryId: entry.id } }),
    db.watchlistDestination.createMany({ data: owned.map((d) => ({ entryId: entry.id, destinationId: d.id })), skipDuplicates: true }),
  ])
}

/** A watch's routing as its preferences form shows it. */
export async function watchRouting(userId: string, vendorSlug: string): Promise<{ all: boolean; destinationIds: string[] } | null> {
  const entry = await db.watchlistEntry.findFirst({
    where: { userId, vendor: { slug: vendorSlug } },
    select: { allDestinations: true, destinations: { select: { destinationId: true } } },
  })
  return entry && { all: entry.allDestinations, destinationIds: entry.destinations.map((d) => d.destinationId) }
}
