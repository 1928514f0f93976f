// The public JSON shapes of the vendor API (GET /api/v1/vendors and /api/v1/vendors/{slug}).
// Field names are part of the API contract documented in README.md.
import { isMonitoredSource } from '@/lib/catalog/platforms'
import type { VendorStatusDetail, IncidentDetail } from '@/lib/data/vendor-status'
import type { VendorSummary } from '@/lib/data/vendors'
import type { LeadTimes, PossibleOutageView } from '@/lib/pages/early-warning'
import { MIN_MEASURED_INCIDENTS } from '@/lib/status/early-warning-words'
import { vendorAnswer } from '@/lib/status/answer'
import { freshness } from '@/lib/status/freshness'
import { asReadWarnings } from '@/lib/status/read-warnings-json'
import { asSourceChange } from '@/lib/status/source-change-json'

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null

export function vendorSummaryJson(v: VendorSummary, now: Date, intervalMs: number) {
  const monitored = isMonitoredSource(v.source)
  const fresh = freshness(v.source, monitored, now, intervalMs)
  const known = fresh.kind === 'fresh' || fresh.kind === 'stale'
  return {
    slug: v.slug,
    name: v.name,
    category: v.category,
    statusPageUrl: v.statusPageUrl,
    platform: v.source?.platform ?? 'unknown',
    monitored,
    /** null until the first successful check: we never report a status we have not read. */
    status: known ? v.status : null,
    statusText: known ? v.statusText : null,
    /** fresh | stale (status may be out of date) | never_checked | never_succeeded | unmonitored */
    freshness: fresh.kind,
    lastCheckedAt: iso(v.source?.lastCheckedAt),
    lastSuccessfulCheckAt: iso(v.source?.lastSuccessAt),
    url: `/vendors/${v.slug}`,
  }
}

/** The public JSON of an incident: the API's vendor object and the webhook payload (lib/channels/message.ts) share it. */
export function incidentJson(i: IncidentDetail) {
  return {
    id: i.id,
    externalId: i.externalId,
    title: i.title,
    status: i.status,
    impact: i.impact,
    startedAt: iso(i.startedAt),
    resolvedAt: iso(i.resolvedAt),
    url: i.url,
    components: i.components.map((c) => ({ id: c.component.externalId, name: c.component.name })),
    // timeUnknown: the vendor's own stamp could not be placed; publishedAt is then the item's time.
    updates: i.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, publishedAt: iso(u.publishedAt), timeUnknown: u.timeUnknown, editedAt: iso(u.editedAt) })),
    postmortem: i.postmortemBody ? { body: i.postmortemBody, publishedAt: iso(i.postmortemPublishedAt) } : null,
  }
}

/** The public JSON of a maintenance window: the API's vendor object and the webhook payload share it. */
export function maintenanceJson(m: Pick<VendorStatusDetail['maintenances'][number], 'id' | 'externalId' | 'title' | 'status' | 'scheduledFor' | 'scheduledUntil' | 'startedAt' | 'completedAt' | 'url' | 'body'>) {
  return {
    id: m.id,
    externalId: m.externalId,
    title: m.title,
    status: m.status,
    scheduledFor: iso(m.scheduledFor),
    scheduledUntil: iso(m.scheduledUntil),
    startedAt: iso(m.startedAt),
    completedAt: iso(m.completedAt),
    url: m.url,
    body: m.body,
  }
}

/** `possibleOutage`: the open one (unofficial), which the summary names while the official page reports no problem. */
export function vendorStatusJson(v: VendorStatusDetail, now: Date, intervalMs: number, possibleOutage: PossibleOutageView | null = null) {
  const groupName = new Map(v.groups.map((g) => [g.id, g.name]))
  const listed = vendorSummaryJson(v, now, intervalMs)
  const known = listed.status !== null
  return {
    ...listed,
    /** The answer to "is it down?" in one sentence, the same words as the vendor page's first line. */
    summary: vendorAnswer(v, freshness(v.source, listed.monitored, now, intervalMs), now, { possibleOutage, sourceChanged: asSourceChange(v.source?.sourceChange) !== null }),
    lastError: v.source?.consecutiveFailures ? v.source.lastError : null,
    /** Items the last read had to leave out ([{ kind, count }]); the status above was still read. */
    readWarnings: known ? asReadWarnings(v.source?.readWarnings).map(({ kind, count }) => ({ kind, count })) : [],
    /** "source changed": the page seems to have moved platform or host ({ kind, detail, since }), else null. */
    sourceChange: asSourceChange(v.source?.sourceChange),
    components: known
      ? v.components.map((c) => ({
          id: c.externalId,
          name: c.name,
          description: c.description,
          group: c.groupId ? (groupName.get(c.groupId) ?? null) : null,
          status: c.status,
          statusChangedAt: iso(c.statusChangedAt),
        }))
      : [],
    incidents: [...v.openIncidents, ...v.recentIncidents].map(incidentJson),
    maintenances: v.maintenances.map(maintenanceJson),
  }
}

/**
 * The vendor's early warning (issue 19): the open possible outage (unofficial: our users' reports
 * and our probes, not the vendor's page) and the median lead over 90 days. As on the page, no
 * median is given under MIN_MEASURED_INCIDENTS measured incidents; the count is always given.
 */
export function earlyWarningJson(outage: PossibleOutageView | null, lead: LeadTimes) {
  return {
    possibleOutage: outage && {
      openedAt: iso(outage.openedAt),
      /** reports | probes | reports+probes */
      trigger: outage.trigger,
      evidence: outage.evidence,
    },
    medianLeadSeconds: lead.measuredIncidents >= MIN_MEASURED_INCIDENTS ? lead.medianLeadSeconds : null,
    measuredIncidents: lead.measuredIncidents,
  }
}
