// Statuses in words, shared by the pages, the API docs and the emails.
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/status/statuses'

export const SERVICE_STATUS_LABEL: Record<ServiceStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  maintenance: 'Under maintenance',
  unknown: 'Status unknown',
}

export const IMPACT_LABEL: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
  unknown: 'Impact unknown',
}

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  unknown: 'Status unknown',
}

export const MAINTENANCE_STATUS_LABEL: Record<MaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
  unknown: 'Status unknown',
}

/**
 * An incident's own state in words. `postmortem` means resolved with a postmortem, which is shown
 * separately, so the state itself reads "Resolved" (update labels keep "Postmortem").
 */
export const incidentStateLabel = (status: IncidentStatus): string => (status === 'postmortem' ? 'Resolved' : INCIDENT_STATUS_LABEL[status])
