// How each normalized status is presented: words and a symbol first, colour only as a third cue.
import type { ServiceStatus } from '@/lib/ingest/normalize'

export interface StatusMeta {
  label: string
  /** A glyph that differs per status, so the badge reads without colour. */
  symbol: string
  badgeClass: string
  dotClass: string
}

export const STATUS_META: Record<ServiceStatus, StatusMeta> = {
  operational: {
    label: 'Operational',
    symbol: '✓',
    badgeClass: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30',
    dotClass: 'bg-emerald-500',
  },
  degraded: {
    label: 'Degraded performance',
    symbol: '~',
    badgeClass: 'bg-yellow-50 text-yellow-800 ring-yellow-600/30 dark:bg-yellow-400/10 dark:text-yellow-200 dark:ring-yellow-400/30',
    dotClass: 'bg-yellow-400',
  },
  partial_outage: {
    label: 'Partial outage',
    symbol: '!',
    badgeClass: 'bg-orange-50 text-orange-800 ring-orange-600/30 dark:bg-orange-400/10 dark:text-orange-200 dark:ring-orange-400/30',
    dotClass: 'bg-orange-500',
  },
  major_outage: {
    label: 'Major outage',
    symbol: '✕',
    badgeClass: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-500/10 dark:text-red-200 dark:ring-red-400/30',
    dotClass: 'bg-red-600',
  },
  maintenance: {
    label: 'Under maintenance',
    symbol: '⚙',
    badgeClass: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-400/10 dark:text-sky-200 dark:ring-sky-400/30',
    dotClass: 'bg-sky-500',
  },
  unknown: {
    label: 'Status unknown',
    symbol: '?',
    badgeClass: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30',
    dotClass: 'bg-slate-400',
  },
}
