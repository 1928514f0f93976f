// Sends instant deliveries from the outbox, in provider batches.
//
// Exactly-once: a delivery joins a batch once (its batchKey, written when it is claimed) and that
// key is the provider's idempotency key on every attempt. If we crash after the provider accepted
// a batch but before we recorded it, the batch's lease expires, it is claimed again with the same
// key, and the provider answers with the original result instead of sending twice.
import { randomUUID } from 'node:crypto'
import type { Db } from '@/lib/db/client'
import type { Mailer, OutgoingMail } from './mailer'

export interface SendOptions {
  now: () => Date
  /** How long a claimed batch is ours before another sender may retry it. */
  leaseMs: number
  maxAttempts: number
  /** Stop claiming new batches after this long. */
  timeBudgetMs: number
  /** Batches in flight at once. */
  concurrency: number
  /** Stop claiming new batches once it fires (the process is stopping). */
  signal?: AbortSignal
}

export interface SendResult {
  sent: number
  failed: number
  retrying: number
  apiCalls: number
}

export interface ClaimedDelivery {
  id: string
  userId: string
  eventId: string
  batchKey: string
  attempts: number
}

/** Builds the message of every claimed delivery; deliveries it returns nothing for are skipped. */
export type Compose = (deliveries: ClaimedDelivery[]) => Promise<Map<string, OutgoingMail>>

export async function sendInstantDeliveries(db: Db, mailer: Mailer, compose: Compose, options: SendOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, retrying: 0, apiCalls: 0 }
  const deadline = options.now().getTime() + options.timeBudgetMs
  const worker = async () => {
    while (options.now().getTime() < deadline && !options.signal?.aborted) {
      const batch = (await claimRetry(db, options)) ?? (await claimNew(db, mailer.maxBatch, options))
      if (!batch) return
      await sendBatch(db, mailer, compose, batch, options, result)
    }
  }
  // allSettled: if one worker fails, the others still finish their batch before we return.
  const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency }, worker))
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
  if (failure) throw failure.reason
  return result
}

/** A batch whose lease expired (a crashed sender, or a retry that is due): same members, same key. */
async function claimRetry(db: Db, options: SendOptions): Promise<ClaimedDelivery[] | null> {
  const now = options.now()
  const due = await db.delivery.findFirst({ where: { status: 'sending', lockedUntil: { lt: now } }, select: { batchKey: true } })
  if (!due?.batchKey) return null
  // The UPDATE is the claim: a concurrent sender's identical UPDATE finds the lease taken.
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET "lockedUntil" = ${new Date(now.getTime() + options.leaseMs)}, attempts = attempts + 1
     WHERE "batchKey" = ${due.batchKey} AND status = 'sending' AND "lockedUntil" < ${now}
    RETURNING id, "userId", "eventId", "batchKey", attempts`
  return rows.length ? rows : claimRetry(db, options)
}

async function claimNew(db: Db, size: number, options: SendOptions): Promise<ClaimedDelivery[] | null> {
  const now = options.now()
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET status = 'sending', "batchKey" = ${randomUUID()}, "lockedUntil" = ${new Date(now.getTime() + options.leaseMs)}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "Delivery"
        WHERE status = 'pending' AND mode = 'instant' AND "nextAttemptAt" <= ${now}
        ORDER BY "eventId", id
        LIMIT ${size}
          FOR UPDATE SKIP LOCKED)
    RETURNING id, "userId", "eventId", "batchKey", attempts`
  return rows.length ? rows : null
}

async function sendBatch(db: Db, mailer: Mailer, compose: Compose, batch: ClaimedDelivery[], options: SendOptions, result: SendResult) {
  const batchKey = batch[0]?.batchKey as string
  const messages = await compose(batch)
  const members = batch.filter((d) => messages.has(d.id))
  const orphans = batch.filter((d) => !messages.has(d.id))
  if (orphans.length) {
    // Nothing to say any more (the user or the event is gone): close them, never send.
    await db.delivery.updateMany({ where: { id: { in: orphans.map((d) => d.id) } }, data: { status: 'skipped', lockedUntil: null } })
  }
  if (!members.length) return
  result.apiCalls++
  const outcome = await mailer.sendBatch(
    members.map((d) => messages.get(d.id) as OutgoingMail),
    batchKey,
  )
  const now = options.now()
  if (outcome.ok || outcome.failure.kind === 'already_sent') {
    const providerIds = members.map((_, i) => (outcome.ok ? (outcome.providerIds[i] ?? null) : null))
    // One statement for the whole batch (a 10,000-recipient incident is 100 batches, not 10,000 writes).
    await db.$executeRaw`
      UPDATE "Delivery" AS d
         SET status = 'sent', "sentAt" = ${now}, "lockedUntil" = NULL, "lastError" = NULL, "providerMessageId" = v.pid
        FROM unnest(${members.map((d) => d.id)}::text[], ${providerIds}::text[]) AS v(id, pid)
       WHERE d.id = v.id`
    result.sent += members.length
    return
  }
  const attempts = Math.max(...members.map((d) => d.attempts))
  if (outcome.failure.kind === 'permanent' || attempts >= options.maxAttempts) {
    await db.delivery.updateMany({
      where: { id: { in: members.map((d) => d.id) } },
      data: { status: 'failed', lockedUntil: null, lastError: `${outcome.failure.kind}: ${outcome.failure.message}`.slice(0, 500) },
    })
    result.failed += members.length
    return
  }
  // Retry later as the same batch: the status stays `sending` and the lease is the retry time.
  const backoff = Math.max(outcome.failure.retryAfterMs ?? 0, Math.min(2 ** attempts * 1000, 5 * 60_000))
  await db.delivery.updateMany({
    where: { id: { in: members.map((d) => d.id) } },
    data: { lockedUntil: new Date(now.getTime() + backoff), lastError: outcome.failure.message.slice(0, 500) },
  })
  result.retrying += members.length
}
