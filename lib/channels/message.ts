// What every channel says about one change event, built ONCE per event (pure; message.test.ts):
// the fields the chat senders render, and the versioned JSON payload webhooks carry. The payload's
// incident and maintenance objects have the public API's shape (lib/api/vendor-json.ts, README
// "HTTP API"), so one parser reads both; README "Destinations" documents it.
import { incidentJson, maintenanceJson } from '@/lib/api/vendor-json'
import type { ChannelEventRow } from '@/lib/data/channel-outbox'
import { INCIDENT_STATUS_LABEL, MAINTENANCE_STATUS_LABEL, SERVICE_STATUS_LABEL, incidentStateLabel } from '@/lib/format/status-labels'
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
