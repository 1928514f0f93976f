// status.io public status (`https://api.status.io/1.0/status/<page id>`, docs/status-page-formats.md §3.3) to a snapshot.
//
// Component model: status.io shows a matrix of components (`status[]`) x containers (regions,
// providers). A component with one container becomes one component keyed by the component id (the
// usual case: every recorded page has exactly one container per component). A component with
// several containers becomes a group keyed by the component id, holding one component per container
// keyed `<component id>/<container id>`, because the same container id is shared by many components.
// Caveat: adding a second container to a component turns it into a group and its old component id
// disappears, which the diff sees as a removed component plus new ones.
import type { IncidentImpact, IncidentStatus, ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup, NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import { mapItems } from './read-warnings'
import type {
  StatusioBody as Body,
  StatusioEntry as Entry,
  StatusioEvent as Event,
  StatusioIncident as Incident,
  StatusioMaintenance as Maintenance,
} from './statusio-schema'

/**
 * 600 is a "Security Event": status.io ranks it above 500 and renders it as the most severe state,
 * so it maps to major_outage here (the text stays in statusText) and to a critical impact.
 */
export const STATUSIO_STATUS: Record<string, ServiceStatus> = {
  '100': 'operational',
  '200': 'maintenance',
  '300': 'degraded',
  '400': 'partial_outage',
  '500': 'major_outage',
  '600': 'major_outage',
}
/**
 * An incident message's status code read as an impact on the same scale as the component codes
 * above (impact minor/major/critical imply degraded/partial_outage/major_outage, lib/status/
 * open-incidents.ts): a "Partial Service Disruption" (400) incident is as bad as a component at
 * 400. Found by the fidelity suite: GitLab's open 400 incident read one step milder than its code.
 */
export const STATUSIO_IMPACT: Record<string, IncidentImpact> = {
  '100': 'none',
  '200': 'none',
  '300': 'minor',
  '400': 'major',
  '500': 'critical',
  '600': 'critical',
}
const IMPACT_RANK: IncidentImpact[] = ['none', 'minor', 'major', 'critical']
const MESSAGE_STATE: Record<string, IncidentStatus> = { '100': 'investigating', '200': 'identified', '300': 'monitoring' }

export const mapStatusioStatus = (code: string): ServiceStatus => STATUSIO_STATUS[code] ?? 'unknown'

function buildComponents(entries: Entry[]): { groups: NormalizedGroup[]; components: NormalizedComponent[] } {
  const groups: NormalizedGroup[] = []
  const components: NormalizedComponent[] = []
  for (const entry of entries) {
    const containers = entry.containers ?? []
    if (containers.length <= 1) {
      const status = mapStatusioStatus(entry.status_code)
      components.push({ externalId: entry.id, name: entry.name, status, groupExternalId: null, position: components.length })
      continue
    }
    groups.push({ externalId: entry.id, name: entry.name, position: groups.length })
    for (const c of containers) {
      components.push({
        externalId: `${entry.id}/${c.id}`,
        name: `${entry.name} (${c.name})`,
        status: mapStatusioStatus(c.status_code),
        groupExternalId: entry.id,
        position: components.length,
      })
    }
  }
  return { groups, components }
}

/** Affected component ids in our model: a grouped component expands to its affected containers. */
function affected(event: Event, entries: Map<string, Entry>): string[] {
  const containers = new Set((event.containers_affected ?? []).map((c) => c._id))
  const ids = new Set<string>()
  for (const { _id } of event.components_affected ?? []) {
    const entry = entries.get(_id)
    if (!entry) continue
    const own = entry.containers ?? []
    if (own.length <= 1) ids.add(_id)
    else for (const c of own) if (containers.size === 0 || containers.has(c.id)) ids.add(`${_id}/${c.id}`)
  }
  return [...ids]
}

/**
 * Messages have no id upstream. The id is the event id + the message time (+ a counter when two
 * messages share a time), never the text, so an edited message keeps its id.
 */
function toUpdates(event: Event): NormalizedIncidentUpdate[] {
  const seen = new Map<string, number>()
  return (event.messages ?? []).map((m) => {
    const time = m.datetime.toISOString()
    const n = seen.get(time) ?? 0
    seen.set(time, n + 1)
    return {
      externalId: n === 0 ? `${event._id}-${time}` : `${event._id}-${time}-${n}`,
      status: MESSAGE_STATE[m.state ?? ''] ?? 'unknown',
      body: (m.details ?? '').trim(),
      publishedAt: m.datetime,
    }
  })
}

const latestOf = <T extends { publishedAt: Date }>(items: T[]): T | undefined =>
  items.reduce<T | undefined>((a, b) => (!a || b.publishedAt >= a.publishedAt ? b : a), undefined)

function toIncident(event: Incident, entries: Map<string, Entry>): NormalizedIncident {
  const updates = toUpdates(event)
  const latest = latestOf(updates)
  // The incident's impact is the worst any message declared; unknown codes do not count.
  const ranks = (event.messages ?? []).map((m) => IMPACT_RANK.indexOf(STATUSIO_IMPACT[m.status ?? ''] ?? 'unknown')).filter((r) => r >= 0)
  return {
    externalId: event._id,
    title: event.name.trim(),
    // The feed lists open incidents only, so one without messages is still open.
    status: latest?.status ?? 'investigating',
    impact: ranks.length > 0 ? (IMPACT_RANK[Math.max(...ranks)] ?? 'unknown') : 'unknown',
    startedAt: event.datetime_open,
    resolvedAt: null,
    updatedAt: latest?.publishedAt ?? null,
    url: null,
    componentExternalIds: affected(event, entries),
    updates,
  }
}

function toMaintenance(event: Maintenance, active: boolean, entries: Map<string, Entry>): NormalizedMaintenance {
  const latest = latestOf(toUpdates(event))
  return {
    externalId: event._id,
    title: event.name.trim(),
    status: active ? 'in_progress' : 'scheduled',
    impact: 'none',
    scheduledFor: event.start,
    scheduledUntil: event.datetime_planned_end ?? null,
    startedAt: active ? event.start : null,
    body: latest?.body ?? null,
    updatedAt: latest?.publishedAt ?? null,
    url: null,
    componentExternalIds: affected(event, entries),
  }
}

export function statusioSnapshot(body: Body): StatusSnapshot {
  const { result } = body
  const entries = new Map(result.status.map((e) => [e.id, e]))
  const { groups, components } = buildComponents(result.status)
  return {
    status: mapStatusioStatus(result.status_overall.status_code),
    statusText: result.status_overall.status?.trim() || null,
    groups,
    components,
    incidents: mapItems(result.incidents ?? [], 'status.io incident', (e) => toIncident(e, entries)),
    maintenances: [
      ...mapItems(result.maintenance?.active ?? [], 'status.io maintenance', (e) => toMaintenance(e, true, entries)),
      ...mapItems(result.maintenance?.upcoming ?? [], 'status.io maintenance', (e) => toMaintenance(e, false, entries)),
    ],
    // Resolved incidents and finished maintenance drop out of the feed.
    coverage: { incidents: 'active', maintenances: 'active' },
  }
}
