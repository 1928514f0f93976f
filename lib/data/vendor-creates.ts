// A changed vendor whose plan only adds rows (a vendor's first read, which brings its whole
// history; a new incident or maintenance on a known vendor), written as ONE statement: the fence,
// the vendor's status and every insert are the sub-statements of one WITH. The same write through
// the Prisma transaction (vendor-snapshots.ts) is BEGIN, fence, ~12 statements and COMMIT, each a
// round trip that waits for the database process to be scheduled: on a busy 2-core host ~400 ms
// a vendor, which made writing 2,000 new vendors most of a baseline cycle (README "Refresh").
//
// Same guarantees as the transaction: one statement is atomic; the fence (the source row's lease)
// is evaluated first and every insert is conditional on it, so a worker that lost its lease writes
// nothing and gets LeaseLostError; the fence's row lock serialises writers of the vendor.
// Plans that change existing rows take the transaction (vendor-snapshots.ts decides).
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import { hashBody } from './body-hash'
import type { ChangeEventWrite } from './change-events'
import type { ComponentWrites } from './components'
import type { IncidentWrites } from './incidents'
import { jsonRows } from './json-rows'
import { LeaseLostError } from './lease-lost'
import type { MaintenanceWrites } from './maintenances'
import { newRowId } from './row-ids'
import { successSql, type CheckedSource } from './status-sources'
import type { VendorWrites } from './vendor-snapshots'

