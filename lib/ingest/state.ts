// What the diff compares a fresh snapshot against: the stored state of one vendor, loaded with
// just the fields the comparison needs. The loader takes the database handle as a parameter
// (everything impure is passed in), so the refresh cycle is testable against any database.
import type { Db } from '@/lib/db/client'
import { OPEN_MAINTENANCE_STATUSES } from '@/lib/status/lifecycle'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/status/statuses'
import type { StatusSnapshot } from '@/lib/status/snapshot'

export interface StoredGroup {
  id: string
  externalId: string
  name: string
  position: number
  removedAt: Date | null
}

export interface StoredComponent {
  id: string
  externalId: string
  name: string
  description: string | null
  groupId: string | null
  position: number
  status: ServiceStatus
  onlyShowIfDegraded: boolean
  removedAt: Date | null
}

export interface StoredUpdate {
  id: string
  externalId: string
  status: IncidentStatus
  bodyHash: string
  publishedAt: Date
}

export interface StoredIncident {
  id: string
  externalId: string
  title: string
  status: IncidentStatus
  impact: IncidentImpact
  startedAt: Date
  resolvedAt: Date | null
  url: string | null
  postmortemBody: string | null
  postmortemPublishedAt: Date | null
  /** External ids of the linked components. */
  componentExternalIds: string[]
  updates: StoredUpdate[]
}

export interface StoredMaintenance {
  id: string
  externalId: string
  title: string
  status: MaintenanceStatus
  impact: IncidentImpact
  scheduledFor: Date
  scheduledUntil: Date | null
  startedAt: Date | null
  completedAt: Date | null
  url: string | null
  bodyHash: string | null
  componentExternalIds: string[]
}

export interface StoredVendorState {
  vendorId: string
  status: ServiceStatus
  statusText: string | null
  /** No successful ingest yet: whatever this one finds is history, not news. */
  isBaseline: boolean
  groups: StoredGroup[]
  components: StoredComponent[]
  incidents: StoredIncident[]
  maintenances: StoredMaintenance[]
}

/**
 * Loads the vendor's groups and components, and the incidents and maintenances the diff can
 * touch: the ones in the snapshot plus every stored open one (which may have ended upstream).
 * Old resolved incidents that left the upstream list are not loaded: nothing can change them.
 */
export async function loadVendorState(db: Db, vendorId: string, snapshot: StatusSnapshot): Promise<StoredVendorState> {
  const incidentIds = snapshot.incidents.map((i) => i.externalId)
  const maintenanceIds = snapshot.maintenances.map((m) => m.externalId)
  const [vendor, groups, components, incidents, maintenances] = await Promise.all([
    db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { status: true, statusText: true, source: { select: { baselineAt: true } } } }),
    db.componentGroup.findMany({ where: { vendorId }, select: { id: true, externalId: true, name: true, position: true, removedAt: true } }),
    db.component.findMany({
      where: { vendorId },
      select: { id: true, externalId: true, name: true, description: true, groupId: true, position: true, status: true, onlyShowIfDegraded: true, removedAt: true },
    }),
    db.incident.findMany({
      where: { vendorId, OR: [{ externalId: { in: incidentIds } }, { resolvedAt: null }] },
      select: {
        id: true,
        externalId: true,
        title: true,
        status: true,
        impact: true,
        startedAt: true,
        resolvedAt: true,
        url: true,
        postmortemBody: true,
        postmortemPublishedAt: true,
        components: { select: { component: { select: { externalId: true } } } },
        updates: { select: { id: true, externalId: true, status: true, bodyHash: true, publishedAt: true } },
      },
    }),
    db.maintenance.findMany({
      where: { vendorId, OR: [{ externalId: { in: maintenanceIds } }, { status: { in: [...OPEN_MAINTENANCE_STATUSES] } }] },
      select: {
        id: true,
        externalId: true,
        title: true,
        status: true,
        impact: true,
        scheduledFor: true,
        scheduledUntil: true,
        startedAt: true,
        completedAt: true,
        url: true,
        bodyHash: true,
        components: { select: { component: { select: { externalId: true } } } },
      },
    }),
  ])
  return {
    vendorId,
    status: vendor.status,
    statusText: vendor.statusText,
    isBaseline: vendor.source?.baselineAt == null,
    groups,
    components,
    incidents: incidents.map(({ components: links, ...i }) => ({ ...i, componentExternalIds: links.map((l) => l.component.externalId) })),
    maintenances: maintenances.map(({ components: links, ...m }) => ({ ...m, componentExternalIds: links.map((l) => l.component.externalId) })),
  }
}
