// "Is it them or us?" When most vendors fail to even connect, the likely cause is our own
// outbound network (no route, no DNS, a firewall), not a thousand vendors down at once. Shared by
// the refresh (one log line per cycle) and /api/health (the `degraded` verdict). Pure.

/** Failure kinds that mean "could not reach the host" (DNS, TCP, TLS, connect/read timeouts). */
export const NETWORK_FAILURE_KINDS = ['network', 'timeout'] as const

export function isNetworkFailureKind(kind: string | null | undefined): boolean {
  return (NETWORK_FAILURE_KINDS as readonly string[]).includes(kind ?? '')
}

/**
 * More than half of `total` failed for network reasons. A strict majority: one unreachable
 * vendor among two is a vendor problem, not ours.
 */
export function looksLikeNetworkOutage(networkFailures: number, total: number): boolean {
  return total > 0 && networkFailures * 2 > total
}
