// Rate-limit counters in the database, so limits hold across processes, hosts and restarts.
import { db } from '@/lib/db/client'
import { isOverLimit, type RateLimit, retryAfterMs, windowStart } from '@/lib/rate-limit/window'

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number }

/** Buckets older than this are deleted opportunistically (longest window we use is an hour). */
const KEEP_BUCKETS_MS = 24 * 3600_000

/**
 * Counts one hit on `limit` for `subject` (an IP, a hashed email, a user id) and says whether it
 * is allowed. The insert-or-increment is one statement, so concurrent hits are all counted.
 */
export async function hitRateLimit(limit: RateLimit, subject: string, now: Date): Promise<RateLimitResult> {
  const key = `${limit.name}:${subject}`
  const start = windowStart(now, limit.windowMs)
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`
  const count = rows[0]?.count ?? 1
  // A new bucket means a new window for this key: a cheap moment to sweep expired ones.
  if (count === 1) await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - KEEP_BUCKETS_MS) } } })
  return isOverLimit(count, limit) ? { allowed: false, retryAfterMs: retryAfterMs(now, limit.windowMs) } : { allowed: true }
}

/**
 * Counts a hit on every limit (all of them, so an attacker rotating one dimension is still
 * counted on the others) and returns the longest wait among those exceeded.
 */
export async function hitRateLimits(hits: { limit: RateLimit; subject: string }[], now: Date): Promise<RateLimitResult> {
  const results = await Promise.all(hits.map((h) => hitRateLimit(h.limit, h.subject, now)))
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterMs]))
  return waits.length ? { allowed: false, retryAfterMs: Math.max(...waits) } : { allowed: true }
}
