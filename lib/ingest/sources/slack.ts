// Slack: `https://slack-status.com/api/v2.0.0/current` (docs/status-page-formats.md §4.4). Lists only active items:
// coverage is 'active' for incidents and maintenances.
//
// Mapping (Slack documents no severity beyond the item type; decided December 2026 and pinned by
// slack.test.ts and the fidelity suite, docs/status-page-formats.md §5):
//   type       component status  impact  (while the item is active)
//   outage     major_outage      major
//   incident   partial_outage    minor   (part of a service misbehaves for some users: "issue with
//                                         certain API calls", "notification settings not respected";
//                                         statuscheck, whose capture we test on, reads it the same way)
//   notice     degraded          none    (an advisory; Slack still flags the service)
//   maintenance -> a maintenance, component `maintenance` while it is in progress
//   anything else: unknown
// Item status: active -> investigating (Slack has no phases) / in_progress for maintenance,
// resolved -> resolved, scheduled -> scheduled, completed -> completed, canceled -> cancelled.
// Overall: "ok" -> operational; "active" -> the worst status the active items imply (unknown when
// none implies one); any other value -> unknown.
import { z } from 'zod'
import { worstStatus, type IncidentImpact, type IncidentStatus, type MaintenanceStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import { lookup, parseJson, parseWithSchema, zDate, zOptionalDate } from './parse-helpers'
import { carrySkipped, mapItems, zListOrEmpty, zText } from './read-warnings'
import type { StatusSource } from './types'

export const SLACK_CURRENT_URL = 'https://slack-status.com/api/v2.0.0/current'

/** Slack's documented service names (docs/status-page-formats.md §4.4). Upstream has no ids: the name is the key. */
export const SLACK_SERVICES = [
  'Login/SSO',
  'Messaging',
  'Notifications',
  'Search',
  'Workspace/Org Administration',
  'Canvases',
  'Connectivity',
  'Files',
  'Workflows',
  'Apps/Integrations/APIs',
] as const

const noteSchema = z.object({ date_created: zDate, body: zText })
const itemSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  date_created: zDate,
  date_updated: zOptionalDate,
  title: zText,
  type: zText,
  status: zText,
  url: z.string().nullish(),
  services: zListOrEmpty(z.string(), 'slack affected component').transform((names) =>
    carrySkipped(
      names,
      names.map((n) => n.trim()).filter((n) => n !== ''),
    ),
  ),
  notes: zListOrEmpty(noteSchema, 'slack update'),
})
export const slackCurrentSchema = z.object({
  status: z.string(),
  active_incidents: zListOrEmpty(itemSchema, 'slack incident'),
})
type SlackItem = z.output<typeof itemSchema>

const TYPE_STATUS: Readonly<Record<string, ServiceStatus>> = {
  outage: 'major_outage',
  incident: 'partial_outage',
  notice: 'degraded',
}
const TYPE_IMPACT: Readonly<Record<string, IncidentImpact>> = {
  outage: 'major',
  incident: 'minor',
  notice: 'none',
}
const INCIDENT_STATUS: Readonly<Record<string, IncidentStatus>> = {
  active: 'investigating',
  resolved: 'resolved',
}
const MAINTENANCE_STATUS: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled',
  active: 'in_progress',
  completed: 'completed',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  resolved: 'completed',
}

