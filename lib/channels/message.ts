// What every channel says about one change event, built ONCE per event (pure; message.test.ts):
// the fields the chat senders render, and the versioned JSON payload webhooks carry. The payload's
// incident and maintenance objects have the public API's shape (lib/api/vendor-json.ts, README
// "HTTP API"), so one parser reads both; README "Destinations" documents it.
import { incidentJson, maintenanceJson } from '@/lib/api/vendor-json'
import type { ChannelEventRow } from '@/lib/data/channel-outbox'
import { INCIDENT_STATUS_LABEL, MAINTENANCE_STATUS_LABEL, SERVICE_STATUS_LABEL, incidentStateLabel } from '@/lib/format/status-labels'
import { POSSIBLE_OUTAGE_LABEL, possibleOutageSummary, readEvidence, subsidedSummary } from '@/lib/format/possible-outage'
import { upstreamPlainText } from '@/lib/format/upstream-text'
import type { ServiceStatus } from '@/lib/status/statuses'
import type { ChannelMessage } from './types'

/** The payload's version: a new version is a new field value, never a silent change of shape. */
export const WEBHOOK_PAYLOAD_VERSION = 1

/** Longest update text a message carries (chat services cap messages; the incident page has all). */
export const MAX_UPDATE_CHARS = 1_500

export type ChannelEvent = ChannelEventRow

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null

const EVENT_TYPE: Record<ChannelEvent['kind'], string> = {
  incident_opened: 'incident.opened',
  incident_updated: 'incident.updated',
  incident_update_edited: 'incident.update_edited',
  incident_resolved: 'incident.resolved',
  postmortem_published: 'incident.postmortem_published',
  maintenance_scheduled: 'maintenance.scheduled',
  maintenance_reminder: 'maintenance.reminder',
  maintenance_started: 'maintenance.started',
  maintenance_completed: 'maintenance.completed',
  component_status_changed: 'component.status_changed',
  possible_outage_opened: 'possible_outage.opened',
  possible_outage_closed: 'possible_outage.closed',
}

function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')} …`
}

/** The message about one event, or null when the event names nothing left to speak of (its incident was deleted). */
export function buildChannelMessage(event: ChannelEvent, appUrl: string): ChannelMessage | null {
  const vendorUrl = `${appUrl}/vendors/${event.vendor.slug}`
  const vendor = { name: event.vendor.name, slug: event.vendor.slug, url: vendorUrl }
  const base = {
    eventId: event.id,
    eventKind: event.kind,
    occurredAt: event.occurredAt,
    vendor,
  }
  const envelope = {
    version: WEBHOOK_PAYLOAD_VERSION,
    type: EVENT_TYPE[event.kind],
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    vendor: { slug: event.vendor.slug, name: event.vendor.name, statusPageUrl: event.vendor.statusPageUrl, url: vendorUrl },
  }

  // First: a possible outage's events may also name the incident that closed it.
  if (event.kind === 'possible_outage_opened' || event.kind === 'possible_outage_closed') {
    return event.possibleOutage ? possibleOutageMessage(event, event.possibleOutage, base, envelope) : null
  }

  if (event.incident) {
    const i = event.incident
    const data = (event.data ?? {}) as { updateExternalId?: unknown }
    const update = i.updates.find((u) => u.externalId === data.updateExternalId) ?? i.updates[0] ?? null
    const closed = i.status === 'resolved' || i.status === 'postmortem'
    const url = `${vendorUrl}/incidents/${i.id}`
    const components = i.components.map((c) => c.component.name)
    return {
      ...base,
      subjectKey: `incident:${i.id}`,
      title: i.title,
      url,
      impact: i.impact,
      statusLabel: event.kind === 'postmortem_published' ? 'Postmortem published' : incidentStateLabel(i.status),
      closed,
      affectedComponents: components,
      latestUpdate: update ? { body: bounded(upstreamPlainText(update.body), MAX_UPDATE_CHARS), statusLabel: INCIDENT_STATUS_LABEL[update.status], publishedAt: update.publishedAt } : null,
      startedAt: i.startedAt,
      endedAt: i.resolvedAt,
      payload: {
        ...envelope,
        incident: incidentJson(i),
        incidentPageUrl: url,
      },
    }
  }

  if (event.maintenance) {
    const m = event.maintenance
    const closed = m.status === 'completed' || m.status === 'cancelled'
    return {
      ...base,
      subjectKey: `maintenance:${m.id}`,
      title: m.title,
      url: vendorUrl,
      impact: null,
      statusLabel: event.kind === 'maintenance_reminder' ? 'Starts soon' : MAINTENANCE_STATUS_LABEL[m.status],
      closed,
      affectedComponents: m.components.map((c) => c.component.name),
      latestUpdate: m.body ? { body: bounded(upstreamPlainText(m.body), MAX_UPDATE_CHARS), statusLabel: MAINTENANCE_STATUS_LABEL[m.status], publishedAt: event.occurredAt } : null,
      startedAt: m.startedAt ?? m.scheduledFor,
      endedAt: m.completedAt ?? m.scheduledUntil,
      payload: {
        ...envelope,
        maintenance: maintenanceJson(m),
      },
    }
  }

  if (event.kind === 'component_status_changed' && event.component) {
    const c = event.component
    const data = (event.data ?? {}) as { from?: ServiceStatus; to?: ServiceStatus }
    const to = data.to ?? 'unknown'
    const from = data.from ?? 'unknown'
    const toLabel = SERVICE_STATUS_LABEL[to] ?? SERVICE_STATUS_LABEL.unknown
    return {
      ...base,
      subjectKey: `component:${c.id}`,
      title: `${c.name} is ${toLabel.toLowerCase()}`,
      url: vendorUrl,
      impact: null,
      statusLabel: toLabel,
      closed: to === 'operational',
      affectedComponents: [c.name],
      latestUpdate: null,
      startedAt: event.occurredAt,
      endedAt: null,
      payload: { ...envelope, component: { id: c.externalId, name: c.name, from, to } },
    }
  }
  return null
}

