// Heroku: `https://status.heroku.com/api/v4/current-status` (docs/status-page-formats.md §4.5). Lists open incidents
// and current/upcoming scheduled work only: coverage is 'active'.
//
//   colour   component status  impact      update_type    incident status
//   green    operational       none        investigating  investigating
//   yellow   degraded          minor       issue          identified
//   red      major_outage      major       monitoring     monitoring
//   blue     maintenance       (ignored)   resolved       resolved
//   other    unknown           unknown     update / ''    the previous update's status
// Components are the `status[].system` rows (Apps, Data, Tools), keyed by name (upstream has no
// ids). Incidents do not say which system they affect, so componentExternalIds stay empty.
// Overall: the worst system colour.
import { z } from 'zod'
import { worstStatus, type IncidentImpact, type IncidentStatus, type MaintenanceStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import { readWindow } from './heroku-schedule'
import { lookup, parseJson, parseWithSchema, zDate, zOptionalDate } from './parse-helpers'
import { mapItems, zList, zListOrEmpty, zText } from './read-warnings'
import type { StatusSource } from './types'


export const HEROKU_STATUS_URL = 'https://status.heroku.com/api/v4/current-status'

const id = z.union([z.number(), z.string()]).transform(String)
const updateSchema = z.object({
  id,
  created_at: zDate,
  update_type: zText,
  contents: zText,
  status_dev: z.string().nullish(),
  status_prod: z.string().nullish(),
})
const issueSchema = z.object({
  id,
  created_at: zDate,
  updated_at: zOptionalDate,
  resolved: z.boolean().nullish(),
  resolved_at: zOptionalDate,
  upcoming: z.boolean().nullish(),
  title: zText,
  full_url: z.string().nullish(),
  status_dev: z.string().nullish(),
  status_prod: z.string().nullish(),
  updates: zListOrEmpty(updateSchema, 'heroku update'),
})
export const herokuStatusSchema = z.object({
  status: zList(z.object({ system: z.string(), status: z.string() }), 'heroku component', { core: true }),
  incidents: zListOrEmpty(issueSchema, 'heroku incident'),
  scheduled: zListOrEmpty(issueSchema, 'heroku maintenance'),
})
type HerokuIssue = z.output<typeof issueSchema>
type HerokuUpdate = z.output<typeof updateSchema>


const COLOUR_STATUS: Readonly<Record<string, ServiceStatus>> = { green: 'operational', yellow: 'degraded', red: 'major_outage', blue: 'maintenance' }
const COLOUR_IMPACT: Readonly<Record<string, IncidentImpact>> = { green: 'none', yellow: 'minor', red: 'major' }
const IMPACT_RANK: Readonly<Record<IncidentImpact, number>> = { unknown: 0, none: 1, minor: 2, major: 3, critical: 4 }
const UPDATE_STATUS: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  issue: 'identified',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
}
const MAINTENANCE_UPDATE: Readonly<Record<string, MaintenanceStatus>> = { scheduled: 'scheduled', maintenance: 'in_progress', resolved: 'completed' }
const CARRY = new Set(['update', ''])

const chronological = (updates: HerokuUpdate[]) => [...updates].sort((a, b) => a.created_at.getTime() - b.created_at.getTime())

/** Each update's status oldest first; "update" repeats the phase before it. */
function phases<T extends string>(updates: HerokuUpdate[], table: Readonly<Record<string, T>>) {
  let last: T | 'unknown' | null = null
  const statuses = updates.map((u) => {
    const type = u.update_type.trim().toLowerCase()
    if (CARRY.has(type)) return last ?? 'unknown'
    last = lookup(table, type)
    return last
  })
  return { statuses, last }
}

