// How each normalized status is presented: words and a symbol first, colour only as a third cue.
import { SERVICE_STATUS_LABEL } from '@/lib/format/status-labels'
import type { ServiceStatus } from '@/lib/status/statuses'

export interface StatusMeta {
  label: string
  /** A glyph that differs per status, so the badge reads without colour. */
  symbol: string
  /** A class from app/globals.css (short names keep big component lists small). */
  badgeClass: string
  dotClass: string
}

export const STATUS_META: Record<ServiceStatus, StatusMeta> = {
  operational: {
    label: SERVICE_STATUS_LABEL.operational,
    symbol: '✓',
    badgeClass: 'status-badge-operational',
    dotClass: 'bg-emerald-500',
  },
  degraded: {
    label: SERVICE_STATUS_LABEL.degraded,
    symbol: '~',
    badgeClass: 'status-badge-degraded',
    dotClass: 'bg-yellow-400',
  },
  partial_outage: {
    label: SERVICE_STATUS_LABEL.partial_outage,
    symbol: '!',
    badgeClass: 'status-badge-partial-outage',
    dotClass: 'bg-orange-500',
  },
  major_outage: {
    label: SERVICE_STATUS_LABEL.major_outage,
    symbol: '✕',
    badgeClass: 'status-badge-major-outage',
    dotClass: 'bg-red-600',
  },
  maintenance: {
    label: SERVICE_STATUS_LABEL.maintenance,
    symbol: '⚙',
    badgeClass: 'status-badge-maintenance',
    dotClass: 'bg-sky-500',
  },
  unknown: {
    label: SERVICE_STATUS_LABEL.unknown,
    symbol: '?',
    badgeClass: 'status-badge-unknown',
    dotClass: 'bg-slate-400',
  },
}
