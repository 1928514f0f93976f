// incident.io's native status widget, `GET https://<host>/proxy/<host>` (docs/status-page-formats.md §3.1). The page
// itself renders from it, so it is the only public place for the component -> group hierarchy,
// `full_outage`, and maintenances (the Statuspage-compatible API has none of them).
// No capture of it exists in our fixtures or in the public code searched (fixtures/SOURCES.md,
// "incident.io widget"): field names follow docs/status-page-formats.md §3.1 and the third-party
// clients cited there; fixtures/incidentio/synthetic-widget-*.json is built from them. A body this
// schema rejects degrades to the compatible reading (incidentio.ts), it never fails the vendor.
import { z } from 'zod'
import { worstStatus, type IncidentImpact, type MaintenanceStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup, NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import { lookup } from './parse-helpers'
import { COMPONENT_STATUS, INCIDENT_STATUS } from './statuspage-normalize'
import { zOptionalDate } from './parse-helpers'
import { mapItems, zList } from './read-warnings'
import { SourceParseError } from './types'

const componentRef = z.object({ component_id: z.string(), name: z.string().nullish(), hidden: z.boolean().nullish() })
const affected = z.object({ component_id: z.string(), status: z.string() })

const widgetIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  url: z.string().nullish(),
  published_at: zOptionalDate,
  current_worst_impact: z.string().nullish(),
  affected_components: zList(affected, 'incident.io affected component').nullish(),
  updates: zList(
    z.object({ id: z.string().nullish(), message_string: z.string().nullish(), to_status: z.string().nullish(), published_at: zOptionalDate }),
    'incident.io update',
  ).nullish(),
})

// In-progress ones carry started_at/scheduled_end_at, upcoming ones starts_at/ends_at (§3.1);
// one client reads scheduled_start_at/scheduled_end_at.
const widgetMaintenanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  url: z.string().nullish(),
  starts_at: zOptionalDate,
  started_at: zOptionalDate,
  // The name a VTEX widget client reads (fixtures/SOURCES.md, incident.io widget).
  scheduled_start_at: zOptionalDate,
  ends_at: zOptionalDate,
  scheduled_end_at: zOptionalDate,
  last_update_at: zOptionalDate,
  last_update_message: z.string().nullish(),
  affected_components: zList(z.object({ component_id: z.string() }), 'incident.io affected component').nullish(),
})

export const incidentioWidgetSchema = z.object({
  summary: z.object({
    components: zList(z.object({ id: z.string(), name: z.string() }), 'incident.io component').nullish(),
    affected_components: zList(affected, 'incident.io affected component').nullish(),
    structure: z
      .object({
        items: zList(
          z.object({
            group: z
              .object({ id: z.string().nullish(), name: z.string(), hidden: z.boolean().nullish(), components: zList(componentRef, 'incident.io component').nullish() })
              .nullish(),
            component: componentRef.nullish(),
          }),
          'incident.io component or group',
        ),
      })
      .nullish(),
    ongoing_incidents: zList(widgetIncidentSchema, 'incident.io incident').nullish(),
    in_progress_maintenances: zList(widgetMaintenanceSchema, 'incident.io maintenance').nullish(),
    scheduled_maintenances: zList(widgetMaintenanceSchema, 'incident.io maintenance').nullish(),
  }),
})
export type IncidentioWidget = z.output<typeof incidentioWidgetSchema>['summary']

export const WIDGET_MAINTENANCE_STATUS: Readonly<Record<string, MaintenanceStatus>> = {
  maintenance_scheduled: 'scheduled',
  maintenance_in_progress: 'in_progress',
  scheduled: 'scheduled',
  in_progress: 'in_progress',
}

/** docs/status-page-formats.md §5: degraded/partial -> minor, full -> major. */
const STATUS_IMPACT: Readonly<Record<ServiceStatus, IncidentImpact>> = {
  operational: 'none',
  maintenance: 'none',
  degraded: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  unknown: 'unknown',
}

/**
 * Groups and components from `structure.items`, in page order. Items the page hides are left
 * out, as the page leaves them out. A component missing from `affected_components` is
 * operational: the widget lists only the impaired ones.
 */
