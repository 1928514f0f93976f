// Instatus: `https://<page>/summary.json` (docs/status-page-formats.md §3.2, instatushq/openapi `PublicStatusSummary`)
// lists only the *active* incidents and maintenances, with no components and usually no ids or
// updates; the optional `/v2/components.json` adds the components (see instatus-components.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { type IncidentImpact, type IncidentStatus, type MaintenanceStatus, type ServiceStatus, worstStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import { mapInstatusComponentStatus, mapInstatusPageStatus, parseInstatusComponents, zId, zText } from './instatus-components'
import { parseJson, parseWithSchema, toDate, zDate } from './parse-helpers'
import { mapItems, zList } from './read-warnings'
import type { StatusSource } from './types'

const updateSchema = z.object({
  id: zId.nullish(),
  message: z.string().nullish(),
  messageHtml: z.string().nullish(),
  status: z.string().nullish(),
  started: z.unknown().optional(),
  createdAt: z.unknown().optional(),
})

const incidentSchema = z.object({
  id: zId.nullish(),
  name: zText,
  started: zDate,
  status: z.string(),
  impact: z.string().nullish(),
  url: z.string().nullish(),
  updates: zList(updateSchema, 'instatus update').nullish(),
})

const maintenanceSchema = z.object({
  id: zId.nullish(),
  name: zText,
  start: zDate,
  status: z.string(),
  duration: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
})

// A healthy page may omit both arrays entirely ({"page": {...}}).
const summarySchema = z.object({
  page: z.object({ status: z.string() }),
  activeIncidents: zList(incidentSchema, 'instatus incident').nullish(),
  activeMaintenances: zList(maintenanceSchema, 'instatus maintenance').nullish(),
})

type RawIncident = z.output<typeof incidentSchema>
type RawMaintenance = z.output<typeof maintenanceSchema>

const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
}
const IMPACT: Record<string, IncidentImpact> = {
  OPERATIONAL: 'none',
  UNDERMAINTENANCE: 'none',
  DEGRADEDPERFORMANCE: 'minor',
  PARTIALOUTAGE: 'minor',
  MINOROUTAGE: 'minor',
  MAJOROUTAGE: 'major',
}
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
}

const key = (value: string | null | undefined) => (value ?? '').trim().toUpperCase()

function stableHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)
}

/**
 * The summary usually carries no id. The incident URL ends in Instatus' own id, so it is the next
 * best key; failing that, name + start time (a renamed incident then shows up as a new one).
 */
function itemId(raw: { id?: string | null | undefined; url?: string | null | undefined; name: string }, start: Date): string {
  if (raw.id) return raw.id
  // Only an id-looking segment (cuid-like), so a generic link such as ".../incidents" is not taken.
  const lastSegment = raw.url?.split(/[?#]/)[0]?.split('/').filter(Boolean).pop()
  if (lastSegment && /^[A-Za-z0-9_-]{12,}$/.test(lastSegment)) return lastSegment
  return `derived-${stableHash(raw.name, start.toISOString())}`
}

function toUpdates(raw: RawIncident, incidentId: string, fallback: IncidentStatus): NormalizedIncidentUpdate[] {
  // No upstream id: the time (+ a counter for equal times), never the body, so an edit keeps the id.
  const seen = new Map<string, number>()
  const derivedId = (at: Date) => {
    const time = at.toISOString()
    const n = seen.get(time) ?? 0
    seen.set(time, n + 1)
    return n === 0 ? `${incidentId}-${time}` : `${incidentId}-${time}-${n}`
  }
  return (raw.updates ?? []).map((u) => {
    const publishedAt = toDate(u.started) ?? toDate(u.createdAt) ?? raw.started
    return {
      externalId: u.id ?? derivedId(publishedAt),
      status: INCIDENT_STATUS[key(u.status)] ?? fallback,
      body: (u.message ?? u.messageHtml ?? '').trim(),
      publishedAt,
    }
  })
}

function toIncident(raw: RawIncident, now: Date): NormalizedIncident {
  const externalId = itemId(raw, raw.started)
  const status = INCIDENT_STATUS[key(raw.status)] ?? 'unknown'
  const updates = toUpdates(raw, externalId, status)
  const latest = updates.reduce<Date | null>((max, u) => (!max || u.publishedAt > max ? u.publishedAt : max), null)
  return {
    externalId,
    title: raw.name,
    status,
    impact: raw.impact ? (IMPACT[key(raw.impact)] ?? 'unknown') : 'unknown',
    startedAt: raw.started,
    // The summary gives no resolution time; the latest update is the closest upstream time.
    resolvedAt: status === 'resolved' ? (latest ?? now) : null,
    updatedAt: latest,
    url: raw.url ?? null,
    componentExternalIds: [],
    updates,
  }
}

function toMaintenance(raw: RawMaintenance): NormalizedMaintenance {
  const minutes = Number(raw.duration)
  const status = MAINTENANCE_STATUS[key(raw.status)] ?? 'unknown'
  return {
    externalId: itemId(raw, raw.start),
    title: raw.name,
    status,
    // Instatus does not say how disruptive a maintenance is.
    impact: 'none',
    scheduledFor: raw.start,
    scheduledUntil: raw.duration !== null && raw.duration !== undefined && Number.isFinite(minutes) && minutes > 0
      ? new Date(raw.start.getTime() + minutes * 60_000)
      : null,
    startedAt: status === 'in_progress' || status === 'completed' ? raw.start : null,
    url: raw.url ?? null,
    componentExternalIds: [],
  }
}

export const instatusSource: StatusSource = {
  endpoints(target) {
    const origin = new URL(target.apiUrl ?? target.statusPageUrl).origin
    return [
      { key: 'summary', url: target.apiUrl ?? `${origin}/summary.json` },
      { key: 'components', url: `${origin}/v2/components.json`, optional: true },
    ]
  },

  parse(bodies, ctx) {
    const summary = parseWithSchema(summarySchema, parseJson(bodies.summary, 'instatus summary'), 'instatus summary')
    const parts = parseInstatusComponents(bodies.components)
    const incidents = mapItems(summary.activeIncidents ?? [], 'instatus incident', (i) => toIncident(i, ctx.now))
    const components = parts?.components ?? []

    let status = mapInstatusPageStatus(summary.page.status)
    if (key(summary.page.status) === 'HASISSUES') {
      // HASISSUES says only that something is wrong; components and incident impacts say how badly.
      const impacts = (summary.activeIncidents ?? []).map((i) => mapInstatusComponentStatus(i.impact))
      status = worstStatus(['degraded', ...components.map((c) => c.status), ...impacts.filter((s) => s !== 'unknown')]) ?? status
    }
    return {
      kind: 'snapshot',
      snapshot: {
        status,
        // page.status is a code (HASISSUES), not words for people.
        statusText: null,
        groups: parts?.groups ?? [],
        components,
        incidents,
        maintenances: mapItems(summary.activeMaintenances ?? [], 'instatus maintenance', toMaintenance),
        coverage: { incidents: 'active', maintenances: 'active' },
      },
    }
  },
}
