// Components and their groups: created, renamed, moved, and status changes kept as history.
import type { DiffContext } from './diff-context'
import { collectChanges } from './diff-utils'
import type { ServiceStatus } from '@/lib/status/statuses'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import type { ComponentWrites } from '@/lib/data/components'
import type { StoredComponent, StoredVendorState } from '@/lib/data/vendor-snapshots'

/** Groups and components to create or change, and every status taken: exactly what the data layer
 * writes (lib/data/components.ts). */
export type ComponentPlan = ComponentWrites

export function diffComponents(stored: StoredVendorState, snapshot: StatusSnapshot, ctx: DiffContext): ComponentPlan {
  const plan: ComponentPlan = { groupCreates: [], groupUpdates: [], creates: [], updates: [], statusChanges: [] }
  // An empty component list next to stored components is far more likely a thin or broken payload
  // than a vendor deleting everything: never mark all components removed because of it.
  // Nor when components were left out because they could not be read (issue 14 #1).
  const trustAbsence = snapshot.components.length > 0 && snapshot.componentsPartial !== true

  const storedGroups = new Map(stored.groups.map((g) => [g.externalId, g]))
  const groupExternalIdById = new Map(stored.groups.map((g) => [g.id, g.externalId]))
  for (const group of snapshot.groups) {
    const existing = storedGroups.get(group.externalId)
    if (!existing) {
      plan.groupCreates.push(group)
      continue
    }
    const data = collectChanges(existing, { name: group.name, position: group.position, removedAt: null }, ['name', 'position', 'removedAt'])
    if (Object.keys(data).length) plan.groupUpdates.push({ id: existing.id, data })
  }
  const seenGroups = new Set(snapshot.groups.map((g) => g.externalId))
  for (const group of stored.groups) {
    if (trustAbsence && !group.removedAt && !seenGroups.has(group.externalId)) plan.groupUpdates.push({ id: group.id, data: { removedAt: ctx.now } })
  }

  const storedComponents = new Map(stored.components.map((c) => [c.externalId, c]))
  for (const component of snapshot.components) {
    const existing = storedComponents.get(component.externalId)
    if (!existing) {
      plan.creates.push(component)
      plan.statusChanges.push({ componentExternalId: component.externalId, from: null, to: component.status, at: ctx.now })
      continue
    }
    const data = collectChanges(
      existing,
      {
        name: component.name,
        description: component.description ?? null,
        position: component.position,
        onlyShowIfDegraded: component.onlyShowIfDegraded ?? false,
        removedAt: null,
      },
      ['name', 'description', 'position', 'onlyShowIfDegraded', 'removedAt'],
    )
    const groupExternalId = component.groupExternalId ?? null
    const storedGroupExternalId = existing.groupId ? (groupExternalIdById.get(existing.groupId) ?? null) : null
    const groupChanged = groupExternalId !== storedGroupExternalId
    if (Object.keys(data).length || groupChanged) plan.updates.push({ id: existing.id, data, ...(groupChanged && { groupExternalId }) })
    if (existing.status !== component.status) recordStatusChange(plan, ctx, existing, component.status)
  }
  const seenComponents = new Set(snapshot.components.map((c) => c.externalId))
  for (const component of stored.components) {
    if (seenComponents.has(component.externalId) || component.removedAt) continue
    if (snapshot.absentComponentsAreOperational) {
      if (component.status !== 'operational') recordStatusChange(plan, ctx, component, 'operational')
    } else if (trustAbsence) {
      plan.updates.push({ id: component.id, data: { removedAt: ctx.now } })
    }
  }
  return plan
}

function recordStatusChange(plan: ComponentPlan, ctx: DiffContext, component: StoredComponent, to: ServiceStatus) {
  plan.statusChanges.push({ componentExternalId: component.externalId, from: component.status, to, at: ctx.now })
  ctx.emit({
    kind: 'component_status_changed',
    dedupeKey: `component_status_changed:${component.id}:${ctx.now.toISOString()}`,
    componentExternalId: component.externalId,
    occurredAt: ctx.now,
    data: { from: component.status, to },
  })
}
