// Incidents and their updates. Events, one per real change:
//   incident_opened        an incident we have not seen before (whatever its status)
//   incident_updated       a new update, or a status change that came without one
//   incident_update_edited an update whose text changed under the same upstream id
//   incident_resolved      it was open and now is resolved (or vanished from an 'active' list)
//   postmortem_published   a postmortem appeared (a body, or the `postmortem` status)
import type { DiffContext } from './diff-context'
import { collectChanges, sameMembers } from './diff-utils'
import { hashBody } from '@/lib/data/body-hash'
import { isIncidentOver, isIncidentOverStatus } from '@/lib/status/lifecycle'
import type { NormalizedIncident, StatusSnapshot } from '@/lib/status/snapshot'
import type { IncidentFields, IncidentWrites } from '@/lib/data/incidents'
import type { StoredIncident, StoredVendorState } from '@/lib/data/vendor-snapshots'

/** New incidents (`baseline` marks history: a baseline ingest, or already over when first seen) and
 * changes to stored ones: exactly what the data layer writes (lib/data/incidents.ts). */
export type IncidentPlan = IncidentWrites

export function diffIncidents(stored: StoredVendorState, snapshot: StatusSnapshot, ctx: DiffContext): IncidentPlan {
  const plan: IncidentPlan = { creates: [], updates: [] }
  const byExternalId = new Map(stored.incidents.map((i) => [i.externalId, i]))
  const key = (kind: string, ...parts: string[]) => [kind, ctx.vendorId, ...parts].join(':')

  for (const incident of snapshot.incidents) {
    const existing = byExternalId.get(incident.externalId)
    if (!existing) {
      plan.creates.push({ ...incident, baseline: ctx.baseline || isIncidentOverStatus(incident.status) })
      ctx.emit({
        kind: 'incident_opened',
        dedupeKey: key('incident_opened', incident.externalId),
        incidentExternalId: incident.externalId,
        occurredAt: incident.startedAt,
        data: { status: incident.status, impact: incident.impact, firstSeenOver: isIncidentOverStatus(incident.status) },
      })
      if (incident.postmortem) emitPostmortem(ctx, key, incident.externalId, incident.postmortem.publishedAt)
      continue
    }
    const change = diffOneIncident(existing, incident, ctx, key)
    if (change) plan.updates.push(change)
  }

  // With an 'active' list every open incident upstream is in the snapshot: one missing has ended.
  if (snapshot.coverage.incidents === 'active') {
    const present = new Set(snapshot.incidents.map((i) => i.externalId))
    for (const incident of stored.incidents) {
      if (present.has(incident.externalId) || isIncidentOver(incident)) continue
      plan.updates.push({
        id: incident.id,
        externalId: incident.externalId,
        fields: { status: 'resolved', resolvedAt: ctx.now },
        newUpdates: [],
        editedUpdates: [],
      })
      ctx.emit({
        kind: 'incident_resolved',
        dedupeKey: key('incident_resolved', incident.externalId, ctx.now.toISOString()),
        incidentExternalId: incident.externalId,
        occurredAt: ctx.now,
        data: { inferred: true },
      })
    }
  }
  return plan
}

