// When an incident is over and which maintenance windows are still open, said once for the
// pipeline (diff, stored-state loading), the data layer's queries and the pages.
import type { IncidentStatus, MaintenanceStatus } from './statuses'

/** Upstream statuses that end an incident: `postmortem` is published after the end, so it is over too. */
export const INCIDENT_OVER_STATUSES = ['resolved', 'postmortem'] as const satisfies readonly IncidentStatus[]

/** Upstream's own word only: the incident's status says it has ended. */
export const isIncidentOverStatus = (status: IncidentStatus): boolean => (INCIDENT_OVER_STATUSES as readonly IncidentStatus[]).includes(status)

/**
 * Over when upstream's status says so, or when we recorded an end (`resolvedAt`): an incident that
 * left an 'active' list is resolved by us while its last status may still read `monitoring`.
 */
export const isIncidentOver = (incident: { status: IncidentStatus; resolvedAt: Date | null }): boolean =>
  incident.resolvedAt !== null || isIncidentOverStatus(incident.status)

/** A window that is happening now. */
export const RUNNING_MAINTENANCE_STATUSES = ['in_progress', 'verifying'] as const satisfies readonly MaintenanceStatus[]

/** A window still ahead; `unknown` is kept here rather than dropped, as nothing says it ended. */
export const UPCOMING_MAINTENANCE_STATUSES = ['scheduled', 'unknown'] as const satisfies readonly MaintenanceStatus[]

/** Not finished (neither completed nor cancelled): upcoming or running. */
export const OPEN_MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'unknown'] as const satisfies readonly MaintenanceStatus[]

export const isMaintenanceRunning = (status: MaintenanceStatus): boolean => (RUNNING_MAINTENANCE_STATUSES as readonly MaintenanceStatus[]).includes(status)
/** How long after its start a window without an end still counts as upcoming. */
export const UNENDED_WINDOW_MS = 24 * 3_600_000

/**
 * Still to come or running at `now`: not finished, and either its announced end is ahead, or it
 * has no end and is running or started less than a day ago (a window still "scheduled" a day after
 * its start is a leftover). The stack page's query selects the same (lib/data/stack-pages.ts);
 * this applies it again to content kept in a cache since an earlier instant.
 */
export function isOpenMaintenanceAt(m: { status: MaintenanceStatus; scheduledFor: Date; scheduledUntil: Date | null }, now: Date): boolean {
  if (!(OPEN_MAINTENANCE_STATUSES as readonly MaintenanceStatus[]).includes(m.status)) return false
  if (m.scheduledUntil) return m.scheduledUntil.getTime() >= now.getTime()
  return isMaintenanceRunning(m.status) || m.scheduledFor.getTime() >= now.getTime() - UNENDED_WINDOW_MS
}

export const isMaintenanceUpcoming = (status: MaintenanceStatus): boolean => (UPCOMING_MAINTENANCE_STATUSES as readonly MaintenanceStatus[]).includes(status)
