// The overall status never says "operational" next to an open incident (issue 14 #2), for every
// platform. Statuspage's `status.indicator` is the blended *component* status: an incident that
// changes no component leaves it at `none` ("All Systems Operational") while the page shows the
// incident in its impact colour (551 of 10,226 captures of GitHub's summary). So the overall
// status is the worse of what the page's indicator says and what its open incidents' impacts imply:
//
//   impact minor -> degraded, major -> partial_outage, critical -> major_outage
//
// Impacts `none` and `unknown` (feeds, Cachet: no impact at all) change nothing: a notice is not an
// outage, and an impact we do not know is never guessed. Pure; applied once to every snapshot in
// lib/ingest/sources/read-warnings.ts (`readSnapshot`).
import { isIncidentOver } from './lifecycle'
import { worstStatus, type IncidentImpact, type ServiceStatus } from './statuses'
import type { NormalizedIncident } from './snapshot'

/** The service status an open incident of this impact implies; null when it implies nothing. */
export const OPEN_IMPACT_STATUS: Readonly<Record<IncidentImpact, ServiceStatus | null>> = {
  none: null,
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  unknown: null,
}

interface IncidentLike {
  status: NormalizedIncident['status']
  impact: IncidentImpact
  resolvedAt: Date | null
}

export const isOpenIncident = (i: IncidentLike) => !isIncidentOver(i)

/** Open incidents of impact minor or higher, worst impact first (ties keep their order). */
export function impactfulOpenIncidents<T extends IncidentLike>(incidents: readonly T[]): T[] {
  const rank = (i: T) => ['minor', 'major', 'critical'].indexOf(i.impact)
  return incidents.filter((i) => isOpenIncident(i) && rank(i) >= 0).sort((a, b) => rank(b) - rank(a))
}

/**
 * `status` raised to what the open incidents imply. A page in maintenance with an open major
 * incident reads partial_outage; `unknown` next to an open minor incident reads degraded (we know
 * at least that much); a worse status from the page is kept.
 */
export function statusWithOpenIncidents(status: ServiceStatus, incidents: readonly IncidentLike[]): ServiceStatus {
  const implied = impactfulOpenIncidents(incidents).flatMap((i) => OPEN_IMPACT_STATUS[i.impact] ?? [])
  if (implied.length === 0) return status
  return worstStatus([status, ...implied]) ?? status
}