function diffOneIncident(
  existing: StoredIncident,
  incident: NormalizedIncident,
  ctx: DiffContext,
  key: (kind: string, ...parts: string[]) => string,
): IncidentPlan['updates'][number] | null {
  const fields = collectChanges<IncidentFields>(
    { ...existing, upstreamUpdatedAt: null },
    {
      title: incident.title,
      status: incident.status,
      impact: incident.impact,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt,
      url: incident.url ?? null,
      postmortemBody: incident.postmortem?.body ?? existing.postmortemBody,
      postmortemPublishedAt: incident.postmortem?.publishedAt ?? existing.postmortemPublishedAt,
    },
    ['title', 'status', 'impact', 'startedAt', 'resolvedAt', 'url', 'postmortemBody', 'postmortemPublishedAt'],
  )
  const storedUpdates = new Map(existing.updates.map((u) => [u.externalId, u]))
  const newUpdates = incident.updates.filter((u) => !storedUpdates.has(u.externalId))
  const editedUpdates = incident.updates.flatMap((u) => {
    const before = storedUpdates.get(u.externalId)
    return before && before.bodyHash !== hashBody(u.body) ? [{ id: before.id, body: u.body, status: u.status, publishedAt: u.publishedAt, ...(u.timeUnknown && { timeUnknown: true }) }] : []
  })
  const componentsChanged = !sameMembers(existing.componentExternalIds, incident.componentExternalIds)
  if (!Object.keys(fields).length && !newUpdates.length && !editedUpdates.length && !componentsChanged) return null
  if (Object.keys(fields).length) fields.upstreamUpdatedAt = incident.updatedAt ?? null

  const ext = incident.externalId
  const wasOver = isIncidentOver(existing)
  const nowOver = isIncidentOverStatus(incident.status)
  const hadPostmortem = existing.status === 'postmortem' || existing.postmortemPublishedAt !== null
  const hasPostmortem = incident.status === 'postmortem' || incident.postmortem != null
  const resolves = !wasOver && nowOver
  const publishesPostmortem = !hadPostmortem && hasPostmortem

  // Each new update is news of its own, except the one that resolves the incident or carries the
  // postmortem: those are announced by incident_resolved / postmortem_published below.
  let statusAnnounced = false
  for (const update of [...newUpdates].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())) {
    if ((resolves && update.status === 'resolved') || (publishesPostmortem && update.status === 'postmortem')) continue
    statusAnnounced ||= update.status === incident.status
    ctx.emit({
      kind: 'incident_updated',
      dedupeKey: key('incident_updated', ext, update.externalId),
      incidentExternalId: ext,
      occurredAt: update.publishedAt,
      data: { updateExternalId: update.externalId, status: update.status },
    })
  }
  if (resolves) {
    const resolvedAt = incident.resolvedAt ?? ctx.now
    ctx.emit({ kind: 'incident_resolved', dedupeKey: key('incident_resolved', ext, resolvedAt.toISOString()), incidentExternalId: ext, occurredAt: resolvedAt, data: { inferred: false } })
  } else if (fields.status !== undefined && !statusAnnounced && !(publishesPostmortem && incident.status === 'postmortem')) {
    // A status change with no update of its own (some platforms only move the status).
    ctx.emit({
      kind: 'incident_updated',
      dedupeKey: key('incident_updated', ext, `status-${existing.status}-${incident.status}`),
      incidentExternalId: ext,
      occurredAt: incident.updatedAt ?? ctx.now,
      data: { status: incident.status, from: existing.status },
    })
  }
  if (publishesPostmortem) emitPostmortem(ctx, key, ext, incident.postmortem?.publishedAt ?? incident.updatedAt ?? ctx.now)
  for (const edited of editedUpdates) {
    const upstream = incident.updates.find((u) => storedUpdates.get(u.externalId)?.id === edited.id)
    ctx.emit({
      kind: 'incident_update_edited',
      dedupeKey: key('incident_update_edited', ext, upstream?.externalId ?? edited.id, hashBody(edited.body)),
      incidentExternalId: ext,
      occurredAt: ctx.now,
      data: { updateExternalId: upstream?.externalId ?? null },
    })
  }
  return {
    id: existing.id,
    externalId: ext,
    fields,
    ...(componentsChanged && { componentExternalIds: incident.componentExternalIds }),
    newUpdates,
    editedUpdates,
  }
}

function emitPostmortem(ctx: DiffContext, key: (kind: string, ...parts: string[]) => string, externalId: string, publishedAt: Date) {
  ctx.emit({ kind: 'postmortem_published', dedupeKey: key('postmortem_published', externalId), incidentExternalId: externalId, occurredAt: publishedAt, data: {} })
}
