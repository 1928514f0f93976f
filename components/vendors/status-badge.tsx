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

/** For vendors we have never checked (or cannot check): says so instead of showing a status. */
export function NotCheckedBadge({ monitored }: { monitored: boolean }) {
  return (
    <span className="status-badge status-badge-unknown">
      <span aria-hidden="true">–</span>
      {monitored ? 'Not checked yet' : 'Not monitored'}
    </span>
  )
}