/** The worst colour an incident showed on either environment, as an impact. */
function impactOf(issue: HerokuIssue): IncidentImpact {
  const colours = [issue.status_dev, issue.status_prod, ...issue.updates.flatMap((u) => [u.status_dev, u.status_prod])]
  let worst: IncidentImpact = 'unknown'
  let sawUnknown = false
  for (const c of colours) {
    if (!c || c.trim().toLowerCase() === 'blue') continue
    const impact = lookup(COLOUR_IMPACT, c)
    sawUnknown ||= impact === 'unknown'
    if (IMPACT_RANK[impact] > IMPACT_RANK[worst]) worst = impact
  }
  // An unrecognised colour next to green ones might be worse than green: do not claim "none".
  return sawUnknown && worst === 'none' ? 'unknown' : worst
}

function toIncident(issue: HerokuIssue): NormalizedIncident {
  const updates = chronological(issue.updates)
  const { statuses, last } = phases(updates, UPDATE_STATUS)
  const status: IncidentStatus = issue.resolved === true ? 'resolved' : (last ?? 'unknown')
  const lastAt = updates[updates.length - 1]?.created_at ?? null
  return {
    externalId: issue.id,
    title: issue.title.trim() || `Heroku incident ${issue.id}`,
    status,
    impact: impactOf(issue),
    startedAt: issue.created_at,
    resolvedAt: status === 'resolved' ? (issue.resolved_at ?? lastAt ?? issue.updated_at ?? issue.created_at) : null,
    updatedAt: issue.updated_at,
    url: issue.full_url ?? null,
    componentExternalIds: [],
    updates: updates.map((u, i) => ({ externalId: u.id, status: statuses[i] ?? 'unknown', body: u.contents.trim(), publishedAt: u.created_at })),
  }
}

function toMaintenance(issue: HerokuIssue): NormalizedMaintenance {
  const updates = chronological(issue.updates)
  const { last } = phases(updates, MAINTENANCE_UPDATE)
  const status: MaintenanceStatus | 'unknown' = issue.resolved === true ? 'completed' : issue.upcoming === true ? 'scheduled' : (last ?? 'unknown')
  const typed = (type: string) => (u: HerokuUpdate) => u.update_type.trim().toLowerCase() === type
  const startedAt = updates.find(typed('maintenance'))?.created_at ?? null
  const completedAt = status === 'completed' ? (issue.resolved_at ?? updates.findLast(typed('resolved'))?.created_at ?? null) : null
  const window = readWindow([issue.title, ...updates.map((u) => u.contents)], issue.created_at)
  return {
    externalId: issue.id,
    title: issue.title.trim() || `Heroku maintenance ${issue.id}`,
    status,
    impact: 'none',
    scheduledFor: window?.start ?? startedAt ?? issue.created_at,
    scheduledUntil: window?.end ?? null,
    startedAt,
    completedAt,
    url: issue.full_url ?? null,
    body: updates[updates.length - 1]?.contents.trim() ?? null,
    updatedAt: issue.updated_at,
    componentExternalIds: [],
  }
}

export function parseHerokuStatus(body: string | null): StatusSnapshot {
  const data = parseWithSchema(herokuStatusSchema, parseJson(body, 'heroku current-status'), 'heroku current-status')
  const components = data.status.map((s, position) => ({
    externalId: s.system.trim(),
    name: s.system.trim(),
    status: lookup(COLOUR_STATUS, s.status),
    groupExternalId: null,
    position,
  }))
  return {
    status: worstStatus(components.map((c) => c.status)) ?? 'unknown',
    statusText: null,
    groups: [],
    components,
    incidents: mapItems(data.incidents, 'heroku incident', toIncident),
    maintenances: mapItems(data.scheduled, 'heroku maintenance', toMaintenance),
    coverage: { incidents: 'active', maintenances: 'active' },
  }
}

export const herokuSource: StatusSource = {
  endpoints: (target) => [{ key: 'current', url: target.apiUrl ?? HEROKU_STATUS_URL }],
  parse: (bodies) => ({ kind: 'snapshot', snapshot: parseHerokuStatus(bodies.current ?? null) }),
}
