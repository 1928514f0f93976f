// The status vocabulary every layer speaks: the pipeline writes these values, the database stores
// them, the pages, API, feeds and emails show them. Enumerations are `as const` arrays so one list
// gives the TypeScript type, the zod schema and the iteration order. They mirror the Prisma enums
// of the same names (checked in statuses.test.ts).
import { z } from 'zod'

export const SERVICE_STATUSES = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown'] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]
export const serviceStatusSchema = z.enum(SERVICE_STATUSES)

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'unknown'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical', 'unknown'] as const
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number]

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled', 'unknown'] as const
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number]

/** Worst first: the order used to pick "the worst" of several statuses. `unknown` ranks below real outages. */
const STATUS_SEVERITY: Record<ServiceStatus, number> = {
  major_outage: 5,
  partial_outage: 4,
  degraded: 3,
  unknown: 2,
  maintenance: 1,
  operational: 0,
}

export function worstStatus(statuses: Iterable<ServiceStatus>): ServiceStatus | null {
  let worst: ServiceStatus | null = null
  for (const s of statuses) if (worst === null || STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s
  return worst
}
