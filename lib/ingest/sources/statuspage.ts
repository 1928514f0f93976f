// Atlassian Statuspage public API v2 (docs/status-page-formats.md §2). Also reads incident.io pages through their
// Statuspage-compatible /api/v2 (docs/status-page-formats.md §3.1); the incidentio source builds on the parts here.
//
// summary.json lists only unresolved incidents and upcoming/running maintenances, so incidents.json
// (the 50 most recent, any state) and scheduled-maintenances.json (the 50 most recent) are read as
// well: they carry the resolution and postmortem of items that already left the summary.
import type { NormalizedComponent, NormalizedGroup, NormalizedIncident, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import { parseJson, parseWithSchema } from './parse-helpers'
import { mapItems } from './read-warnings'
import { normalizeComponents, normalizeIncident, normalizeMaintenance, overallStatus } from './statuspage-normalize'
import {
  statuspageIncidentListSchema,
  statuspageMaintenanceListSchema,
  statuspageSingleIncidentSchema,
  statuspageSummarySchema,
  type StatuspageIncident,
} from './statuspage-schema'
import type { Endpoint, ParseContext, SourceTarget, StatusSource } from './types'

/** The catalog's apiUrl is the summary; pages without one serve it at the usual path. */
export function statuspageSummaryUrl(target: SourceTarget): string {
  if (target.apiUrl) return target.apiUrl
  const base = target.statusPageUrl.endsWith('/') ? target.statusPageUrl : `${target.statusPageUrl}/`
  return new URL('api/v2/summary.json', base).toString()
}

/** A file next to summary.json, e.g. `incidents.json`. */
export function statuspageSiblingUrl(summaryUrl: string, file: string): string {
  return new URL(file, summaryUrl).toString()
}

export const statuspageSource: StatusSource = {
  endpoints(target): Endpoint[] {
    const summary = statuspageSummaryUrl(target)
    return [
      { key: 'summary', url: summary },
      // Optional so that a page answering 404 (incident.io-backed, or a trimmed proxy) still polls.
      { key: 'incidents', url: statuspageSiblingUrl(summary, 'incidents.json'), optional: true },
      { key: 'maintenances', url: statuspageSiblingUrl(summary, 'scheduled-maintenances.json'), optional: true },
    ]
  },
  parse(bodies, ctx) {
    return { kind: 'snapshot', snapshot: assembleStatuspageSnapshot(parseStatuspageParts(bodies, ctx)) }
  },
}

/** A snapshot before its incident/maintenance component ids are checked against its components. */
export interface StatuspageParts {
  indicator: string
  statusText: string | null
  pageUrl: string | null
  groups: NormalizedGroup[]
  components: NormalizedComponent[]
  incidents: NormalizedIncident[]
  maintenances: NormalizedMaintenance[]
  coverage: StatusSnapshot['coverage']
}

/** Bodies: `summary` (required), `incidents` and `maintenances` (null or absent when not fetched). */
export function parseStatuspageParts(bodies: Record<string, string | null>, ctx: ParseContext): StatuspageParts {
  const summary = parseWithSchema(statuspageSummarySchema, parseJson(bodies.summary, 'statuspage summary'), 'statuspage summary')
  const incidentsBody = bodies.incidents ?? null
  const maintenancesBody = bodies.maintenances ?? null
  const recentIncidents =
    incidentsBody === null
      ? null
      : parseWithSchema(statuspageIncidentListSchema, parseJson(incidentsBody, 'statuspage incidents'), 'statuspage incidents').incidents
  const recentMaintenances =
    maintenancesBody === null
      ? null
      : parseWithSchema(statuspageMaintenanceListSchema, parseJson(maintenancesBody, 'statuspage maintenances'), 'statuspage maintenances')
          .scheduled_maintenances
  const pageUrl = (summary.page?.url?.trim() || ctx.target.statusPageUrl).replace(/\/+$/, '') || null
  const { groups, components } = normalizeComponents(summary.components)
  return {
    indicator: summary.status.indicator,
    statusText: summary.status.description?.trim() || null,
    pageUrl,
    groups,
    components,
    incidents: mapItems(newestById(recentIncidents ?? [], summary.incidents ?? []), 'statuspage incident', (i) => normalizeIncident(i, pageUrl)),
    maintenances: mapItems(newestById(recentMaintenances ?? [], summary.scheduled_maintenances ?? []), 'statuspage maintenance', (m) =>
      normalizeMaintenance(m, pageUrl),
    ),
    coverage: {
      incidents: listCoverage(summary.incidents),
      maintenances: listCoverage(summary.scheduled_maintenances),
    },
  }
}

/**
 * summary.json lists every unresolved incident and every upcoming or running maintenance, so the
 * merged list holds every open item ('active') even when it also holds recent ended ones.
 * incident.io's compatible summary has no incidents/scheduled_maintenances key at all: that says
 * nothing about what is open, so a missing item must not read as ended ('recent').
 */
function listCoverage(active: unknown[] | undefined): 'active' | 'recent' {
  return active === undefined ? 'recent' : 'active'
}

/** One entry per id; the copy with the later updated_at wins, the later list on a tie. */
function newestById(...lists: StatuspageIncident[][]): StatuspageIncident[] {
  const byId = new Map<string, StatuspageIncident>()
  for (const item of lists.flat()) {
    const seen = byId.get(item.id)
    if (!seen || (item.updated_at?.getTime() ?? 0) >= (seen.updated_at?.getTime() ?? 0)) byId.set(item.id, item)
  }
  return [...byId.values()]
}

export function assembleStatuspageSnapshot(parts: StatuspageParts): StatusSnapshot {
  // Incidents name components that were deleted since, or groups: keep only ids of this snapshot.
  const known = new Set(parts.components.map((c) => c.externalId))
  const keepKnown = <T extends { componentExternalIds: string[] }>(item: T): T => ({
    ...item,
    componentExternalIds: item.componentExternalIds.filter((id) => known.has(id)),
  })
  const incidents = parts.incidents.map(keepKnown)
  return {
    status: overallStatus(parts.indicator, parts.components, incidents),
    statusText: parts.statusText,
    groups: parts.groups,
    components: parts.components,
    incidents,
    maintenances: parts.maintenances.map(keepKnown),
    coverage: parts.coverage,
  }
}

/**
 * `/api/v2/incidents/<id>.json` (`{page, incident}`), for backfills and tests. Component ids are
 * not filtered: there is no component list to check them against.
 */
export function parseStatuspageIncident(body: string | null): NormalizedIncident {
  const parsed = parseWithSchema(statuspageSingleIncidentSchema, parseJson(body, 'statuspage incident'), 'statuspage incident')
  const pageUrl = parsed.page?.url?.trim().replace(/\/+$/, '') || null
  return normalizeIncident(parsed.incident, pageUrl)
}
