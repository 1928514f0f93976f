// incident.io status pages (docs/status-page-formats.md §3.1). Two surfaces are read:
//  - the Statuspage-compatible /api/v2 (summary.json, incidents.json), parsed by the statuspage
//    module: overall indicator, incidents with their full update history, and a SAMPLE of the
//    components: the summary lists 25 of them, a different 25 each time (three OpenAI captures hold
//    37 distinct components), with no groups and positions that are only the sample's order;
//  - the native widget `/proxy/<host>`, which the page itself renders from: the whole component
//    list with its groups, `full_outage`, the live component statuses and the maintenances (the
//    compatible API 404s on those).
// With a widget that reads, its hierarchy, statuses and maintenances replace the compatible ones.
// Without one (404, or a body that does not parse: a read warning, never a failed vendor), the
// snapshot is the compatible reading, marked as a sample: it proves no component's absence and
// says nothing of order or grouping, so nothing stored is removed or regrouped because of it.
import type { NormalizedComponent, NormalizedIncident } from '@/lib/status/snapshot'
import { parseJson, parseWithSchema } from './parse-helpers'
import { mapItems, warn } from './read-warnings'
import { incidentioWidgetSchema, widgetComponents, widgetIncident, widgetMaintenances, type IncidentioWidget } from './incidentio-widget'
import { lookup } from './parse-helpers'
import { COMPONENT_STATUS } from './statuspage-normalize'
import {
  assembleStatuspageSnapshot,
  parseStatuspageParts,
  statuspageSiblingUrl,
  statuspageSummaryUrl,
  type StatuspageParts,
} from './statuspage'
import { isSourceParseError, type Endpoint, type StatusSource } from './types'

/** `https://<host>/proxy/<host>`, the widget the status page itself loads. */
export function incidentioWidgetUrl(summaryUrl: string): string {
  const url = new URL(summaryUrl)
  return `${url.origin}/proxy/${url.host}`
}

export const incidentioSource: StatusSource = {
  endpoints(target): Endpoint[] {
    const summary = statuspageSummaryUrl(target)
    return [
      { key: 'summary', url: summary },
      { key: 'incidents', url: statuspageSiblingUrl(summary, 'incidents.json'), optional: true },
      { key: 'widget', url: incidentioWidgetUrl(summary), optional: true },
    ]
  },
  parse(bodies, ctx) {
    const incidentsBody = bodies.incidents ?? null
    // scheduled-maintenances.json 404s on incident.io, so it is never asked for.
    const parts = parseStatuspageParts({ summary: bodies.summary ?? null, incidents: incidentsBody }, ctx)
    const widget = readWidget(bodies.widget ?? null)
    if (widget === null) return { kind: 'snapshot', snapshot: { ...assembleStatuspageSnapshot(parts), ...compatReading(parts.components.length) } }
    const layered = withWidget(parts, widget)
    const snapshot = assembleStatuspageSnapshot(layered)
    // Without `structure` the widget names every component but not its group or place.
    return { kind: 'snapshot', snapshot: widget.structure ? snapshot : { ...snapshot, componentLayoutUnknown: true } }
  },
}

/**
 * How many components incident.io's compatible summary lists at most: every recorded OpenAI
 * capture holds exactly 25, a different 25 each time, of more than 35.
 */
export const COMPAT_SAMPLE_SIZE = 25

/**
 * What the compatible summary's component list is: never the page's order or groups (it has no
 * groups, and its positions are the list's own order), so stored components keep theirs; and, when
 * it is full (COMPAT_SAMPLE_SIZE or more), a sample that proves no component's absence. A shorter
 * list is the page's every component.
 */
function compatReading(count: number): { componentLayoutUnknown: true; componentsPartial?: true } {
  return count >= COMPAT_SAMPLE_SIZE ? { componentLayoutUnknown: true, componentsPartial: true } : { componentLayoutUnknown: true }
}

/**
 * The widget, or null when the page serves none (404) or serves one we cannot read. Its shape has
 * never been recorded from a live page (fixtures/SOURCES.md), so a body that does not parse is a
 * read warning and the compatible reading stands, instead of failing a vendor whose summary read.
 */
function readWidget(body: string | null): IncidentioWidget | null {
  if (body === null) return null
  try {
    return parseWithSchema(incidentioWidgetSchema, parseJson(body, 'incident.io widget'), 'incident.io widget').summary
  } catch (e) {
    if (!isSourceParseError(e)) throw e
    warn('incident.io widget', e.message)
    return null
  }
}

/** The compatible API's parts, with what the widget knows better laid over them. */
export function withWidget(parts: StatuspageParts, widget: IncidentioWidget): StatuspageParts {
  const tree = widgetComponents(widget) ?? { groups: parts.groups, components: listedComponents(parts.components, widget) }
  const maintenances = widgetMaintenances(widget, parts.pageUrl)
  return {
    ...parts,
    ...tree,
    incidents: mergeOngoing(parts.incidents, mapItems(widget.ongoing_incidents ?? [], 'incident.io incident', (i) => widgetIncident(i, parts.pageUrl))),
    maintenances: maintenances ?? parts.maintenances,
    coverage: {
      // The widget lists every ongoing incident ('active'), whatever incidents.json adds.
      incidents: widget.ongoing_incidents != null ? 'active' : parts.coverage.incidents,
      maintenances: maintenances ? 'active' : parts.coverage.maintenances,
    },
  }
}

/**
 * No structure in the widget: its `components` (every component, ids and names) joined with the
 * compatible sample, each with the widget's status (a component it does not list as affected is
 * operational).
 */
function listedComponents(sample: NormalizedComponent[], widget: IncidentioWidget): NormalizedComponent[] {
  const byId = new Map(sample.map((c) => [c.externalId, c]))
  for (const c of widget.components ?? []) {
    if (!byId.has(c.id)) byId.set(c.id, { externalId: c.id, name: c.name.trim(), status: 'operational', groupExternalId: null, position: byId.size })
  }
  const affected = widget.affected_components
  if (!affected) return [...byId.values()]
  const statusById = new Map(affected.map((a) => [a.component_id, lookup(COMPONENT_STATUS, a.status)]))
  return [...byId.values()].map((c) => ({ ...c, status: statusById.get(c.externalId) ?? 'operational' }))
}

/**
 * The compatible API's copy of an incident has the full update history and wins; the widget adds
 * the affected components (compatible incidents have none) and incidents it does not list.
 */
function mergeOngoing(known: NormalizedIncident[], ongoing: NormalizedIncident[]): NormalizedIncident[] {
  const byId = new Map(known.map((i) => [i.externalId, i]))
  for (const live of ongoing) {
    const seen = byId.get(live.externalId)
    byId.set(
      live.externalId,
      seen
        ? {
            ...seen,
            impact: seen.impact === 'unknown' ? live.impact : seen.impact,
            componentExternalIds: [...new Set([...seen.componentExternalIds, ...live.componentExternalIds])],
          }
        : live,
    )
  }
  return [...byId.values()]
}