export function widgetComponents(w: IncidentioWidget): { groups: NormalizedGroup[]; components: NormalizedComponent[] } | null {
  if (!w.structure) return null
  const statusOf = (id: string): ServiceStatus => {
    const hit = w.affected_components?.find((a) => a.component_id === id)
    // COMPONENT_STATUS maps incident.io's `full_outage` as well as Statuspage's words.
    return hit ? lookup(COMPONENT_STATUS, hit.status) : 'operational'
  }
  const nameOf = new Map((w.components ?? []).map((c) => [c.id, c.name]))
  const groups: NormalizedGroup[] = []
  const components: NormalizedComponent[] = []
  const listed = new Set<string>()
  const placed = new Set<string>()
  const add = (ref: z.output<typeof componentRef>, groupExternalId: string | null, position: number) => {
    placed.add(ref.component_id)
    // One row per id: two components may share a name ("Login" twice on OpenAI's page), never an
    // id; a component placed twice keeps its first place.
    if (ref.hidden === true || listed.has(ref.component_id)) return
    listed.add(ref.component_id)
    const name = (ref.name ?? nameOf.get(ref.component_id) ?? ref.component_id).trim()
    components.push({ externalId: ref.component_id, name, status: statusOf(ref.component_id), groupExternalId, position })
  }
  w.structure.items.forEach((item, position) => {
    if (item.group?.hidden === true) {
      for (const ref of item.group.components ?? []) placed.add(ref.component_id)
    } else if (item.group) {
      // Some pages omit the group id; the name is then the only handle (and a rename re-keys it).
      const externalId = item.group.id ?? `name:${item.group.name.trim()}`
      groups.push({ externalId, name: item.group.name.trim(), position })
      item.group.components?.forEach((ref, index) => add(ref, externalId, index))
    } else if (item.component) {
      add(item.component, null, position)
    }
  })
  // Components the structure does not place at all are ungrouped ones (yash492/statusy reads the
  // widget the same way); those of a hidden group or hidden themselves were placed, and stay out.
  for (const c of w.components ?? []) {
    if (placed.has(c.id)) continue
    placed.add(c.id)
    add({ component_id: c.id, name: c.name }, null, w.structure.items.length + components.length)
  }
  return { groups, components }
}

/** An ongoing incident as the widget shows it (no impact field: derived from component statuses). */
export function widgetIncident(raw: z.output<typeof widgetIncidentSchema>, pageUrl: string | null): NormalizedIncident {
  const statuses = (raw.affected_components ?? []).map((a) => lookup(COMPONENT_STATUS, a.status))
  const worst = raw.current_worst_impact ? lookup(COMPONENT_STATUS, raw.current_worst_impact) : worstStatus(statuses)
  const updates: NormalizedIncidentUpdate[] = []
  const used = new Set<string>()
  for (const u of raw.updates ?? []) {
    if (!u.published_at) continue // no time, no stable id: the compatible API carries the full history
    const base = u.id ?? `${raw.id}@${u.published_at.toISOString()}`
    let externalId = base
    for (let n = 2; used.has(externalId); n++) externalId = `${base}#${n}`
    used.add(externalId)
    updates.push({
      externalId,
      status: lookup(INCIDENT_STATUS, u.to_status),
      body: (u.message_string ?? '').trim(),
      publishedAt: u.published_at,
    })
  }
  updates.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
  const startedAt = raw.published_at ?? updates[0]?.publishedAt
  if (!startedAt) throw new SourceParseError(`incident.io widget: incident ${raw.id} has no time`)
  return {
    externalId: raw.id,
    title: raw.name.trim(),
    status: lookup(INCIDENT_STATUS, raw.status),
    impact: worst === null ? 'unknown' : STATUS_IMPACT[worst],
    startedAt,
    resolvedAt: null, // the widget lists ongoing incidents only
    url: raw.url?.trim() || (pageUrl ? `${pageUrl}/incidents/${raw.id}` : null),
    componentExternalIds: (raw.affected_components ?? []).map((a) => a.component_id),
    updates,
  }
}

function widgetMaintenance(raw: z.output<typeof widgetMaintenanceSchema>, pageUrl: string | null): NormalizedMaintenance {
  const status = lookup(WIDGET_MAINTENANCE_STATUS, raw.status)
  const scheduledFor = raw.starts_at ?? raw.started_at ?? raw.scheduled_start_at
  if (!scheduledFor) throw new SourceParseError(`incident.io widget: maintenance ${raw.id} has no start time`)
  return {
    externalId: raw.id,
    title: raw.name.trim(),
    status,
    impact: 'none', // planned work, as Statuspage's impact "maintenance"
    scheduledFor,
    scheduledUntil: raw.ends_at ?? raw.scheduled_end_at,
    startedAt: status === 'in_progress' ? (raw.started_at ?? scheduledFor) : null,
    completedAt: null,
    url: raw.url?.trim() || (pageUrl ? `${pageUrl}/incidents/${raw.id}` : null),
    body: raw.last_update_message?.trim() || null,
    updatedAt: raw.last_update_at,
    componentExternalIds: (raw.affected_components ?? []).map((a) => a.component_id),
  }
}

/** Upcoming and running maintenances, or null when the widget has neither list. */
export function widgetMaintenances(w: IncidentioWidget, pageUrl: string | null): NormalizedMaintenance[] | null {
  if (w.scheduled_maintenances == null && w.in_progress_maintenances == null) return null
  const byId = new Map<string, z.output<typeof widgetMaintenanceSchema>>()
  for (const m of w.scheduled_maintenances ?? []) byId.set(m.id, m)
  // Listed twice while it flips over: the running copy is the newer one.
  for (const m of w.in_progress_maintenances ?? []) byId.set(m.id, m)
  return mapItems([...byId.values()], 'incident.io maintenance', (m) => widgetMaintenance(m, pageUrl))
}
