// When a failed channel delivery is tried again: exponential backoff from 30 s, doubling, capped at
// an hour per wait, for a day; a Retry-After the destination sent is honoured (up to an hour).
// Pure (retry.test.ts).

export const FIRST_RETRY_MS = 30_000
export const MAX_RETRY_WAIT_MS = 3_600_000
/** Deliveries still failing this long after they were created are failed for good. */
export const RETRY_WINDOW_MS = 24 * 3_600_000

/** The wait before attempt `attempts + 1`, given `attempts` made so far (≥ 1). */
export function backoffMs(attempts: number, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_RETRY_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) return exponential
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(retryAfterMs, 1_000))
}

/** The next attempt's time, or null when the day is over and the delivery is failed. */
export function nextAttemptAt(createdAt: Date, now: Date, attempts: number, retryAfterMs?: number): Date | null {
  const at = new Date(now.getTime() + backoffMs(attempts, retryAfterMs))
  return at.getTime() - createdAt.getTime() > RETRY_WINDOW_MS ? null : at
}