/** True when the plan adds rows and changes none: the one-statement write applies. */
export function isCreatesOnly(w: VendorWrites): boolean {
  const c = w.components
  const created = new Set(c.creates.map((x) => x.externalId))
  return (
    c.groupUpdates.length === 0 &&
    c.updates.length === 0 &&
    c.statusChanges.every((s) => s.from === null && created.has(s.componentExternalId)) &&
    w.incidents.updates.length === 0 &&
    w.maintenances.updates.length === 0
  )
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null

/** Applies a creates-only plan (isCreatesOnly); returns what applyVendorChanges returns. */
export async function insertVendorCreates(vendorId: string, writes: VendorWrites, check: CheckedSource, isBaseline: boolean): Promise<{ events: number; incidentIds: string[] }> {
  // @updatedAt columns: Prisma fills them with the wall clock, not the refresh's; so does this.
  const wallClock = new Date().toISOString()
  const now = check.now.toISOString()
  const rows = rowsOf(writes)
  const status = writes.vendorStatus
  const result = await db.$queryRaw<{ fenced: number; events: number }[]>(Prisma.sql`
    WITH fence AS (
      UPDATE "StatusSource" AS s SET ${successSql(check, { changed: true, isBaseline })}
       WHERE s.id = ${check.sourceId} AND s."leaseOwner" = ${check.leaseOwner}
      RETURNING s.id
    ), vendor AS (
      UPDATE "Vendor" SET status = ${status?.status ?? null}::"ServiceStatus", "statusText" = ${status?.statusText ?? null},
             "statusChangedAt" = ${now}::timestamp(3), "updatedAt" = ${wallClock}::timestamp(3)
       WHERE id = ${vendorId} AND ${status !== null} AND EXISTS (SELECT 1 FROM fence)
    ), new_groups AS (
      INSERT INTO "ComponentGroup" (id, "vendorId", "externalId", name, position)
      SELECT g.id, ${vendorId}, g.ext, g.name, g.position
        FROM jsonb_to_recordset(${jsonRows(rows.groups)}) AS g(id text, ext text, name text, position int)
       WHERE EXISTS (SELECT 1 FROM fence)
      RETURNING id, "externalId"
    ), groups AS (
      SELECT id, "externalId" FROM new_groups
      UNION ALL SELECT id, "externalId" FROM "ComponentGroup" WHERE "vendorId" = ${vendorId}
    ), new_components AS (
      INSERT INTO "Component" (id, "vendorId", "externalId", name, description, "groupId", position, status, "statusChangedAt", "onlyShowIfDegraded", "firstSeenAt")
      SELECT c.id, ${vendorId}, c.ext, c.name, c.description, (SELECT g.id FROM groups AS g WHERE g."externalId" = c.grp),
             c.position, c.status::"ServiceStatus", ${now}::timestamp(3), c.only_if_degraded, ${now}::timestamp(3)
        FROM jsonb_to_recordset(${jsonRows(rows.components)}) AS c(id text, ext text, name text, description text, grp text, position int, status text, only_if_degraded boolean)
       WHERE EXISTS (SELECT 1 FROM fence)
      RETURNING id, "externalId"
    ), components AS (
      SELECT id, "externalId" FROM new_components
      UNION ALL SELECT id, "externalId" FROM "Component" WHERE "vendorId" = ${vendorId}
    ), history AS (
      INSERT INTO "ComponentStatusChange" (id, "componentId", "fromStatus", "toStatus", "changedAt")
      SELECT h.id, c.id, NULL, h.status::"ServiceStatus", h.at
        FROM jsonb_to_recordset(${jsonRows(rows.history)}) AS h(id text, ext text, status text, at timestamp(3))
        JOIN new_components AS c ON c."externalId" = h.ext
    ), incidents AS (
      INSERT INTO "Incident" (id, "vendorId", "externalId", title, status, impact, "startedAt", "resolvedAt", "upstreamUpdatedAt", url,
                              "postmortemBody", "postmortemPublishedAt", baseline, "firstSeenAt", "lastSeenAt", "updatedAt")
      SELECT i.id, ${vendorId}, i.ext, i.title, i.status::"IncidentStatus", i.impact::"IncidentImpact", i.started_at, i.resolved_at, i.upstream_updated_at, i.url,
             i.postmortem_body, i.postmortem_published_at, i.baseline, ${now}::timestamp(3), ${now}::timestamp(3), ${wallClock}::timestamp(3)
        FROM jsonb_to_recordset(${jsonRows(rows.incidents)}) AS i(id text, ext text, title text, status text, impact text, started_at timestamp(3),
             resolved_at timestamp(3), upstream_updated_at timestamp(3), url text, postmortem_body text, postmortem_published_at timestamp(3), baseline boolean)
       WHERE EXISTS (SELECT 1 FROM fence)
    ), updates AS (
      INSERT INTO "IncidentUpdate" (id, "incidentId", "externalId", status, body, "bodyHash", "publishedAt", "timeUnknown")
      SELECT u.id, u.incident_id, u.ext, u.status::"IncidentStatus", u.body, u.body_hash, u.published_at, u.time_unknown
        FROM jsonb_to_recordset(${jsonRows(rows.updates)}) AS u(id text, incident_id text, ext text, status text, body text, body_hash text, published_at timestamp(3), time_unknown boolean)
       WHERE EXISTS (SELECT 1 FROM fence)
      ON CONFLICT DO NOTHING
    ), incident_links AS (
      INSERT INTO "IncidentComponent" ("incidentId", "componentId")
      SELECT DISTINCT l.owner_id, c.id
        FROM jsonb_to_recordset(${jsonRows(rows.incidentLinks)}) AS l(owner_id text, ext text)
        JOIN components AS c ON c."externalId" = l.ext
       WHERE EXISTS (SELECT 1 FROM fence)
    ), maintenances AS (
      INSERT INTO "Maintenance" (id, "vendorId", "externalId", title, status, impact, "scheduledFor", "scheduledUntil", "startedAt", "completedAt",
                                 url, body, "bodyHash", "upstreamUpdatedAt", baseline, "updatedAt")
      SELECT m.id, ${vendorId}, m.ext, m.title, m.status::"MaintenanceStatus", m.impact::"IncidentImpact", m.scheduled_for, m.scheduled_until, m.started_at, m.completed_at,
             m.url, m.body, m.body_hash, m.upstream_updated_at, m.baseline, ${wallClock}::timestamp(3)
        FROM jsonb_to_recordset(${jsonRows(rows.maintenances)}) AS m(id text, ext text, title text, status text, impact text, scheduled_for timestamp(3),
             scheduled_until timestamp(3), started_at timestamp(3), completed_at timestamp(3), url text, body text, body_hash text, upstream_updated_at timestamp(3), baseline boolean)
       WHERE EXISTS (SELECT 1 FROM fence)
    ), maintenance_links AS (
      INSERT INTO "MaintenanceComponent" ("maintenanceId", "componentId")
      SELECT DISTINCT l.owner_id, c.id
        FROM jsonb_to_recordset(${jsonRows(rows.maintenanceLinks)}) AS l(owner_id text, ext text)
        JOIN components AS c ON c."externalId" = l.ext
       WHERE EXISTS (SELECT 1 FROM fence)
    ), events AS (
      INSERT INTO "ChangeEvent" (id, "vendorId", "createdAt", kind, "dedupeKey", "incidentId", "maintenanceId", "componentId", baseline, data, "occurredAt")
      SELECT e.id, ${vendorId}, ${now}::timestamp(3), e.kind::"ChangeEventKind", e.dedupe_key, e.incident_id, e.maintenance_id,
             (SELECT c.id FROM components AS c WHERE c."externalId" = e.component_ext), e.baseline, e.data, e.occurred_at
        FROM jsonb_to_recordset(${jsonRows(rows.events)}) AS e(id text, kind text, dedupe_key text, incident_id text, maintenance_id text, component_ext text,
             baseline boolean, data jsonb, occurred_at timestamp(3))
       WHERE EXISTS (SELECT 1 FROM fence)
      -- A change already recorded under its key (it cannot be, while the lease holds) is not news twice.
      ON CONFLICT DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM fence) AS fenced, (SELECT count(*)::int FROM events) AS events`)
  if (!result[0]?.fenced) throw new LeaseLostError('lease lost before the changes could be written')
  return { events: result[0].events, incidentIds: rows.incidents.map((i) => i.id) }
}

/** The plan as the statement's JSON rows, with ids for every new row and links by those ids. */
function rowsOf(w: VendorWrites) {
  const incidentIds = new Map(w.incidents.creates.map((i) => [i.externalId, newRowId()]))
  const maintenanceIds = new Map(w.maintenances.creates.map((m) => [m.externalId, newRowId()]))
  return {
    groups: w.components.groupCreates.map((g) => ({ id: newRowId(), ext: g.externalId, name: g.name, position: g.position })),
    components: componentRows(w.components),
    history: w.components.statusChanges.map((s) => ({ id: newRowId(), ext: s.componentExternalId, status: s.to, at: s.at.toISOString() })),
    incidents: incidentRows(w.incidents, incidentIds),
    updates: w.incidents.creates.flatMap((i) =>
      i.updates.map((u) => ({
        id: newRowId(),
        incident_id: incidentIds.get(i.externalId),
        ext: u.externalId,
        status: u.status,
        body: u.body,
        body_hash: hashBody(u.body),
        published_at: u.publishedAt.toISOString(),
        time_unknown: u.timeUnknown === true,
      })),
    ),
    incidentLinks: w.incidents.creates.flatMap((i) => i.componentExternalIds.map((ext) => ({ owner_id: incidentIds.get(i.externalId), ext }))),
    maintenances: maintenanceRows(w.maintenances, maintenanceIds),
    maintenanceLinks: w.maintenances.creates.flatMap((m) => m.componentExternalIds.map((ext) => ({ owner_id: maintenanceIds.get(m.externalId), ext }))),
    events: eventRows(w.events, incidentIds, maintenanceIds),
  }
}

const componentRows = (c: ComponentWrites) =>
  c.creates.map((x) => ({
    id: newRowId(),
    ext: x.externalId,
    name: x.name,
    description: x.description ?? null,
    grp: x.groupExternalId ?? null,
    position: x.position,
    status: x.status,
    only_if_degraded: x.onlyShowIfDegraded ?? false,
  }))

const incidentRows = (w: IncidentWrites, ids: Map<string, string>) =>
  w.creates.map((i) => ({
    id: ids.get(i.externalId) as string,
    ext: i.externalId,
    title: i.title,
    status: i.status,
    impact: i.impact,
    started_at: iso(i.startedAt),
    resolved_at: iso(i.resolvedAt),
    upstream_updated_at: iso(i.updatedAt),
    url: i.url ?? null,
    postmortem_body: i.postmortem?.body ?? null,
    postmortem_published_at: iso(i.postmortem?.publishedAt),
    baseline: i.baseline,
  }))

const maintenanceRows = (w: MaintenanceWrites, ids: Map<string, string>) =>
  w.creates.map((m) => ({
    id: ids.get(m.externalId) as string,
    ext: m.externalId,
    title: m.title,
    status: m.status,
    impact: m.impact,
    scheduled_for: iso(m.scheduledFor),
    scheduled_until: iso(m.scheduledUntil),
    started_at: iso(m.startedAt),
    completed_at: iso(m.completedAt),
    url: m.url ?? null,
    body: m.body ?? null,
    body_hash: m.body ? hashBody(m.body) : null,
    upstream_updated_at: iso(m.updatedAt),
    baseline: m.baseline,
  }))

/** Events name their rows by upstream id; a creates-only plan's events name only rows it creates. */
const eventRows = (events: ChangeEventWrite[], incidentIds: Map<string, string>, maintenanceIds: Map<string, string>) =>
  events.map((e) => ({
    id: newRowId(),
    kind: e.kind,
    dedupe_key: e.dedupeKey,
    incident_id: e.incidentExternalId ? (incidentIds.get(e.incidentExternalId) ?? null) : null,
    maintenance_id: e.maintenanceExternalId ? (maintenanceIds.get(e.maintenanceExternalId) ?? null) : null,
    component_ext: e.componentExternalId ?? null,
    baseline: e.baseline,
    data: e.data,
    occurred_at: e.occurredAt.toISOString(),
  }))
