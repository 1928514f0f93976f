// Daily digests: for readers who chose "digest" on a watch, alerts arrive as one email at 08:00 in
// their own time zone. The digest of a local date carries every alert that arrived before 08:00
// that day; one arriving at or after 08:00 waits for the next day's. One Digest row per (user,
// local date) is the unique key that keeps a day from being sent twice; its id is the provider's
// idempotency key.
import type { Mailer, OutgoingMail } from './mailer'
import type { DigestData } from './ports'

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

export async function sendDueDigests(data: DigestData, mailer: Mailer, compose: ComposeDigest, now: Date, signal?: AbortSignal): Promise<{ digests: number; deliveries: number; apiCalls: number }> {
  const result = { digests: 0, deliveries: 0, apiCalls: 0 }
  const waiting = await data.digests.readersWithWaitingDigests()
  for (const { userId, timeZone } of waiting) {
    if (signal?.aborted) break
    const due = digestCutoff(now, timeZone)
    if (!due) continue
    const digest = await data.digests.claimDigest(userId, due.localDate, due.cutoff)
    if (!digest) continue
    const deliveries = await data.digests.digestDeliveries(digest.id)
    const mail = deliveries.length ? await compose(digest, deliveries) : null
    if (!mail) {
      await data.digests.skipDigest(digest.id)
      continue
    }
    result.apiCalls++
    const outcome = await mailer.sendBatch([mail], `digest-${digest.id}`)
    if (outcome.ok || outcome.failure.kind === 'already_sent') {
      await data.digests.markDigestSent(digest.id, now, outcome.ok ? (outcome.providerIds[0] ?? null) : null)
      result.digests++
      result.deliveries += deliveries.length
    } else {
      const failed = outcome.failure.kind === 'permanent' || digest.attempts + 1 >= MAX_ATTEMPTS
      await data.digests.recordDigestFailure(digest.id, outcome.failure.message.slice(0, 500), failed)
    }
  }
  return result
}
