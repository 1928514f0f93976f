// Statuspage wire objects -> normalized ones. Shared with the incident.io source, whose
// Statuspage-compatible API goes through the same functions (docs/status-page-formats.md §3.1).
import { worstStatus, type IncidentImpact, type IncidentStatus, type MaintenanceStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup, NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import type { StatuspageComponent, StatuspageIncident, StatuspageUpdate } from './statuspage-schema'
import { lookup } from './parse-helpers'
import { mapItems } from './read-warnings'
import { SourceParseError } from './types'


export const COMPONENT_STATUS: Readonly<Record<string, ServiceStatus>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  // incident.io's word for major_outage (docs/status-page-formats.md §3.1); its compatible API may leak it.
  full_outage: 'major_outage',
  under_maintenance: 'maintenance',
}

export const INDICATOR_STATUS: Readonly<Record<string, ServiceStatus>> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
}

export const INCIDENT_STATUS: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
}

export const IMPACT: Readonly<Record<string, IncidentImpact>> = {
  none: 'none',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  // Scheduled maintenances carry impact "maintenance": planned work, no unplanned impact.
  maintenance: 'none',
}

export const MAINTENANCE_STATUS: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
}

/** The service status an open incident of this impact implies (mirrors the indicator scale). */
export const IMPACT_STATUS: Readonly<Record<IncidentImpact, ServiceStatus>> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  unknown: 'unknown',
}

const OUTAGES: ReadonlySet<ServiceStatus> = new Set(['degraded', 'partial_outage', 'major_outage'])

/**
 * The page's own indicator, except that "maintenance" can mask a concurrent incident or outage
 * (docs/status-page-formats.md §6.8, github-summary-incident-plus-maintenance): then the worst real problem wins.
 */
export function overallStatus(indicator: string, components: NormalizedComponent[], incidents: NormalizedIncident[]): ServiceStatus {
  const mapped = lookup(INDICATOR_STATUS, indicator)
  if (mapped !== 'maintenance') return mapped
  const open = incidents.filter((i) => i.resolvedAt === null)
  const worst = worstStatus([...components.map((c) => c.status), ...open.map((i) => IMPACT_STATUS[i.impact])])
  return worst !== null && OUTAGES.has(worst) ? worst : 'maintenance'
}

export function normalizeComponents(raw: StatuspageComponent[]): { groups: NormalizedGroup[]; components: NormalizedComponent[] } {
  const groups: NormalizedGroup[] = []
  const parentOf = new Map<string, string>()
  raw.forEach((c, index) => {
    if (c.group !== true) return
    groups.push({ externalId: c.id, name: c.name.trim(), position: c.position ?? index })
    for (const child of c.components ?? []) parentOf.set(child, c.id)
  })
  const groupIds = new Set(groups.map((g) => g.externalId))
  const components: NormalizedComponent[] = []
  raw.forEach((c, index) => {
    if (c.group === true) return // a group's status aggregates its children: not a component of its own
    const parent = c.group_id ?? parentOf.get(c.id) ?? null
    components.push({
      externalId: c.id,
      name: c.name.trim(),
      description: c.description?.trim() || null,
      status: lookup(COMPONENT_STATUS, c.status),
      groupExternalId: parent !== null && groupIds.has(parent) ? parent : null,
      position: c.position ?? index,
      onlyShowIfDegraded: c.only_show_if_degraded ?? false,
    })
  })
  return { groups, components }
}

function updateTime(u: StatuspageUpdate): Date | null {
  return u.display_at ?? u.created_at ?? u.updated_at
}

/**
 * Updates sorted oldest first. Statuspage gives every update an id; when one is missing
 * (thinner compatible APIs) the id derives from the incident id and the creation time, which an
 * edited body does not change.
 */
