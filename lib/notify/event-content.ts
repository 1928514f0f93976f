// What one change event says, as a subject line and an email body: pure, so every wording is
// tested without sending anything (event-content.test.ts).
import { createElement, type ReactElement } from 'react'
import { ComponentAlertEmail } from '@/components/emails/component-alert'
import { IncidentAlertEmail } from '@/components/emails/incident-alert'
import { MaintenanceAlertEmail } from '@/components/emails/maintenance-alert'
import { PossibleOutageAlertEmail } from '@/components/emails/possible-outage-alert'
import type { ChangeEventKind } from '@/lib/data/outbox'
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL, SERVICE_STATUS_LABEL, incidentStateLabel } from '@/lib/format/status-labels'
import { POSSIBLE_OUTAGE_LABEL, possibleOutageSummary, readEvidence, subsidedSummary, whoSees } from '@/lib/format/possible-outage'
import { upstreamPlainText } from '@/lib/format/upstream-text'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/status/statuses'

export interface EventContext {
  id: string
  kind: ChangeEventKind
  data: unknown
  occurredAt: Date
  vendorId: string
  incidentId: string | null
  maintenanceId: string | null
  possibleOutageId?: string | null
  vendor: { name: string; slug: string }
  incident: {
    id: string
    title: string
    status: IncidentStatus
    impact: IncidentImpact
    startedAt: Date
    resolvedAt: Date | null
    postmortemBody: string | null
    /** The possible outage this incident confirmed (newest; none when nobody saw it coming). */
    possibleOutages?: { id: string }[]
    components: { component: { name: string } }[]
    /** Newest first. */
    updates: { externalId: string; status: IncidentStatus; body: string; publishedAt: Date; timeUnknown?: boolean }[]
  } | null
  maintenance: {
    title: string
    status: MaintenanceStatus
    scheduledFor: Date
    scheduledUntil: Date | null
    body: string | null
    components: { component: { name: string } }[]
  } | null
  componentName: string | null
  /** The possible outage (unofficial, issue 19) a possible_outage_* event is about. */
  possibleOutage?: {
    id: string
    openedAt: Date
    closedAt: Date | null
    closeReason: string | null
    /** PossibleOutageEvidence as stored (lib/format/possible-outage.ts reads it). */
    evidence: unknown
    incidentId: string | null
  } | null
}

export interface ContentOptions {
  timeZone: string
  appUrl: string
  unsubscribeUrl: string
}

/** A long postmortem is cut here in the email; the incident page has all of it. */
const MAX_POSTMORTEM_CHARS = 4_000

export function formatInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).format(date)
}

const INCIDENT_HEADLINE: Partial<Record<ChangeEventKind, string>> = {
  incident_opened: 'New incident',
  incident_updated: 'Update',
  incident_resolved: 'Resolved',
  postmortem_published: 'Postmortem published',
}

/** "10:42 CET": the time of day in the reader's zone, for "since 10:42" (the date is the email's). */
export function timeOfDayInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).format(date)
}

