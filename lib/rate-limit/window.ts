// Fixed-window rate limits: each key counts hits per window of `windowMs`, aligned to the epoch
// so every process agrees on where a window starts. The counts live in the database
// (RateLimitBucket); this module is the arithmetic.

export interface RateLimit {
  /** Part of the bucket key, e.g. "sign-in:email". */
  name: string
  max: number
  windowMs: number
}

export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs)
}

/** Milliseconds until the window containing `now` ends (always > 0). */
export function retryAfterMs(now: Date, windowMs: number): number {
  return windowStart(now, windowMs).getTime() + windowMs - now.getTime()
}

/** The count includes the current hit: the max-th hit is allowed, the next one is not. */
export function isOverLimit(count: number, limit: Pick<RateLimit, 'max'>): boolean {
  return count > limit.max
}

/** "in 12 minutes", "in 1 minute": for messages. Rounded up, never "in 0 minutes". */
export function describeRetryAfter(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`
}
