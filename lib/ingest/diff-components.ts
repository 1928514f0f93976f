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

/**
 * Absence is not removal (issue 14 #3). A component (or group) is marked removed only after it has
 * been missing from COMPLETE component lists for this long, counted from the first complete list
 * it was missing from (`absentSince`). Listed again by any read, partial or complete, and the
 * count starts over. A list is not complete, and proves no absence, when:
 *  - it is empty while components are stored (a thin or broken payload, not a vendor deleting all);
 *  - the source says it is partial (`componentsPartial`): items it could not read were left out
 *    (issue 14 #1), or the platform serves a sample (incident.io's compatible summary lists 25 of
 *    its components, a different 25 each time);
 *  - the source lists only impaired components (`absentComponentsAreOperational`, AWS): missing
 *    there means operational.
 * This is the one place the rule lives; README "How statuses are refreshed" explains it.
 */
export const COMPONENT_REMOVAL_AFTER_MS = 24 * 3_600_000

/** What a missing item's row should become at `now`: nothing, first missed, or removed. */
function absenceChange(row: { absentSince: Date | null }, now: Date): { absentSince: Date } | { removedAt: Date } | null {
  if (row.absentSince === null) return { absentSince: now }
  return now.getTime() - row.absentSince.getTime() >= COMPONENT_REMOVAL_AFTER_MS ? { removedAt: now } : null
}

export function diffComponents(stored: StoredVendorState, snapshot: StatusSnapshot, ctx: DiffContext): ComponentPlan {
  const plan: ComponentPlan = { groupCreates: [], groupUpdates: [], creates: [], updates: [], statusChanges: [] }
  const completeList = snapshot.components.length > 0 && snapshot.componentsPartial !== true
  // A list without the page's layout (incident.io's sample) neither moves nor ungroups anything.
  const layoutKnown = snapshot.componentLayoutUnknown !== true

  const storedGroups = new Map(stored.groups.map((g) => [g.externalId, g]))
  const groupExternalIdById = new Map(stored.groups.map((g) => [g.id, g.externalId]))
  for (const group of snapshot.groups) {
    const existing = storedGroups.get(group.externalId)
    if (!existing) {
      plan.groupCreates.push(group)
      continue
    }
    const data = collectChanges(existing, { name: group.name, position: group.position, absentSince: null, removedAt: null }, ['name', 'position', 'absentSince', 'removedAt'])
    if (Object.keys(data).length) plan.groupUpdates.push({ id: existing.id, data })
  }
  const seenGroups = new Set(snapshot.groups.map((g) => g.externalId))
  for (const group of stored.groups) {
    if (!completeList || !layoutKnown || group.removedAt || seenGroups.has(group.externalId)) continue
    const change = absenceChange(group, ctx.now)
    if (change) plan.groupUpdates.push({ id: group.id, data: change })
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
        ...(layoutKnown && { position: component.position }),
        onlyShowIfDegraded: component.onlyShowIfDegraded ?? false,
        absentSince: null,
        removedAt: null,
      },
      ['name', 'description', 'position', 'onlyShowIfDegraded', 'absentSince', 'removedAt'],
    )
    const groupExternalId = component.groupExternalId ?? null
    const storedGroupExternalId = existing.groupId ? (groupExternalIdById.get(existing.groupId) ?? null) : null
    const groupChanged = layoutKnown && groupExternalId !== storedGroupExternalId
    if (Object.keys(data).length || groupChanged) plan.updates.push({ id: existing.id, data, ...(groupChanged && { groupExternalId }) })
    if (existing.status !== component.status) recordStatusChange(plan, ctx, existing, component.status)
  }
  const seenComponents = new Set(snapshot.components.map((c) => c.externalId))
  for (const component of stored.components) {
    if (seenComponents.has(component.externalId) || component.removedAt) continue
    if (snapshot.absentComponentsAreOperational) {
      if (component.status !== 'operational') recordStatusChange(plan, ctx, component, 'operational')
    } else if (completeList) {
      const change = absenceChange(component, ctx.now)
      if (change) plan.updates.push({ id: component.id, data: change })
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
