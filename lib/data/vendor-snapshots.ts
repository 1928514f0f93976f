// A vendor's stored status (groups, components, incidents, maintenances) as the refresh reads and
// writes it. The read loads just what the diff compares a fresh snapshot against; the write applies
// a changed vendor in ONE transaction (its rows, history, change events and the source's
// bookkeeping), fenced on the lease: a worker that dies midway leaves nothing half-written, and one
// that lost its lease writes nothing.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import { OPEN_MAINTENANCE_STATUSES } from '@/lib/status/lifecycle'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/status/statuses'
import { recordChangeEvents, type ChangeEventWrite } from './change-events'
import { hasLinkablePossibleOutage, linkOfficialIncidents } from './possible-outages'
import { writeComponents, type ComponentWrites } from './components'
import { writeIncidents, type IncidentWrites } from './incidents'
import { writeMaintenances, type MaintenanceWrites } from './maintenances'
import { jsonIds } from './json-rows'
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
 *
 * One statement, its parts gathered as JSON: five parallel Prisma reads (and the relations'
 * follow-ups) took five pool connections per vendor, so seven vendors loading at once queued for
 * the pool's ten, and each read waited for the database process to be scheduled on a busy host.
 */
export async function loadVendorState(
  vendorId: string,
  snapshot: { incidents: readonly { externalId: string }[]; maintenances: readonly { externalId: string }[] },
): Promise<StoredVendorState> {
  const incidentIds = snapshot.incidents.map((i) => i.externalId)
  const maintenanceIds = snapshot.maintenances.map((m) => m.externalId)
  const rows = await db.$queryRaw<{ state: string | null }[]>(Prisma.sql`
    SELECT json_build_object(
      'status', v.status, 'statusText', v."statusText", 'baselineAt', s."baselineAt",
      'groups', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'externalId', g."externalId", 'name', g.name, 'position', g.position,
                        'absentSince', ${stamp('g."absentSince"')}, 'removedAt', ${stamp('g."removedAt"')})), '[]')
                   FROM "ComponentGroup" AS g WHERE g."vendorId" = v.id),
      'components', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'externalId', c."externalId", 'name', c.name, 'description', c.description,
                        'groupId', c."groupId", 'position', c.position, 'status', c.status, 'onlyShowIfDegraded', c."onlyShowIfDegraded",
                        'absentSince', ${stamp('c."absentSince"')}, 'removedAt', ${stamp('c."removedAt"')})), '[]')
                   FROM "Component" AS c WHERE c."vendorId" = v.id),
      'incidents', (SELECT coalesce(json_agg(json_build_object('id', i.id, 'externalId', i."externalId", 'title', i.title, 'status', i.status,
                        'impact', i.impact, 'startedAt', ${stamp('i."startedAt"')}, 'resolvedAt', ${stamp('i."resolvedAt"')}, 'url', i.url,
                        'postmortemBody', i."postmortemBody", 'postmortemPublishedAt', ${stamp('i."postmortemPublishedAt"')},
                        'componentExternalIds', (SELECT coalesce(json_agg(c."externalId"), '[]') FROM "IncidentComponent" AS l
                                                   JOIN "Component" AS c ON c.id = l."componentId" WHERE l."incidentId" = i.id),
                        'updates', (SELECT coalesce(json_agg(json_build_object('id', u.id, 'externalId', u."externalId", 'status', u.status,
                                       'bodyHash', u."bodyHash", 'publishedAt', ${stamp('u."publishedAt"')})), '[]')
                                      FROM "IncidentUpdate" AS u WHERE u."incidentId" = i.id))), '[]')
                   FROM "Incident" AS i
                  WHERE i."vendorId" = v.id AND (i."externalId" IN ${jsonIds(incidentIds)} OR i."resolvedAt" IS NULL)),
      'maintenances', (SELECT coalesce(json_agg(json_build_object('id', m.id, 'externalId', m."externalId", 'title', m.title, 'status', m.status,
                        'impact', m.impact, 'scheduledFor', ${stamp('m."scheduledFor"')}, 'scheduledUntil', ${stamp('m."scheduledUntil"')},
                        'startedAt', ${stamp('m."startedAt"')}, 'completedAt', ${stamp('m."completedAt"')}, 'url', m.url, 'bodyHash', m."bodyHash",
                        'componentExternalIds', (SELECT coalesce(json_agg(c."externalId"), '[]') FROM "MaintenanceComponent" AS l
                                                   JOIN "Component" AS c ON c.id = l."componentId" WHERE l."maintenanceId" = m.id))), '[]')
                   FROM "Maintenance" AS m
                  WHERE m."vendorId" = v.id AND (m."externalId" IN ${jsonIds(maintenanceIds)} OR m.status::text IN ${jsonIds([...OPEN_MAINTENANCE_STATUSES])}))
    )::text AS state
      FROM "Vendor" AS v LEFT JOIN "StatusSource" AS s ON s."vendorId" = v.id
     WHERE v.id = ${vendorId}`)
  const state = rows[0]?.state
  if (!state) throw new Error(`no vendor ${vendorId}`)
  const { baselineAt, ...stored } = JSON.parse(state, reviveStamps) as Omit<StoredVendorState, 'vendorId' | 'isBaseline'> & { baselineAt: Date | null }
  return { vendorId, ...stored, isBaseline: baselineAt === null }
}

/** A timestamp column as JSON text the reviver turns back into a Date (columns hold UTC). */
const stamp = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
const STAMP_KEYS = new Set(['baselineAt', 'absentSince', 'removedAt', 'startedAt', 'resolvedAt', 'postmortemPublishedAt', 'publishedAt', 'scheduledFor', 'scheduledUntil', 'completedAt'])
const reviveStamps = (key: string, value: unknown) => (STAMP_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value)
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
  // A new official incident that is news closes and links the vendor's possible outage (issue 19)
  // in the write transaction; the one-statement write does not, so a plan that opens one while the
  // vendor has an outage to link takes the transaction (one indexed read, only when an incident
  // opens). An outage opened between that read and the write is not linked: a window of
  // milliseconds against a 60-minute lead window, and the cost is one unmeasured lead.
  if (isCreatesOnly(writes) && !(!isBaseline && opensNewsIncident(writes) && (await hasLinkablePossibleOutage(vendorId, check.now)))) {
    return insertVendorCreates(vendorId, writes, check, isBaseline)
  }
  return applyInTransaction(vendorId, writes, check, isBaseline)
}

function opensNewsIncident(writes: VendorWrites): boolean {
  return writes.events.some((e) => e.kind === 'incident_opened' && !e.baseline)
}

/** Any plan, in one transaction; exported so a test can hold the one-statement write to it. */
export async function applyInTransaction(
  vendorId: string,
  writes: VendorWrites,
  check: CheckedSource,
  isBaseline: boolean,
): Promise<{ events: number; incidentIds: string[] }> {
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
      // Issue 19: an official incident that is news closes (and links) our possible outage in this
      // same transaction, so the notifier never reads incident_opened before the link exists.
      const opened = writes.events.flatMap((e) => (e.kind === 'incident_opened' && !e.baseline && e.incidentExternalId ? [incidents.get(e.incidentExternalId)] : []))
      if (!isBaseline) await linkOfficialIncidents(tx, vendorId, opened.filter((id) => id !== undefined), check.now)
      return { events, incidentIds: [...incidents.values()] }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}