export function eventContent(event: EventContext, options: ContentOptions): { subject: string; element: ReactElement } | null {
  const vendorUrl = `${options.appUrl}/vendors/${event.vendor.slug}`
  const links = { settingsUrl: `${options.appUrl}/watchlist/${event.vendor.slug}`, unsubscribeUrl: options.unsubscribeUrl }
  const at = (d: Date) => formatInZone(d, options.timeZone)
  const headline = INCIDENT_HEADLINE[event.kind]

  // First: a possible outage's events may also name the incident that closed it.
  if (event.kind === 'possible_outage_opened' || event.kind === 'possible_outage_closed') {
    const po = event.possibleOutage
    if (!po) return null
    const since = timeOfDayInZone(po.openedAt, options.timeZone)
    if (event.kind === 'possible_outage_opened') {
      const evidence = readEvidence(po.evidence ?? event.data)
      const summary = possibleOutageSummary(event.vendor.name, since, evidence)
      return {
        subject: `${event.vendor.name} — ${POSSIBLE_OUTAGE_LABEL}: ${whoSees(evidence)} since ${since}`,
        element: createElement(PossibleOutageAlertEmail, { vendorName: event.vendor.name, headline: POSSIBLE_OUTAGE_LABEL, summary, vendorUrl, ...links }),
      }
    }
    // Closed by the official incident: its own email is the follow-up (rules.ts sends none for this).
    if (po.closeReason !== 'subsided') return null
    const until = timeOfDayInZone(po.closedAt ?? event.occurredAt, options.timeZone)
    return {
      subject: `${event.vendor.name} — ${POSSIBLE_OUTAGE_LABEL}: signals subsided`,
      element: createElement(PossibleOutageAlertEmail, {
        vendorName: event.vendor.name,
        headline: `${POSSIBLE_OUTAGE_LABEL}: signals subsided`,
        summary: subsidedSummary(event.vendor.name, since, until),
        vendorUrl,
        ...links,
      }),
    }
  }

  if (headline && event.incident) {
    const i = event.incident
    const data = (event.data ?? {}) as { updateExternalId?: unknown }
    const update = i.updates.find((u) => u.externalId === data.updateExternalId) ?? i.updates[0] ?? null
    const statusLabel =
      event.kind === 'postmortem_published'
        ? 'Postmortem'
        : event.kind === 'incident_updated' && update
          ? INCIDENT_STATUS_LABEL[update.status]
          : incidentStateLabel(i.status)
    const postmortem = event.kind === 'postmortem_published' && i.postmortemBody ? truncate(upstreamPlainText(i.postmortemBody), MAX_POSTMORTEM_CHARS) : null
    return {
      subject: `${event.vendor.name} — Incident: ${i.title} (${statusLabel})`,
      element: createElement(IncidentAlertEmail, {
        vendorName: event.vendor.name,
        headline,
        title: i.title,
        statusLabel,
        impactLabel: IMPACT_LABEL[i.impact],
        startedAt: at(i.startedAt),
        resolvedAt: i.resolvedAt ? at(i.resolvedAt) : null,
        components: i.components.map((c) => c.component.name),
        update: update && !postmortem ? { statusLabel: INCIDENT_STATUS_LABEL[update.status], at: update.timeUnknown ? 'time unknown' : at(update.publishedAt), text: upstreamPlainText(update.body) } : null,
        postmortem,
        incidentUrl: `${vendorUrl}/incidents/${i.id}`,
        ...links,
      }),
    }
  }

  if (event.maintenance) {
    const m = event.maintenance
    const window = `${at(m.scheduledFor)}${m.scheduledUntil ? ` – ${at(m.scheduledUntil)}` : ''}`
    const words: Partial<Record<ChangeEventKind, [headline: string, subjectStatus: string]>> = {
      maintenance_scheduled: ['Maintenance scheduled', `Scheduled for ${at(m.scheduledFor)}`],
      maintenance_reminder: ['Maintenance starts soon', `Starts ${at(m.scheduledFor)}`],
      maintenance_started: ['Maintenance started', 'In progress'],
      maintenance_completed: ['Maintenance completed', 'Completed'],
    }
    const [mHeadline, subjectStatus] = words[event.kind] ?? []
    if (!mHeadline || !subjectStatus) return null
    return {
      subject: `${event.vendor.name} — Maintenance: ${m.title} (${subjectStatus})`,
      element: createElement(MaintenanceAlertEmail, {
        vendorName: event.vendor.name,
        headline: mHeadline,
        title: m.title,
        window,
        components: m.components.map((c) => c.component.name),
        details: m.body ? upstreamPlainText(m.body) : null,
        vendorUrl,
        ...links,
      }),
    }
  }

  if (event.kind === 'component_status_changed' && event.componentName) {
    const data = (event.data ?? {}) as { from?: ServiceStatus; to?: ServiceStatus }
    const to = SERVICE_STATUS_LABEL[data.to ?? 'unknown'] ?? SERVICE_STATUS_LABEL.unknown
    return {
      subject: `${event.vendor.name} — ${event.componentName}: ${to}`,
      element: createElement(ComponentAlertEmail, {
        vendorName: event.vendor.name,
        component: event.componentName,
        from: SERVICE_STATUS_LABEL[data.from ?? 'unknown'] ?? SERVICE_STATUS_LABEL.unknown,
        to,
        at: at(event.occurredAt),
        vendorUrl,
        ...links,
      }),
    }
  }
  return null
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')} … (continued on the incident page)`
}
