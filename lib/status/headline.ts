// The one sentence at the top of a vendor page. It must agree with the vendor's own page: a page
// "Under Maintenance" is in maintenance, and planned work is not an outage. When a real problem
// runs at the same time (the pipeline then keeps the worse status, lib/ingest statuspage-normalize),
// the headline names the maintenance first and the problem second, instead of calling the whole
// maintenance window an outage.
import { isMaintenanceRunning } from './lifecycle'
import type { MaintenanceStatus, ServiceStatus } from './statuses'

export const STATUS_HEADLINE: Record<ServiceStatus, string> = {
  operational: 'All systems operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  maintenance: 'Maintenance in progress',
  unknown: 'Status unknown',
}

/** How each problem reads after "Under maintenance, with …". */
const ALONGSIDE_MAINTENANCE: Partial<Record<ServiceStatus, string>> = {
  degraded: 'degraded performance',
  partial_outage: 'a partial outage',
  major_outage: 'a major outage',
}

export interface HeadlineInput {
  status: ServiceStatus
  /** The vendor page's own words for its overall status ("Service Under Maintenance"). */
  statusText: string | null
  maintenances: readonly { status: MaintenanceStatus }[]
}

/** Whether the vendor's page says it is under maintenance right now (its own words, or a running window). */
export function isUnderMaintenance({ statusText, maintenances }: Omit<HeadlineInput, 'status'>): boolean {
  return (statusText !== null && /maintenance/i.test(statusText)) || maintenances.some((m) => isMaintenanceRunning(m.status))
}

export function statusHeadline(input: HeadlineInput): string {
  const alongside = ALONGSIDE_MAINTENANCE[input.status]
  if (alongside && isUnderMaintenance(input)) return `Under maintenance, with ${alongside}`
  return STATUS_HEADLINE[input.status]
}