export function normalizeUpdates(incidentId: string, raw: StatuspageUpdate[]): NormalizedIncidentUpdate[] {
  const used = new Set<string>()
  const updates = mapItems(raw, 'statuspage update', (u): NormalizedIncidentUpdate => {
    const publishedAt = updateTime(u)
    if (!publishedAt) throw new SourceParseError(`statuspage: update ${u.id ?? '?'} of incident ${incidentId} has no time`)
    const base = u.id ?? `${incidentId}@${(u.created_at ?? publishedAt).toISOString()}`
    let externalId = base
    for (let n = 2; used.has(externalId); n++) externalId = `${base}#${n}`
    used.add(externalId)
    return { externalId, status: lookup(INCIDENT_STATUS, u.status), body: (u.body ?? '').trim(), publishedAt }
  })
  return updates.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.externalId.localeCompare(b.externalId))
}

/** incident.components plus every code named in an update's affected_components, unfiltered. */
function affectedIds(raw: StatuspageIncident): string[] {
  const ids = new Set((raw.components ?? []).map((c) => c.id))
  for (const u of raw.incident_updates ?? []) for (const a of u.affected_components ?? []) if (a.code) ids.add(a.code)
  return [...ids]
}

function itemUrl(raw: StatuspageIncident, pageUrl: string | null): string | null {
  return raw.shortlink?.trim() || (pageUrl ? `${pageUrl}/incidents/${raw.id}` : null)
}

export function normalizeIncident(raw: StatuspageIncident, pageUrl: string | null): NormalizedIncident {
  const updates = normalizeUpdates(raw.id, raw.incident_updates ?? [])
  const status = lookup(INCIDENT_STATUS, raw.status)
  // incident.io's compatible incidents have no started_at (docs/status-page-formats.md §3.1).
  const startedAt = raw.started_at ?? raw.created_at ?? updates[0]?.publishedAt
  if (!startedAt) throw new SourceParseError(`statuspage: incident ${raw.id} has no start time`)
  const closed = status === 'resolved' || status === 'postmortem'
  const closingUpdate = updates.findLast((u) => u.status === 'resolved' || u.status === 'postmortem')
  const resolvedAt = closed ? (raw.resolved_at ?? closingUpdate?.publishedAt ?? raw.updated_at ?? startedAt) : null
  const postmortemBody = raw.postmortem_body?.trim()
  // A body without a publication time is shown only once the incident says it has a postmortem.
  const postmortemAt = raw.postmortem_published_at ?? (status === 'postmortem' ? raw.postmortem_body_last_updated_at : null)
  return {
    externalId: raw.id,
    title: raw.name.trim(),
    status,
    impact: lookup(IMPACT, raw.impact),
    startedAt,
    resolvedAt,
    updatedAt: raw.updated_at,
    url: itemUrl(raw, pageUrl),
    componentExternalIds: affectedIds(raw),
    updates,
    postmortem: postmortemBody && postmortemAt ? { body: postmortemBody, publishedAt: postmortemAt } : null,
  }
}

export function normalizeMaintenance(raw: StatuspageIncident, pageUrl: string | null): NormalizedMaintenance {
  const status = lookup(MAINTENANCE_STATUS, raw.status)
  const scheduledFor = raw.scheduled_for ?? raw.started_at
  if (!scheduledFor) throw new SourceParseError(`statuspage: maintenance ${raw.id} has no scheduled_for`)
  const timed = (raw.incident_updates ?? [])
    .map((u) => ({ status: u.status, body: (u.body ?? '').trim(), at: updateTime(u) }))
    .filter((u): u is { status: string; body: string; at: Date } => u.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  const firstAt = (...s: string[]) => timed.find((u) => s.includes(u.status))?.at ?? null
  const started = status === 'in_progress' || status === 'verifying' || status === 'completed'
  return {
    externalId: raw.id,
    title: raw.name.trim(),
    status,
    impact: lookup(IMPACT, raw.impact),
    scheduledFor,
    scheduledUntil: raw.scheduled_until,
    // started_at on a maintenance is its creation time, not when the work began.
    startedAt: started ? (firstAt('in_progress', 'verifying') ?? scheduledFor) : null,
    completedAt: status === 'completed' ? (raw.resolved_at ?? firstAt('completed') ?? raw.updated_at) : null,
    url: itemUrl(raw, pageUrl),
    body: timed.at(-1)?.body || null,
    updatedAt: raw.updated_at,
    componentExternalIds: affectedIds(raw),
  }
}
