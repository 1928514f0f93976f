// What /api/health says, decided from facts the data layer read: `ok`, `degraded` (the app serves,
// but what it shows or sends is not to be trusted: list why) or `error` (the database does not
// answer). Pure: the clock and every count come in.
//
// `degraded` answers 200, like `ok`: health is also what load balancers and container runtimes
// probe, and pulling or restarting the app cannot bring back the outbound network or a vendor's
// page; it would only add an outage of our own pages. Monitors read `status`. Only a database
// that does not answer (nothing can be served) is 503.
import { looksLikeNetworkOutage } from '@/lib/status/network-outage'

export type HealthStatus = 'ok' | 'degraded' | 'error'

export const HEALTH_HTTP_STATUS = { ok: 200, degraded: 200, error: 503 } as const satisfies Record<HealthStatus, number>

export interface HealthFacts {
  now: Date
  /** Target time between refresh cycles (ms). */
  refreshIntervalMs: number
  /** Enabled sources on a known platform. */
  monitored: number
  /** Monitored sources whose last check failed for a network reason (DNS, connect, timeout). */
  failingNetwork: number
  /** Instant alerts still unsent well after they were due. */
  stuckDeliveries: number
  /** Start of the newest refresh cycle; null when none ever ran. */
  lastRefreshStartedAt: Date | null
}

export interface HealthVerdict {
  status: Exclude<HealthStatus, 'error'>
  reasons: string[]
}

/** An alert unsent this long after it was due is stuck, not queued (ms). */
export const OUTBOX_STUCK_AFTER_MS = 30 * 60_000
/**
 * A cycle starts every interval; one may run up to its lease. Overdue is well past both, so a
 * slow cycle or a skipped minute does not flap the verdict.
 */
export function refreshOverdueAfterMs(intervalMs: number): number {
  return Math.max(3 * intervalMs, 10 * 60_000)
}

export function healthVerdict(facts: HealthFacts): HealthVerdict {
  const reasons: string[] = []
  if (looksLikeNetworkOutage(facts.failingNetwork, facts.monitored)) {
    reasons.push(`${facts.failingNetwork} of ${facts.monitored} monitored vendors fail for network reasons (DNS, connect, timeout): outbound network looks unreachable`)
  }
  if (facts.stuckDeliveries > 0) {
    reasons.push(`${facts.stuckDeliveries} alert(s) still unsent more than ${OUTBOX_STUCK_AFTER_MS / 60_000} minutes after they were due: the outbox is stuck`)
  }
  // Never ran: nothing to be overdue against (a fresh install, or REFRESH_SCHEDULER=external before
  // the first cron call); the details show `lastRefresh: null` and `vendors.checked: 0`.
  if (facts.lastRefreshStartedAt) {
    const sinceMs = facts.now.getTime() - facts.lastRefreshStartedAt.getTime()
    if (sinceMs > refreshOverdueAfterMs(facts.refreshIntervalMs)) {
      reasons.push(`the last refresh cycle started ${Math.round(sinceMs / 60_000)} minutes ago: refreshes are overdue`)
    }
  }
  return { status: reasons.length ? 'degraded' : 'ok', reasons }
}
