// Instant deliveries of the outbox as the sender sees them: claiming a batch under a lease, and
// recording each batch's outcome. Which batch to claim, when to retry and when to give up is the
// sender's (lib/notify/send.ts); here is only how each of those is written.
//
// Tables: Delivery (read, update).
import type { Db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'

/** A delivery claimed by a sender, as a member of a provider batch. */
export interface ClaimedDelivery {
  id: string
  userId: string
  eventId: string
  batchKey: string
  attempts: number
}

export interface DeliveryStore {
  /** The key of one batch whose lease ran out (a crashed sender, or a retry that is due), if any. */
  findExpiredBatch(now: Date): Promise<string | null>
  /** Closes as failed the expired members of a batch that reached `maxAttempts`; returns how many. */
  failExhaustedBatch(batchKey: string, now: Date, maxAttempts: number): Promise<number>
  /** Takes the lease of an expired batch again (same members, same key) and counts the attempt. */
  reclaimBatch(batchKey: string, now: Date, lockedUntil: Date): Promise<ClaimedDelivery[]>
  /** Claims up to `size` pending instant deliveries that are due as a new batch and counts the attempt. */
  claimNewBatch(size: number, now: Date, batchKey: string, lockedUntil: Date): Promise<ClaimedDelivery[]>
  /** Closes deliveries that have nothing to say any more; they are never sent. */
  markSkipped(ids: string[]): Promise<void>
  /** Closes one delivery as failed. */
  failDelivery(id: string, lastError: string): Promise<void>
  /** Closes deliveries as failed. */
  failDeliveries(ids: string[], lastError: string): Promise<void>
  /** Records a batch as sent, with each member's provider message id (same order as `ids`). */
  markSent(ids: string[], providerIds: (string | null)[], sentAt: Date): Promise<void>
  /** Keeps deliveries in their batch (status `sending`) with the lease running until the retry. */
  scheduleRetry(ids: string[], retryAt: Date, lastError: string): Promise<void>
}

export function deliveryStore(db: Db): DeliveryStore {
  return {
    async findExpiredBatch(now) {
      const due = await db.delivery.findFirst({ where: { status: 'sending', lockedUntil: { lt: now } }, select: { batchKey: true } })
      return due?.batchKey ?? null
    },
    failExhaustedBatch: (batchKey, now, maxAttempts) => db.$executeRaw(failExhaustedBatchSql(batchKey, now, maxAttempts)),
    // The UPDATE is the claim: a concurrent sender's identical UPDATE finds the lease taken.
    reclaimBatch: (batchKey, now, lockedUntil) => db.$queryRaw<ClaimedDelivery[]>(reclaimBatchSql(batchKey, now, lockedUntil)),
    claimNewBatch: (size, now, batchKey, lockedUntil) => db.$queryRaw<ClaimedDelivery[]>(claimNewBatchSql(size, now, batchKey, lockedUntil)),
    async markSkipped(ids) {
      await db.delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'skipped', lockedUntil: null } })
    },
    async failDelivery(id, lastError) {
      await db.delivery.update({ where: { id }, data: { status: 'failed', lockedUntil: null, lastError } })
    },
    async failDeliveries(ids, lastError) {
      await db.delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'failed', lockedUntil: null, lastError } })
    },
    async markSent(ids, providerIds, sentAt) {
      await db.$executeRaw(markBatchSentSql(ids, providerIds, sentAt))
    },
    async scheduleRetry(ids, retryAt, lastError) {
      await db.delivery.updateMany({ where: { id: { in: ids } }, data: { lockedUntil: retryAt, lastError } })
    },
  }
}

function failExhaustedBatchSql(batchKey: string, now: Date, maxAttempts: number): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery"
       SET status = 'failed', "lockedUntil" = NULL,
           "lastError" = LEFT('gave up after ' || attempts || ' attempts: ' || COALESCE("lastError", 'the sender stopped before recording an outcome'), 500)
     WHERE "batchKey" = ${batchKey} AND status = 'sending' AND "lockedUntil" < ${now} AND attempts >= ${maxAttempts}`
}

function reclaimBatchSql(batchKey: string, now: Date, lockedUntil: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery" SET "lockedUntil" = ${lockedUntil}, attempts = attempts + 1
     WHERE "batchKey" = ${batchKey} AND status = 'sending' AND "lockedUntil" < ${now}
    RETURNING id, "userId", "eventId", "batchKey", attempts`
}

/** SKIP LOCKED: concurrent senders claim different deliveries instead of waiting for each other. */
function claimNewBatchSql(size: number, now: Date, batchKey: string, lockedUntil: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery" SET status = 'sending', "batchKey" = ${batchKey}, "lockedUntil" = ${lockedUntil}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "Delivery"
        WHERE status = 'pending' AND mode = 'instant' AND "nextAttemptAt" <= ${now}
        ORDER BY "eventId", id
        LIMIT ${size}
          FOR UPDATE SKIP LOCKED)
    RETURNING id, "userId", "eventId", "batchKey", attempts`
}

/** One statement for the whole batch (a 10,000-recipient incident is 100 batches, not 10,000 writes). */
function markBatchSentSql(ids: string[], providerIds: (string | null)[], sentAt: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery" AS d
       SET status = 'sent', "sentAt" = ${sentAt}, "lockedUntil" = NULL, "lastError" = NULL, "providerMessageId" = v.pid
      FROM unnest(${ids}::text[], ${providerIds}::text[]) AS v(id, pid)
     WHERE d.id = v.id`
}
