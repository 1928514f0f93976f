// Daily digests: for readers who chose "digest" on a watch, the day's alerts arrive as one email at
// 08:00 in their own time zone. One Digest row per (user, local date) is the unique key that keeps
// a day from being sent twice; its id is the provider's idempotency key.
import type { Db } from '@/lib/db/client'
import type { Mailer, OutgoingMail } from './mailer'

export const DIGEST_HOUR = 8
const MAX_ATTEMPTS = 8

export type ComposeDigest = (digest: { id: string; userId: string; localDate: string }, deliveries: { id: string; eventId: string }[]) => Promise<OutgoingMail | null>

/** The local calendar date and hour of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) }
}

export async function sendDueDigests(db: Db, mailer: Mailer, compose: ComposeDigest, now: Date): Promise<{ digests: number; deliveries: number; apiCalls: number }> {
  const result = { digests: 0, deliveries: 0, apiCalls: 0 }
  const waiting = await db.$queryRaw<{ userId: string; timeZone: string }[]>`
    SELECT DISTINCT d."userId", u."timeZone" FROM "Delivery" d JOIN "User" u ON u.id = d."userId"
     WHERE d.mode = 'digest' AND d.status IN ('pending', 'sending')`
  for (const { userId, timeZone } of waiting) {
    const local = localClock(now, timeZone)
    if (local.hour < DIGEST_HOUR) continue
    const digest = await claimDigest(db, userId, local.date)
    if (!digest) continue
    const deliveries = await db.delivery.findMany({ where: { digestId: digest.id }, select: { id: true, eventId: true } })
    const mail = deliveries.length ? await compose(digest, deliveries) : null
    if (!mail) {
      await db.digest.update({ where: { id: digest.id }, data: { status: 'skipped' } })
      await db.delivery.updateMany({ where: { digestId: digest.id }, data: { status: 'skipped' } })
      continue
    }
    result.apiCalls++
    const outcome = await mailer.sendBatch([mail], `digest-${digest.id}`)
    if (outcome.ok || outcome.failure.kind === 'already_sent') {
      await db.$transaction([
        db.digest.update({ where: { id: digest.id }, data: { status: 'sent', sentAt: now, providerMessageId: outcome.ok ? (outcome.providerIds[0] ?? null) : null } }),
        db.delivery.updateMany({ where: { digestId: digest.id }, data: { status: 'sent', sentAt: now } }),
      ])
      result.digests++
      result.deliveries += deliveries.length
    } else {
      const failed = outcome.failure.kind === 'permanent' || digest.attempts + 1 >= MAX_ATTEMPTS
      await db.digest.update({ where: { id: digest.id }, data: { attempts: { increment: 1 }, lastError: outcome.failure.message.slice(0, 500), ...(failed && { status: 'failed' }) } })
      if (failed) await db.delivery.updateMany({ where: { digestId: digest.id }, data: { status: 'failed', lastError: outcome.failure.message.slice(0, 500) } })
    }
  }
  return result
}

/**
 * Today's digest of a user, ready to send, or null when it is already done. Pending digest
 * deliveries join it only when it is first claimed: a digest being retried keeps exactly the
 * content it had, so its idempotency key never covers two different emails.
 */
async function claimDigest(db: Db, userId: string, localDate: string): Promise<{ id: string; userId: string; localDate: string; attempts: number } | null> {
  try {
    return await claimDigestOnce(db, userId, localDate)
  } catch (e) {
    // Another notifier created today's digest first (unique userId + localDate): it sends it.
    if ((e as { code?: string }).code === 'P2002') return null
    throw e
  }
}

async function claimDigestOnce(db: Db, userId: string, localDate: string) {
  return db.$transaction(async (tx) => {
    const existing = await tx.digest.findUnique({ where: { userId_localDate: { userId, localDate } } })
    if (existing && existing.status !== 'pending' && existing.status !== 'sending') return null
    const digest = existing ?? (await tx.digest.create({ data: { userId, localDate, status: 'sending' } }))
    if (!existing) {
      await tx.delivery.updateMany({ where: { userId, mode: 'digest', status: 'pending' }, data: { digestId: digest.id, status: 'sending' } })
    }
    return { id: digest.id, userId, localDate, attempts: digest.attempts }
  })
}
