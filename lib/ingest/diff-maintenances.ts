// Scheduled maintenances. Events:
//   maintenance_scheduled  a new upcoming maintenance
//   maintenance_started    it began (in progress or verifying), or was first seen already running
//   maintenance_completed  it ended (or vanished from an 'active' list after its start)
// A maintenance that vanishes from an 'active' list before its window is marked cancelled.
import type { DiffContext } from './diff-context'
import { collectChanges, sameMembers } from './diff-utils'
import { hashBody } from '@/lib/data/body-hash'
import { isMaintenanceRunning } from '@/lib/status/lifecycle'
import type { MaintenanceStatus } from '@/lib/status/statuses'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import type { MaintenanceFields, MaintenanceWrites } from '@/lib/data/maintenances'
import type { StoredVendorState } from '@/lib/data/vendor-snapshots'

/** New maintenances and changes to stored ones: exactly what the data layer writes (lib/data/maintenances.ts). */
export type MaintenancePlan = MaintenanceWrites

const FINAL: ReadonlySet<MaintenanceStatus> = new Set(['completed', 'cancelled'])

export function diffMaintenances(stored: StoredVendorState, snapshot: StatusSnapshot, ctx: DiffContext): MaintenancePlan {
  const plan: MaintenancePlan = { creates: [], updates: [] }
  const byExternalId = new Map(stored.maintenances.map((m) => [m.externalId, m]))
  const key = (kind: string, externalId: string) => `${kind}:${ctx.vendorId}:${externalId}`

  for (const maintenance of snapshot.maintenances) {
    const existing = byExternalId.get(maintenance.externalId)
    const ext = maintenance.externalId
    if (!existing) {
      plan.creates.push({ ...maintenance, baseline: ctx.baseline || FINAL.has(maintenance.status) })
      if (maintenance.status === 'scheduled') {
        ctx.emit({ kind: 'maintenance_scheduled', dedupeKey: key('maintenance_scheduled', ext), maintenanceExternalId: ext, occurredAt: ctx.now, data: {} })
      } else if (isMaintenanceRunning(maintenance.status)) {
        ctx.emit({ kind: 'maintenance_started', dedupeKey: key('maintenance_started', ext), maintenanceExternalId: ext, occurredAt: maintenance.startedAt ?? maintenance.scheduledFor, data: {} })
      }
      continue
    }
    const body = maintenance.body ?? null
    const fields = collectChanges<MaintenanceFields>(
      { ...existing, body: null, upstreamUpdatedAt: null },
      {
        title: maintenance.title,
        status: maintenance.status,
        impact: maintenance.impact,
        scheduledFor: maintenance.scheduledFor,
        scheduledUntil: maintenance.scheduledUntil,
        startedAt: maintenance.startedAt ?? existing.startedAt,
        completedAt: maintenance.completedAt ?? existing.completedAt,
        url: maintenance.url ?? null,
        bodyHash: body === null ? null : hashBody(body),
      },
      ['title', 'status', 'impact', 'scheduledFor', 'scheduledUntil', 'startedAt', 'completedAt', 'url', 'bodyHash'],
    )
    if (fields.bodyHash !== undefined) fields.body = body
    const componentsChanged = !sameMembers(existing.componentExternalIds, maintenance.componentExternalIds)
    if (!Object.keys(fields).length && !componentsChanged) continue
    if (Object.keys(fields).length) fields.upstreamUpdatedAt = maintenance.updatedAt ?? null
    plan.updates.push({ id: existing.id, externalId: ext, fields, ...(componentsChanged && { componentExternalIds: maintenance.componentExternalIds }) })

    if (fields.status === undefined) continue
    if (isMaintenanceRunning(maintenance.status) && !isMaintenanceRunning(existing.status) && !FINAL.has(existing.status)) {
      ctx.emit({ kind: 'maintenance_started', dedupeKey: key('maintenance_started', ext), maintenanceExternalId: ext, occurredAt: maintenance.startedAt ?? ctx.now, data: {} })
    }
    if (maintenance.status === 'completed' && existing.status !== 'completed') {
      ctx.emit({ kind: 'maintenance_completed', dedupeKey: key('maintenance_completed', ext), maintenanceExternalId: ext, occurredAt: maintenance.completedAt ?? ctx.now, data: {} })
    }
  }

  if (snapshot.coverage.maintenances === 'active') {
    const present = new Set(snapshot.maintenances.map((m) => m.externalId))
    for (const maintenance of stored.maintenances) {
      if (present.has(maintenance.externalId) || FINAL.has(maintenance.status)) continue
      const began = isMaintenanceRunning(maintenance.status) || maintenance.scheduledFor <= ctx.now
      plan.updates.push({
        id: maintenance.id,
        externalId: maintenance.externalId,
        fields: began ? { status: 'completed', completedAt: ctx.now } : { status: 'cancelled' },
      })
      if (began) {
        ctx.emit({
          kind: 'maintenance_completed',
          dedupeKey: key('maintenance_completed', maintenance.externalId),
          maintenanceExternalId: maintenance.externalId,
          occurredAt: ctx.now,
          data: { inferred: true },
        })
      }
    }
  }
  return plan
}
