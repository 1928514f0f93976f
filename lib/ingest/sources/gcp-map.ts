// Google status wire values -> normalized ones, and the "Incident Report" (postmortem) detector.
// Google has no incident phases (docs/status-page-formats.md §5): update `status` is the service state at the time.
import type { IncidentImpact, IncidentStatus, ServiceStatus } from '@/lib/status/statuses'


export const SEVERITY_IMPACT: Readonly<Record<string, IncidentImpact>> = {
  LOW: 'minor',
  MEDIUM: 'major',
  HIGH: 'critical',
}

/**
 * The state a product is in while an incident with this latest update status is open.
 * SERVICE_INFORMATION is Google's lowest level ("informational": a known issue with a
 * workaround or limited effect), so it reads as degraded rather than an outage.
 */
export const SERVICE_STATE: Readonly<Record<string, ServiceStatus>> = {
  AVAILABLE: 'operational',
  SERVICE_INFORMATION: 'degraded',
  SERVICE_DISRUPTION: 'partial_outage',
  SERVICE_OUTAGE: 'major_outage',
}

/** Update status while the incident has no `end`: still impaired, or recovered but not yet closed. */
export const OPEN_PHASE: Readonly<Record<string, IncidentStatus>> = {
  AVAILABLE: 'monitoring',
  SERVICE_INFORMATION: 'investigating',
  SERVICE_DISRUPTION: 'investigating',
  SERVICE_OUTAGE: 'investigating',
}

/**
 * Whether an update is a post-incident report. Google titles them in many ways, always on the
 * first line: "# Incident Report", "## PRELIMINARY INCIDENT REPORT ##", "**Mini Incident Report**",
 * "INCIDENT REPORT (Combined GCP / WS)", "# UPDATED INCIDENT REPORT", "Mini Incident Report while
 * full Incident Report is prepared". Pointers such as "The Incident Report is now available ..."
 * or "Please refer to ... the mini incident report" are not reports.
 */
export function isIncidentReport(text: string): boolean {
  const newline = text.indexOf('\n')
  const firstLine = (newline < 0 ? text : text.slice(0, newline)).slice(0, 200)
  const heading = firstLine.replace(/^[\s#*_]+/, '').toLowerCase()
  return /^(?:(?:updated|preliminary|mini|full|final)\s+)*incident report\b/.test(heading)
}
