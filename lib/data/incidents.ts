// A vendor's incidents as the refresh writes them: the incidents, their updates and the components
// they affect. Called inside the vendor's one write transaction (vendor-snapshots.ts).
import type { Prisma } from '@/lib/db/generated/client'
import type { NormalizedIncident } from '@/lib/status/snapshot'
import type { IncidentImpact, IncidentStatus } from '@/lib/status/statuses'
import { hashBody } from './body-hash'
import { componentLinks } from './components'

export interface IncidentUpdateWrite {
  externalId: string
  status: IncidentStatus
  body: string
  publishedAt: Date
  /** The source could not place the update's own stamp (see NormalizedIncidentUpdate.timeUnknown). */
  timeUnknown?: boolean
}

/** The incident columns a later read may change. */
export interface IncidentFields {
  title: string
  status: IncidentStatus
  impact: IncidentImpact
  startedAt: Date
  resolvedAt: Date | null
  url: string | null
  postmortemBody: string | null
  postmortemPublishedAt: Date | null
  upstreamUpdatedAt: Date | null
}

/** What the refresh writes about a vendor's incidents (the diff's incident plan). */
export interface IncidentWrites {
  /** New incidents; `baseline` marks history, never news. */
  creates: (NormalizedIncident & { baseline: boolean })[]
  updates: {
    id: string
    externalId: string
    fields: Partial<IncidentFields>
    /** Replace the component links (external ids) when they changed. */
    componentExternalIds?: string[]
    newUpdates: IncidentUpdateWrite[]
    editedUpdates: { id: string; body: string; status: IncidentStatus; publishedAt: Date; timeUnknown?: boolean }[]
  }[]
}

/** Returns externalId -> row id for every incident written. */
export async function writeIncidents(
  tx: Prisma.TransactionClient,
  vendorId: string,
  writes: IncidentWrites,
  componentIds: Map<string, string>,
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  // New incidents go in as three statements however many there are (a vendor's first read
  // brings its whole history): the incidents, then all their updates, then all their links.
  const creates = writes.creates
  if (creates.length) {
    const rows = await tx.incident.createManyAndReturn({
      data: creates.map((i) => ({
        vendorId,
        externalId: i.externalId,
        title: i.title,
        status: i.status,
        impact: i.impact,
        startedAt: i.startedAt,
        resolvedAt: i.resolvedAt,
        upstreamUpdatedAt: i.updatedAt ?? null,
        url: i.url ?? null,
        postmortemBody: i.postmortem?.body ?? null,
        postmortemPublishedAt: i.postmortem?.publishedAt ?? null,
        baseline: i.baseline,
        firstSeenAt: now,
        lastSeenAt: now,
      })),
      select: { id: true, externalId: true },
    })
    for (const row of rows) ids.set(row.externalId, row.id)
    const updates = creates.flatMap((i) => i.updates.map((u) => ({ incidentId: rowId(ids, i.externalId), ...updateRow(u) })))
    if (updates.length) await tx.incidentUpdate.createMany({ data: updates, skipDuplicates: true })
    const links = creates.flatMap((i) => componentLinks(i.componentExternalIds, componentIds).map((l) => ({ ...l, incidentId: rowId(ids, i.externalId) })))
    if (links.length) await tx.incidentComponent.createMany({ data: links })
  }
  for (const u of writes.updates) {
    ids.set(u.externalId, u.id)
    if (Object.keys(u.fields).length) await tx.incident.update({ where: { id: u.id }, data: { ...u.fields, lastSeenAt: now } })
    if (u.newUpdates.length) {
      await tx.incidentUpdate.createMany({ data: u.newUpdates.map((x) => ({ incidentId: u.id, ...updateRow(x) })), skipDuplicates: true })
    }
    for (const e of u.editedUpdates) {
      await tx.incidentUpdate.update({ where: { id: e.id }, data: { body: e.body, bodyHash: hashBody(e.body), status: e.status, publishedAt: e.publishedAt, timeUnknown: e.timeUnknown === true, editedAt: now } })
    }
    if (u.componentExternalIds) {
      await tx.incidentComponent.deleteMany({ where: { incidentId: u.id } })
      await tx.incidentComponent.createMany({ data: componentLinks(u.componentExternalIds, componentIds).map((l) => ({ ...l, incidentId: u.id })) })
    }
  }
  return ids
}

const updateRow = (u: IncidentUpdateWrite) => ({
  externalId: u.externalId,
  status: u.status,
  body: u.body,
  bodyHash: hashBody(u.body),
  publishedAt: u.publishedAt,
  timeUnknown: u.timeUnknown === true,
})

/** The row id of a row this transaction just created (createManyAndReturn returns every one). */
export function rowId(ids: Map<string, string>, externalId: string): string {
  const id = ids.get(externalId)
  if (id === undefined) throw new Error(`no row was created for ${externalId}`)
  return id
}
