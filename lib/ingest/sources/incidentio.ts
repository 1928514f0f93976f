// incident.io status pages (docs/status-page-formats.md §3.1). Two surfaces are read:
//  - the Statuspage-compatible /api/v2 (summary.json, incidents.json), parsed by the statuspage
//    module: overall indicator, components, incidents with their full update history;
//  - the native widget `/proxy/<host>`, which alone has the component groups, `full_outage`,
//    the live component statuses and the maintenances (the compatible API 404s on those).
// Without the widget the snapshot is what the compatible API gives; with it, the widget's
// hierarchy, statuses and maintenances replace the compatible ones.
import type { NormalizedComponent, NormalizedIncident } from '@/lib/status/snapshot'
import { parseJson, parseWithSchema } from './parse-helpers'
import { mapItems } from './read-warnings'
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
import type { Endpoint, StatusSource } from './types'

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
    const widgetBody = bodies.widget ?? null
    if (widgetBody === null) return { kind: 'snapshot', snapshot: assembleStatuspageSnapshot(parts) }
    const widget = parseWithSchema(incidentioWidgetSchema, parseJson(widgetBody, 'incident.io widget'), 'incident.io widget').summary
    return { kind: 'snapshot', snapshot: assembleStatuspageSnapshot(withWidget(parts, widget)) }
  },
}

/** The compatible API's parts, with what the widget knows better laid over them. */
export function withWidget(parts: StatuspageParts, widget: IncidentioWidget): StatuspageParts {
  const tree = widgetComponents(widget) ?? { groups: parts.groups, components: overlayStatuses(parts.components, widget) }
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

/** No structure in the widget: keep the compatible components, with the widget's statuses. */
function overlayStatuses(components: NormalizedComponent[], widget: IncidentioWidget): NormalizedComponent[] {
  const affected = widget.affected_components
  if (!affected) return components
  const statusById = new Map(affected.map((a) => [a.component_id, lookup(COMPONENT_STATUS, a.status)]))
  return components.map((c) => ({ ...c, status: statusById.get(c.externalId) ?? 'operational' }))
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