/** Notes have no ids: item id + note time, with ~2, ~3 for repeats of one instant oldest first. */
function mapNotes(item: SlackItem, status: IncidentStatus) {
  const sorted = [...item.notes].sort((a, b) => a.date_created.getTime() - b.date_created.getTime())
  const seen = new Map<string, number>()
  return sorted.map((note, index) => {
    const key = `${item.id}:${note.date_created.toISOString()}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const last = index === sorted.length - 1
    return {
      externalId: n === 1 ? key : `${key}~${n}`,
      // Notes carry no status: the newest one speaks for the item, earlier ones were open.
      status: last ? status : status === 'unknown' ? ('unknown' as const) : ('investigating' as const),
      body: note.body.trim(),
      publishedAt: note.date_created,
    }
  })
}

function toIncident(item: SlackItem, status: IncidentStatus): NormalizedIncident {
  const updates = mapNotes(item, status)
  return {
    externalId: item.id,
    title: item.title.trim() || `Slack ${item.type} ${item.id}`,
    status,
    impact: lookup(TYPE_IMPACT, item.type),
    startedAt: item.date_created,
    resolvedAt: status === 'resolved' ? (item.date_updated ?? updates[updates.length - 1]?.publishedAt ?? item.date_created) : null,
    updatedAt: item.date_updated,
    url: item.url ?? null,
    componentExternalIds: [...new Set(item.services)],
    updates,
  }
}

function toMaintenance(item: SlackItem, status: MaintenanceStatus | 'unknown'): NormalizedMaintenance {
  const notes = [...item.notes].sort((a, b) => a.date_created.getTime() - b.date_created.getTime())
  return {
    externalId: item.id,
    title: item.title.trim() || `Slack maintenance ${item.id}`,
    status,
    impact: 'none',
    // Slack publishes no window; the posting time is the only start we have.
    scheduledFor: item.date_created,
    scheduledUntil: null,
    startedAt: status === 'in_progress' ? item.date_created : null,
    completedAt: status === 'completed' ? item.date_updated : null,
    url: item.url ?? null,
    body: notes[notes.length - 1]?.body.trim() ?? null,
    updatedAt: item.date_updated,
    componentExternalIds: [...new Set(item.services)],
  }
}

export function parseSlackCurrent(body: string | null): StatusSnapshot {
  const data = parseWithSchema(slackCurrentSchema, parseJson(body, 'slack current'), 'slack current')
  const incidents: NormalizedIncident[] = []
  const maintenances: NormalizedMaintenance[] = []
  const affected = new Map<string, ServiceStatus[]>()
  const implied: ServiceStatus[] = []
  for (const item of data.active_incidents) {
    const isMaintenance = item.type.trim().toLowerCase() === 'maintenance'
    let effect: ServiceStatus | null = null
    if (isMaintenance) {
      const status = lookup(MAINTENANCE_STATUS, item.status)
      maintenances.push(...mapItems([item], 'slack maintenance', (m) => toMaintenance(m, status)))
      effect = status === 'in_progress' ? 'maintenance' : status === 'unknown' ? 'unknown' : null
    } else {
      const status = lookup(INCIDENT_STATUS, item.status)
      incidents.push(...mapItems([item], 'slack incident', (i) => toIncident(i, status)))
      effect = status === 'resolved' ? null : lookup(TYPE_STATUS, item.type)
    }
    if (effect === null) continue
    implied.push(effect)
    for (const service of item.services) affected.set(service, [...(affected.get(service) ?? []), effect])
  }
  // Documented services first, then any service an item names that the list does not know yet.
  const names = [...new Set<string>([...SLACK_SERVICES, ...data.active_incidents.flatMap((i) => i.services)])]
  const components = names.map((name, position) => ({
    externalId: name,
    name,
    status: worstStatus(affected.get(name) ?? []) ?? 'operational',
    groupExternalId: null,
    position,
  }))
  const upstream = data.status.trim().toLowerCase()
  // "ok" next to a listed open incident is not operational (issue 14 #7): the items win. "ok" with
  // nothing open is operational; "active" with nothing readable stays unknown.
  const fromItems = worstStatus(implied)
  const status: ServiceStatus = upstream === 'ok' ? (fromItems ?? 'operational') : upstream === 'active' ? (fromItems ?? 'unknown') : 'unknown'
  return {
    status,
    statusText: null,
    groups: [],
    components,
    incidents,
    maintenances,
    coverage: { incidents: 'active', maintenances: 'active' },
  }
}

export const slackSource: StatusSource = {
  endpoints: (target) => [{ key: 'current', url: target.apiUrl ?? SLACK_CURRENT_URL }],
  parse: (bodies) => ({
    kind: 'snapshot',
    snapshot: parseSlackCurrent(bodies.current ?? null),
  }),
}
