// The heart of ingestion, and pure: (stored state, fresh snapshot, now) -> what to write and which
// change events to record. No I/O, no clock: the same inputs always give the same plan, so every
// rule below is tested directly (diff.test.ts).
//
// Rules that hold across the plan:
//  - Rows are matched by upstream id (externalId), never by name or text.
//  - Only meaningful fields are compared; a change of upstream's own "updated_at" alone writes
//    nothing, so an unchanged payload costs only the check time.
//  - Each event carries a dedupe key naming the change itself (e.g. the update's upstream id), so
//    the same change seen by two cycles can only ever be recorded once.
//  - On a vendor's first ingest (baseline) everything is recorded, and every event is marked
//    baseline: history, never news.
import { diffComponents, type ComponentPlan } from './diff-components'
import type { DiffContext, PlannedEvent } from './diff-context'
import { diffIncidents, type IncidentPlan } from './diff-incidents'
import { diffMaintenances, type MaintenancePlan } from './diff-maintenances'
import type { ServiceStatus } from '@/lib/status/statuses'
import { isIncidentOver, isIncidentOverStatus } from '@/lib/status/lifecycle'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import type { StoredVendorState } from '@/lib/data/vendor-snapshots'

export interface VendorChangePlan {
  vendorStatus: { status: ServiceStatus; statusText: string | null } | null
  components: ComponentPlan
  incidents: IncidentPlan
  maintenances: MaintenancePlan
  events: PlannedEvent[]
}

export function diffVendor(stored: StoredVendorState, snapshot: StatusSnapshot, now: Date): VendorChangePlan {
  const events: PlannedEvent[] = []
  const ctx: DiffContext = {
    vendorId: stored.vendorId,
    now,
    baseline: stored.isBaseline,
    emit: (event) => events.push({ ...event, baseline: stored.isBaseline }),
  }
  const statusText = snapshot.statusText ?? null
  const vendorStatus = stored.status !== snapshot.status || stored.statusText !== statusText ? { status: snapshot.status, statusText } : null
  const plan = {
    vendorStatus,
    components: diffComponents(stored, snapshot, ctx),
    incidents: diffIncidents(stored, snapshot, ctx),
    maintenances: diffMaintenances(stored, snapshot, ctx),
    events,
  }
  markComponentChangesDuringIncidents(stored, snapshot, events)
  return plan
}

/**
 * A component status change seen while the vendor has an incident open that covers the component
 * (names it, or names no component at all) records that incident's upstream id in
 * `data.duringIncident`: the
 * incident's own emails speak for it, so it alerts nobody (lib/notify/rules.ts). Open means open
 * before this read or after it, so a component that recovers in the read that resolves the
 * incident is covered by the "Resolved" email too.
 */
function markComponentChangesDuringIncidents(stored: StoredVendorState, snapshot: StatusSnapshot, events: PlannedEvent[]) {
  const open = new Map<string, string[]>()
  for (const i of stored.incidents) if (!isIncidentOver(i)) open.set(i.externalId, i.componentExternalIds)
  for (const i of snapshot.incidents) {
    if (!isIncidentOverStatus(i.status) || open.has(i.externalId)) open.set(i.externalId, i.componentExternalIds)
  }
  for (const event of events) {
    if (event.kind !== 'component_status_changed' || !event.componentExternalId) continue
    const component = event.componentExternalId
    const covering = [...open].find(([, components]) => components.length === 0 || components.includes(component))
    if (covering) event.data.duringIncident = covering[0]
  }
}

/** True when applying the plan would write nothing (beyond the source's own check bookkeeping). */
export function isEmptyPlan(plan: VendorChangePlan): boolean {
  const c = plan.components
  const i = plan.incidents
  const m = plan.maintenances
  return (
    plan.vendorStatus === null &&
    plan.events.length === 0 &&
    c.groupCreates.length + c.groupUpdates.length + c.creates.length + c.updates.length + c.statusChanges.length === 0 &&
    i.creates.length + i.updates.length === 0 &&
    m.creates.length + m.updates.length === 0
  )
}
