// A vendor's stored status (groups, components, incidents, maintenances) as the refresh reads and
// writes it. The read loads just what the diff compares a fresh snapshot against; the write applies
// a changed vendor in ONE transaction (its rows, history, change events and the source's
// bookkeeping), fenced on the lease: a worker that dies midway leaves nothing half-written, and one
// that lost its lease writes nothing.
import { db } from '@/lib/db/client'
import { OPEN_MAINTENANCE_STATUSES } from '@/lib/status/lifecycle'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/status/statuses'
import { recordChangeEvents, type ChangeEventWrite } from './change-events'
import { writeComponents, type ComponentWrites } from './components'
import { writeIncidents, type IncidentWrites } from './incidents'
import { writeMaintenances, type MaintenanceWrites } from './maintenances'
import { insertVendorCreates, isCreatesOnly } from './vendor-creates'
import { fenceSource, type CheckedSource } from './status-sources'

export interface StoredGroup {
  id: string
  externalId: string
  name: string
  position: number
  absentSince: Date | null
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
  absentSince: Date | null
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
 * touch: the ones the fresh snapshot lists (by external id) plus every stored open one (which may
 * have ended upstream). Old resolved incidents that left the upstream list are not loaded: nothing
 * can change them.
 */
export async function loadVendorState(
  vendorId: string,
  snapshot: { incidents: readonly { externalId: string }[]; maintenances: readonly { externalId: string }[] },
): Promise<StoredVendorState> {
  const incidentIds = snapshot.incidents.map((i) => i.externalId)
  const maintenanceIds = snapshot.maintenances.map((m) => m.externalId)
  const [vendor, groups, components, incidents, maintenances] = await Promise.all([
    db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { status: true, statusText: true, source: { select: { baselineAt: true } } } }),
    db.componentGroup.findMany({ where: { vendorId }, select: { id: true, externalId: true, name: true, position: true, absentSince: true, removedAt: true } }),
    db.component.findMany({
      where: { vendorId },
      select: { id: true, externalId: true, name: true, description: true, groupId: true, position: true, status: true, onlyShowIfDegraded: true, absentSince: true, removedAt: true },
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

/** Everything one changed vendor writes (the diff's plan). */
export interface VendorWrites {
  vendorStatus: { status: ServiceStatus; statusText: string | null } | null
  components: ComponentWrites
  incidents: IncidentWrites
  maintenances: MaintenanceWrites
  events: ChangeEventWrite[]
}

/**
 * Applies a non-empty plan; returns the change events recorded and the incidents it wrote. A plan
 * that only adds rows (every baseline) is one statement (vendor-creates.ts); one that changes
 * stored rows is this transaction.
 */
export async function applyVendorChanges(
  vendorId: string,
  writes: VendorWrites,
  check: CheckedSource,
  isBaseline: boolean,
): Promise<{ events: number; incidentIds: string[] }> {
  if (isCreatesOnly(writes)) return insertVendorCreates(vendorId, writes, check, isBaseline)
  return db.$transaction(
    async (tx) => {
      // The fence comes first: it also row-locks the source, serialising writers of this vendor.
      await fenceSource(tx, check, { changed: true, isBaseline })
      if (writes.vendorStatus) {
        await tx.vendor.update({ where: { id: vendorId }, data: { ...writes.vendorStatus, statusChangedAt: check.now } })
      }
      const components = await writeComponents(tx, vendorId, writes.components, check.now)
      const incidents = await writeIncidents(tx, vendorId, writes.incidents, components, check.now)
      const maintenances = await writeMaintenances(tx, vendorId, writes.maintenances, components)
      const events = await recordChangeEvents(tx, vendorId, writes.events, { incidents, maintenances, components }, check.now)
      return { events, incidentIds: [...incidents.values()] }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}
