import type { ServiceStatus } from '@/lib/status/statuses'
import { STATUS_META } from './status-meta'

/** A status badge that reads without colour: a symbol and words, colour as a third cue. */
export function StatusBadge({ status, label }: { status: ServiceStatus; label?: string }) {
  const meta = STATUS_META[status]
  return (
    <span className={`status-badge ${meta.badgeClass}`}>
      <span aria-hidden="true">{meta.symbol}</span>
      {label ?? meta.label}
    </span>
  )
}

/** Why we show no status: not monitored, not checked yet, or checked but never readable. */
export type NoStatusReason = 'unmonitored' | 'not_checked' | 'unreadable'

const NO_STATUS_LABEL: Record<NoStatusReason, string> = {
  unmonitored: 'Not monitored',
  not_checked: 'Not checked yet',
  // Tried and failed: "not checked yet" would be untrue.
  unreadable: 'Status unavailable',
}

/** For vendors we have no status for: says why instead of showing a status. */
export function NotCheckedBadge({ reason }: { reason: NoStatusReason }) {
  return (
    <span className="status-badge status-badge-unknown">
      <span aria-hidden="true">–</span>
      {NO_STATUS_LABEL[reason]}
    </span>
  )
}
