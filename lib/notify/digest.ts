// Daily digests: for readers who chose "digest" on a watch, alerts arrive as one email at 08:00 in
// their own time zone. The digest of a local date carries every alert that arrived before 08:00
// that day; one arriving at or after 08:00 waits for the next day's. One Digest row per (user,
// local date) is the unique key that keeps a day from being sent twice; its id is the provider's
// idempotency key.
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

/** The local wall-clock time `hour`:00 of a local date (YYYY-MM-DD) in a time zone, as an instant. */
export function zonedInstant(localDate: string, hour: number, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, hour)
  // Two rounds: the offset at the first guess can differ from the offset at the answer across a
  // DST change between them.
  const first = wall - utcOffsetMs(new Date(wall), timeZone)
  return new Date(wall - utcOffsetMs(new Date(first), timeZone))
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in ms. */
function utcOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * Today's digest cut-off for a reader: the instant of 08:00 on their local date, once it has
 * passed (null before it). Alerts that arrived before it belong to today's digest.
 */
export function digestCutoff(now: Date, timeZone: string): { localDate: string; cutoff: Date } | null {
  const local = localClock(now, timeZone)
  if (local.hour < DIGEST_HOUR) return null
  return { localDate: local.date, cutoff: zonedInstant(local.date, DIGEST_HOUR, timeZone) }
}

export async function sendDueDigests(db: Db, mailer: Mailer, compose: ComposeDigest, now: Date, signal?: AbortSignal): Promise<{ digests: number; deliveries: number; apiCalls: number }> {
  const result = { digests: 0, deliveries: 0, apiCalls: 0 }
  const waiting = await db.$queryRaw<{ userId: string; timeZone: string }[]>`
    SELECT DISTINCT d."userId", u."timeZone" FROM "Delivery" d JOIN "User" u ON u.id = d."userId"
     WHERE d.mode = 'digest' AND d.status IN ('pending', 'sending')`
  for (const { userId, timeZone } of waiting) {
    if (signal?.aborted) break
    const due = digestCutoff(now, timeZone)
    if (!due) continue
    const digest = await claimDigest(db, userId, due.localDate, due.cutoff)
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
async function claimDigest(db: Db, userId: string, localDate: string, cutoff: Date): Promise<{ id: string; userId: string; localDate: string; attempts: number } | null> {
  try {
    return await claimDigestOnce(db, userId, localDate, cutoff)
  } catch (e) {
    // Another notifier created today's digest first (unique userId + localDate): it sends it.
    if ((e as { code?: string }).code === 'P2002') return null
    throw e
  }
}

async function claimDigestOnce(db: Db, userId: string, localDate: string, cutoff: Date) {
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
