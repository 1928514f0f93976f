// Daily digests as the digest sender sees them: who has digest alerts waiting, claiming a reader's
// digest of a local date, and recording its outcome. When a digest is due is lib/notify/digest.ts.
//
// Tables: Digest (read, insert, update), Delivery (read, update), User (read).
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'

export interface ClaimedDigest {
  id: string
  userId: string
  localDate: string
  attempts: number
}

/** Readers with digest deliveries not sent yet, with their time zone. */
export async function readersWithWaitingDigests(): Promise<{ userId: string; timeZone: string }[]> {
  return db.$queryRaw<{ userId: string; timeZone: string }[]>(readersWithWaitingDigestsSql())
}

/**
 * The reader's digest of `localDate`, ready to send, or null when it is done, was created by
 * another notifier first, or has nothing that arrived before `cutoff`. Pending digest deliveries
 * join it only when it is first claimed: a digest being retried keeps exactly the content it
 * had, so its idempotency key never covers two different emails.
 */
export async function claimDigest(userId: string, localDate: string, cutoff: Date): Promise<ClaimedDigest | null> {
  try {
    return await claimDigestOnce(userId, localDate, cutoff)
  } catch (e) {
    // Another notifier created today's digest first (unique userId + localDate): it sends it.
    if ((e as { code?: string }).code === 'P2002') return null
    throw e
  }
}

export async function digestDeliveries(digestId: string): Promise<{ id: string; eventId: string }[]> {
  return db.delivery.findMany({ where: { digestId }, select: { id: true, eventId: true } })
}

/** Closes a digest with nothing to say, and its deliveries. */
export async function skipDigest(digestId: string): Promise<void> {
  await db.digest.update({ where: { id: digestId }, data: { status: 'skipped' } })
  await db.delivery.updateMany({ where: { digestId }, data: { status: 'skipped' } })
}

/** Closes a digest and its deliveries as sent, together. */
export async function markDigestSent(digestId: string, sentAt: Date, providerMessageId: string | null): Promise<void> {
  await db.$transaction([
    db.digest.update({ where: { id: digestId }, data: { status: 'sent', sentAt, providerMessageId } }),
    db.delivery.updateMany({ where: { digestId }, data: { status: 'sent', sentAt } }),
  ])
}

/** Counts a failed attempt; with `final`, closes the digest and its deliveries as failed. */
export async function recordDigestFailure(digestId: string, lastError: string, final: boolean): Promise<void> {
  await db.digest.update({ where: { id: digestId }, data: { attempts: { increment: 1 }, lastError, ...(final && { status: 'failed' }) } })
  if (final) await db.delivery.updateMany({ where: { digestId }, data: { status: 'failed', lastError } })
}

function readersWithWaitingDigestsSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT d."userId", u."timeZone" FROM "Delivery" d JOIN "User" u ON u.id = d."userId"
     WHERE d.mode = 'digest' AND d.status IN ('pending', 'sending')`
}

async function claimDigestOnce(userId: string, localDate: string, cutoff: Date): Promise<ClaimedDigest | null> {
  return db.$transaction(async (tx) => {
    const existing = await tx.digest.findUnique({ where: { userId_localDate: { userId, localDate } } })
    if (existing && existing.status !== 'pending' && existing.status !== 'sending') return null
    // `createdAt` is the notifier's clock when the alert arrived (fanout writes it).
    const waiting = { userId, mode: 'digest' as const, status: 'pending' as const, createdAt: { lt: cutoff } }
    // Only alerts that arrived after today's 08:00 are waiting: they are tomorrow's, no digest today.
    if (!existing && (await tx.delivery.count({ where: waiting })) === 0) return null
    const digest = existing ?? (await tx.digest.create({ data: { userId, localDate, status: 'sending' } }))
    if (!existing) {
      await tx.delivery.updateMany({ where: waiting, data: { digestId: digest.id, status: 'sending' } })
    }
    return { id: digest.id, userId, localDate, attempts: digest.attempts }
  })
}
