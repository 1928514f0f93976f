// What is down right now, for the home page: vendors whose last fresh read shows a problem, with
// their open incidents and how many people watch them (most-watched first).
import { db } from '@/lib/db/client'
import { INCIDENT_OVER_STATUSES, RUNNING_MAINTENANCE_STATUSES } from '@/lib/status/lifecycle'
import { realComponents } from '@/lib/status/placeholder-components'
import type { SourceCheckState } from '@/lib/status/freshness'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, Platform, ServiceStatus } from '@/lib/db/generated/enums'

/** Statuses that mean "down" on the home page; maintenance is planned work, unknown says nothing. */
export const DOWN_STATUSES = ['degraded', 'partial_outage', 'major_outage'] as const satisfies readonly ServiceStatus[]

export interface DownNowRow {
  slug: string
  name: string
  status: ServiceStatus
  statusText: string | null
  statusChangedAt: Date | null
  watchers: number
  source: (SourceCheckState & { platform: Platform; apiUrl: string | null }) | null
  openIncidents: { id: string; title: string; status: IncidentStatus; impact: IncidentImpact; startedAt: Date; resolvedAt: Date | null; components: { component: { name: string } }[] }[]
  /** Running maintenance windows: the sentence names maintenance as maintenance. */
  maintenances: { title: string; status: MaintenanceStatus; startedAt: Date | null; scheduledFor: Date }[]
  /** Components not operational (placeholders removed): named when no incident names any. */
  components: { name: string; status: ServiceStatus }[]
}

/**
 * Vendors read successfully since `freshSince` whose status is a problem, most-watched first (then
 * the newest change). A vendor we can no longer read is not listed as down: we do not know.
 */
export async function listDownNow(freshSince: Date, limit: number): Promise<DownNowRow[]> {
  const rows = await db.vendor.findMany({
    // A vendor added by URL and not reviewed yet is not on public lists (lib/catalog/add-by-url.ts).
    where: { pendingReview: false, status: { in: [...DOWN_STATUSES] }, source: { lastSuccessAt: { gte: freshSince }, consecutiveFailures: 0 } },
    orderBy: [{ watchers: { _count: 'desc' } }, { statusChangedAt: 'desc' }, { slug: 'asc' }],
    take: limit,
    select: {
      slug: true,
      name: true,
      status: true,
      statusText: true,
      statusChangedAt: true,
      _count: { select: { watchers: true } },
      source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
      maintenances: { where: { status: { in: [...RUNNING_MAINTENANCE_STATUSES] } }, select: { title: true, status: true, startedAt: true, scheduledFor: true } },
      components: {
        where: { removedAt: null, status: { not: 'operational' } },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
        select: { name: true, status: true },
      },
      incidents: {
        where: { resolvedAt: null, status: { notIn: [...INCIDENT_OVER_STATUSES] } },
        orderBy: { startedAt: 'asc' },
        select: { id: true, title: true, status: true, impact: true, startedAt: true, resolvedAt: true, components: { select: { component: { select: { name: true } } } } },
      },
    },
  })
  return rows.map(({ _count, incidents, components, ...v }) => ({ ...v, watchers: _count.watchers, openIncidents: incidents, components: realComponents(components) }))
}
