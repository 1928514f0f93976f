// How fresh a vendor's status is, said the same way by the pages, the API and /api/health.
export type Freshness =
  | { kind: 'unmonitored' }
  | { kind: 'never_checked' }
  /** Checked, but never read successfully: we know nothing about its status. */
  | { kind: 'never_succeeded'; lastCheckedAt: Date; error: string | null }
  | { kind: 'fresh'; lastCheckedAt: Date; lastSuccessAt: Date }
  /** We have a status, but our last reads failed or are old: show it as possibly out of date. */
  | { kind: 'stale'; lastCheckedAt: Date | null; lastSuccessAt: Date; error: string | null }

export interface SourceCheckState {
  lastCheckedAt: Date | null
  lastSuccessAt: Date | null
  consecutiveFailures: number
  lastError: string | null
}

/** A status older than this many refresh intervals (and at least 5 minutes) is stale. */
const STALE_AFTER_INTERVALS = 3
const MIN_STALE_MS = 5 * 60_000

export function staleAfterMs(intervalMs: number): number {
  return Math.max(STALE_AFTER_INTERVALS * intervalMs, MIN_STALE_MS)
}

export function freshness(source: SourceCheckState | null, monitored: boolean, now: Date, intervalMs: number): Freshness {
  if (!monitored || !source) return { kind: 'unmonitored' }
  if (!source.lastSuccessAt) {
    return source.lastCheckedAt ? { kind: 'never_succeeded', lastCheckedAt: source.lastCheckedAt, error: source.lastError } : { kind: 'never_checked' }
  }
  const old = now.getTime() - source.lastSuccessAt.getTime() > staleAfterMs(intervalMs)
  if (source.consecutiveFailures > 0 || old) {
    return { kind: 'stale', lastCheckedAt: source.lastCheckedAt, lastSuccessAt: source.lastSuccessAt, error: source.consecutiveFailures > 0 ? source.lastError : null }
  }
  return { kind: 'fresh', lastCheckedAt: source.lastCheckedAt ?? source.lastSuccessAt, lastSuccessAt: source.lastSuccessAt }
}
