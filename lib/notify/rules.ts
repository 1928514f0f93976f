// Who gets told about a change event: pure rules, tested directly (rules.test.ts).
//
// An event alerts nobody when it is history or noise:
//  - baseline events (a vendor's first ingest) and incidents first seen already over;
//  - incidents first seen long after they began (a vendor added to the catalog, a page that was
//    unreadable for a day): old news, not an alert;
//  - an edited update (same update, reworded);
//  - a component status change seen while the vendor has an incident open that covers the
//    component (names it, or names no component at all; the diff records it in
//    `data.duringIncident`): the incident's own emails speak for it, to the watches that want that
//    incident. A component alert therefore always means "no incident covers this (yet)".
// Then each watch's preferences decide: components, minimum impact, maintenance notices,
// component-only alerts (off by default), possible outages (off by default).
//
// Possible outages (our unofficial early warning, issue 19) reach only watches that opted in, and
// the opt-in is the whole filter: a possible outage has no impact to compare (we do not know it)
// and concerns the vendor as a whole (probes hit its API root; a report naming a component is one
// user's guess), so neither the minimum impact nor the component choice holds it back. One closed
// because the official incident opened is not news by email: the incident's own email is the
// follow-up (threaded to it, lib/notify/compose.ts); destinations may still use it to edit or
// resolve what they posted (lib/channels/rules.ts).
import type { ChangeEventKind, PendingEventFacts } from '@/lib/data/outbox'
import type { IncidentImpact } from '@/lib/status/statuses'
import type { MinImpact } from '@/lib/validation/watchlist'

/** First seen this long after it started: old news. */
export const OLD_INCIDENT_MS = 24 * 3_600_000

const INCIDENT_EVENTS: ReadonlySet<ChangeEventKind> = new Set(['incident_opened', 'incident_updated', 'incident_resolved', 'postmortem_published'])
const MAINTENANCE_EVENTS: ReadonlySet<ChangeEventKind> = new Set(['maintenance_scheduled', 'maintenance_reminder', 'maintenance_started', 'maintenance_completed'])
export const POSSIBLE_OUTAGE_EVENTS: ReadonlySet<ChangeEventKind> = new Set(['possible_outage_opened', 'possible_outage_closed'])

/** What the rules read of an event: what the outbox loads for it (one shape, declared by the query). */
export type EventFacts = PendingEventFacts

export interface WatchPreferences {
  allComponents: boolean
  componentIds: ReadonlySet<string>
  minImpact: MinImpact
  maintenanceAlerts: boolean
  componentAlerts: boolean
  possibleOutageAlerts: boolean
}

/** Whether the event is news at all (before anyone's preferences). */
export function isNews(event: EventFacts): boolean {
  if (event.baseline) return false
  if (POSSIBLE_OUTAGE_EVENTS.has(event.kind)) return event.possibleOutage !== null
  if (INCIDENT_EVENTS.has(event.kind)) {
    if (!event.incident) return false
    if (event.kind === 'incident_opened') {
      const data = (event.data ?? {}) as { firstSeenOver?: unknown }
      if (data.firstSeenOver === true) return false
      if (event.incident.firstSeenAt.getTime() - event.incident.startedAt.getTime() > OLD_INCIDENT_MS) return false
    }
    return true
  }
  if (MAINTENANCE_EVENTS.has(event.kind)) return event.maintenance !== null
  if (event.kind !== 'component_status_changed' || event.componentId === null) return false
  const data = (event.data ?? {}) as { duringIncident?: unknown }
  return typeof data.duringIncident !== 'string'
}

const IMPACT_RANK: Record<IncidentImpact, number> = { none: 0, minor: 1, major: 2, critical: 3, unknown: 3 }
const MIN_RANK: Record<MinImpact, number> = { any: 0, minor: 1, major: 2 }

/** Whether one watch, with its preferences, wants this (newsworthy) event. */
export function watchWants(event: EventFacts, watch: WatchPreferences): boolean {
  if (POSSIBLE_OUTAGE_EVENTS.has(event.kind)) return watch.possibleOutageAlerts
  if (INCIDENT_EVENTS.has(event.kind) && event.incident) {
    // An impact we could not read passes every threshold: silence is the dangerous mistake.
    if (IMPACT_RANK[event.incident.impact] < MIN_RANK[watch.minImpact]) return false
    return touchesChosen(watch, event.incident.componentIds)
  }
  if (MAINTENANCE_EVENTS.has(event.kind) && event.maintenance) {
    return watch.maintenanceAlerts && touchesChosen(watch, event.maintenance.componentIds)
  }
  if (event.kind === 'component_status_changed' && event.componentId) {
    return watch.componentAlerts && (watch.allComponents || watch.componentIds.has(event.componentId))
  }
  return false
}

/** With chosen components, an item naming none of them is skipped; one naming no components at all is sent. */
function touchesChosen(watch: WatchPreferences, componentIds: string[]): boolean {
  if (watch.allComponents || componentIds.length === 0) return true
  return componentIds.some((id) => watch.componentIds.has(id))
}

/** A possible outage closed because the official incident opened: the incident's alert is the follow-up. */
export function closedByOfficialIncident(event: Pick<EventFacts, 'kind' | 'possibleOutage'>): boolean {
  return event.kind === 'possible_outage_closed' && event.possibleOutage?.closeReason === 'official_incident'
}

/**
 * Whether an email goes out for this (newsworthy) event at all: not for a possible outage the
 * official incident closed, neither its closing nor (when fan-out reaches it only after that, the
 * notifier having fallen behind) its opening: the incident's own email is the news by then, and a
 * "possible outage" email arriving after the vendor said so is noise. (Facts are read at fan-out,
 * so closeReason is the possible outage's state then. A chat message of the opening is still
 * posted: it is edited in place to its close.)
 */
export function emailCarries(event: Pick<EventFacts, 'kind' | 'possibleOutage'>): boolean {
  return !(POSSIBLE_OUTAGE_EVENTS.has(event.kind) && event.possibleOutage?.closeReason === 'official_incident')
}
