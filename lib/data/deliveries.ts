// Instant deliveries of the outbox as the sender sees them: claiming a batch under a lease, and
// recording each batch's outcome. Which batch to claim, when to retry and when to give up is the
// sender's (lib/notify/send.ts); here is only how each of those is written.
//
// Tables: Delivery (read, update). Lists of deliveries go as one JSON parameter (json-rows.ts): a
// sender writes 100 of them per batch, and Prisma's query compiler handles every element of an
// `in` list or array parameter as an object of its own.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import { jsonIds, jsonRows } from './json-rows'

/** A delivery claimed by a sender, as a member of a provider batch. */
export interface ClaimedDelivery {
  id: string
  userId: string
  eventId: string
  batchKey: string
  attempts: number
}

/** The key of one batch whose lease ran out (a crashed sender, or a retry that is due), if any. */
export async function findExpiredBatchKey(now: Date): Promise<string | null> {
  const due = await db.delivery.findFirst({ where: { status: 'sending', lockedUntil: { lt: now } }, select: { batchKey: true } })
  return due?.batchKey ?? null
}

/** Closes as failed the expired members of a batch that reached `maxAttempts`; returns how many. */
export async function failExhaustedBatch(batchKey: string, now: Date, maxAttempts: number): Promise<number> {
  return db.$executeRaw(failExhaustedBatchSql(batchKey, now, maxAttempts))
}

/**
 * Takes the lease of an expired batch again (same members, same key) and counts the attempt. The
 * UPDATE is the claim: a concurrent sender's identical UPDATE finds the lease taken.
 */
export async function reclaimExpiredBatch(batchKey: string, now: Date, lockedUntil: Date): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>(reclaimBatchSql(batchKey, now, lockedUntil))
}

/** Claims up to `size` pending instant deliveries that are due as a new batch and counts the attempt. */
export async function claimNewBatch(size: number, now: Date, batchKey: string, lockedUntil: Date): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>(claimNewBatchSql(size, now, batchKey, lockedUntil))
}

/** Closes deliveries that have nothing to say any more; they are never sent. */
export async function skipDeliveries(ids: string[]): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Delivery" SET status = 'skipped', "lockedUntil" = NULL WHERE id IN ${jsonIds(ids)}`)
}

/** Closes one delivery as failed. */
export async function failDelivery(id: string, lastError: string): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: 'failed', lockedUntil: null, lastError } })
}

/** Closes deliveries as failed. */
export async function failDeliveries(ids: string[], lastError: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Delivery" SET status = 'failed', "lockedUntil" = NULL, "lastError" = ${lastError} WHERE id IN ${jsonIds(ids)}`)
}

/** Records a batch as sent, with each member's provider message id (same order as `ids`). */
export async function markBatchSent(ids: string[], providerIds: (string | null)[], sentAt: Date): Promise<void> {
  await db.$executeRaw(markBatchSentSql(ids, providerIds, sentAt))
}

/** Keeps deliveries in their batch (status `sending`) with the lease running until the retry. */
export async function scheduleBatchRetry(ids: string[], retryAt: Date, lastError: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Delivery" SET "lockedUntil" = ${retryAt}, "lastError" = ${lastError} WHERE id IN ${jsonIds(ids)}`)
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

/**
 * One statement for the whole batch (a 10,000-recipient incident is 100 batches, not 10,000 writes),
 * its rows as one JSON parameter (json-rows.ts) rather than two arrays of 100 values each.
 */
function markBatchSentSql(ids: string[], providerIds: (string | null)[], sentAt: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery" AS d
       SET status = 'sent', "sentAt" = ${sentAt}, "lockedUntil" = NULL, "lastError" = NULL, "providerMessageId" = v.pid
      FROM jsonb_to_recordset(${jsonRows(ids.map((id, i) => ({ id, pid: providerIds[i] ?? null })))}) AS v(id text, pid text)
     WHERE d.id = v.id`
}
