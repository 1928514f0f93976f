// How incident impacts and timeline days are presented: words first, colour as a second cue.
import { IMPACT_LABEL } from '@/lib/format/status-labels'
import type { IncidentImpact } from '@/lib/status/statuses'
import type { DayState } from '@/lib/status/outage-timeline'

export { IMPACT_LABEL, INCIDENT_STATUS_LABEL, incidentStateLabel } from '@/lib/format/status-labels'

/** Badge colours per impact (with the words inside, never colour alone). */
export const IMPACT_BADGE: Record<IncidentImpact, string> = {
  none: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300',
  unknown: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300',
  minor: 'bg-yellow-50 text-yellow-800 ring-yellow-600/30 dark:bg-yellow-400/10 dark:text-yellow-200',
  major: 'bg-orange-50 text-orange-800 ring-orange-600/30 dark:bg-orange-400/10 dark:text-orange-200',
  critical: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-500/10 dark:text-red-200',
}

export const DAY_STATE: Record<DayState, { label: string; cell: string }> = {
  no_data: { label: 'No data', cell: 'bg-slate-200 dark:bg-slate-700' },
  clear: { label: 'No incidents', cell: 'bg-emerald-500' },
  none: { label: 'Incident without impact', cell: 'bg-emerald-300 dark:bg-emerald-700' },
  unknown: { label: 'Incident of unknown impact', cell: 'bg-slate-500' },
  minor: { label: 'Minor incident', cell: 'bg-yellow-400' },
  major: { label: 'Major incident', cell: 'bg-orange-500' },
  critical: { label: 'Critical incident', cell: 'bg-red-600' },
}

/**
 * Days before our first read that the vendor's own incident list fills: the impact colour under a
 * hatch (.timeline-from-history in app/globals.css), named in the legend and in every label.
 */
export const FROM_VENDOR_HISTORY = { label: "From the vendor's history", cell: 'timeline-from-history' } as const