type PossibleOutageRow = NonNullable<ChannelEvent['possibleOutage']>

/** "10:42 UTC": chat readers are in many zones; the full times are in the message's time fields. */
const utcTimeOfDay = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`

/**
 * A possible outage (ours, unofficial): its own subject ("possible-outage:<id>"), so each kind
 * threads, edits and (PagerDuty) dedupes it apart from any incident. Closed because the official
 * incident opened, the message points at the incident, so an edit (Slack, Discord) or a thread reply
 * (Google Chat) leads the reader there; lib/channels/rules.ts says which kinds carry it.
 */
function possibleOutageMessage(
  event: ChannelEvent,
  po: PossibleOutageRow,
  base: Pick<ChannelMessage, 'eventId' | 'eventKind' | 'occurredAt' | 'vendor'>,
  envelope: Record<string, unknown>,
): ChannelMessage {
  const evidence = readEvidence(po.evidence)
  const since = utcTimeOfDay(po.openedAt)
  const incidentUrl = po.incident ? `${base.vendor.url}/incidents/${po.incident.id}` : null
  const closedBy = event.kind === 'possible_outage_closed' ? (po.closeReason === 'official_incident' ? 'official_incident' : 'subsided') : null
  const words =
    closedBy === 'official_incident'
      ? { status: 'Confirmed: official incident', body: `${base.vendor.name} opened an official incident${po.incident ? `: ${po.incident.title}` : ''}. Follow it there; this early warning is closed.` }
      : closedBy === 'subsided'
        ? { status: 'Signals subsided', body: subsidedSummary(base.vendor.name, since, utcTimeOfDay(po.closedAt ?? event.occurredAt)) }
        : { status: 'Unofficial: not confirmed by the vendor', body: possibleOutageSummary(base.vendor.name, since, evidence) }
  return {
    ...base,
    subjectKey: `possible-outage:${po.id}`,
    title: closedBy === 'official_incident' && po.incident ? `${POSSIBLE_OUTAGE_LABEL} → official incident: ${po.incident.title}` : POSSIBLE_OUTAGE_LABEL,
    url: closedBy === 'official_incident' && incidentUrl ? incidentUrl : base.vendor.url,
    impact: null,
    statusLabel: words.status,
    closed: closedBy !== null,
    affectedComponents: [],
    latestUpdate: { body: bounded(words.body, MAX_UPDATE_CHARS), statusLabel: words.status, publishedAt: event.occurredAt },
    startedAt: po.openedAt,
    endedAt: closedBy ? (po.closedAt ?? event.occurredAt) : null,
    payload: {
      ...envelope,
      possibleOutage: {
        id: po.id,
        unofficial: true,
        status: closedBy ? 'closed' : 'open',
        openedAt: po.openedAt.toISOString(),
        closedAt: closedBy ? iso(po.closedAt ?? event.occurredAt) : null,
        closeReason: closedBy,
        trigger: po.trigger,
        evidence,
        summary: words.body,
        incident: po.incident ? { id: po.incident.id, title: po.incident.title, url: incidentUrl } : null,
        url: base.vendor.url,
      },
    },
  }
}

/** The message "Send test" sends: never threaded, marked as a test in every kind. */
export function testChannelMessage(id: string, now: Date, appUrl: string): ChannelMessage {
  const vendor = { name: 'Vendorwatch', slug: 'vendorwatch-test', url: `${appUrl}/settings/destinations` }
  return {
    eventId: id,
    eventKind: 'incident_opened',
    occurredAt: now,
    subjectKey: `test:${id}`,
    vendor,
    title: 'Test alert from Vendorwatch',
    url: `${appUrl}/settings/destinations`,
    impact: 'none',
    statusLabel: 'Test',
    closed: false,
    affectedComponents: [],
    latestUpdate: { body: 'This destination is set up. Real alerts look like this, one message per incident.', statusLabel: 'Test', publishedAt: now },
    startedAt: now,
    endedAt: null,
    payload: { version: WEBHOOK_PAYLOAD_VERSION, type: 'test', id, occurredAt: now.toISOString(), vendor: null },
    test: true,
  }
}
