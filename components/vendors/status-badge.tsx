import type { ServiceStatus } from '@/lib/ingest/normalize'
import { STATUS_META } from './status-meta'

/** A status badge that reads without colour: a symbol and words, colour as a third cue. */
export function StatusBadge({ status, label }: { status: ServiceStatus; label?: string }) {
  const meta = STATUS_META[status]
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${meta.badgeClass}`}>
      <span aria-hidden="true">{meta.symbol}</span>
      {label ?? meta.label}
    </span>
  )
}

/** For vendors we have never checked (or cannot check): says so instead of showing a status. */
export function NotCheckedBadge({ monitored }: { monitored: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300">
      <span aria-hidden="true">–</span>
      {monitored ? 'Not checked yet' : 'Not monitored'}
    </span>
  )
}
