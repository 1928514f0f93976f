// Google Cloud (and the other Google dashboards sharing the format: Firebase, Play, Workspace):
// `incidents.json`, one array with the full incident history (docs/status-page-formats.md §4.1).
//
// - Window: only incidents whose last activity (modified, else end, else begin) lies within
//   WINDOW_DAYS of the newest activity in the feed are mapped, plus every open one. The anchor is
//   upstream's own newest time, not ctx.now, so the same body always gives the same snapshot.
//   Every open incident is always mapped, so coverage is 'active': an open incident missing
//   from the feed has ended. (Resolved ones leaving the window keep their stored state.)
// - Components are the `affected_products` of every incident in the feed (not only the window),
//   keyed by product id; the title is taken from the newest incident naming the product. Products
//   that never had an incident are unknown to this feed (products.json is not fetched).
// - A product affected by an open incident takes the state of that incident's latest update
//   (gcp-map SERVICE_STATE, worst over its open incidents); the others are operational.
// - Overall: the worst such state, or operational when nothing is open.
import { z } from 'zod'
import { worstStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedIncident, StatusSnapshot } from '@/lib/status/snapshot'
import { OPEN_PHASE, SERVICE_STATE, SEVERITY_IMPACT, isIncidentReport } from './gcp-map'
import { lookup } from './parse-helpers'
import { parseJson, parseWithSchema, zDate, zOptionalDate } from './parse-helpers'
import { mapItems, zList } from './read-warnings'
import type { ParseContext, StatusSource } from './types'


export const WINDOW_DAYS = 365
export const GCP_INCIDENTS_URL = 'https://status.cloud.google.com/incidents.json'

const productSchema = z.object({ id: z.string(), title: z.string().nullish(), current_title: z.string().nullish() })
const updateSchema = z.object({
  created: zDate,
  when: zOptionalDate,
  status: z.string().nullish(),
  text: z.string().nullish().transform((t) => t ?? ''),
})
const incidentSchema = z.object({
  id: z.string(),
  begin: zDate,
  end: zOptionalDate,
  modified: zOptionalDate,
  external_desc: z.string().nullish().transform((t) => t ?? ''),
  uri: z.string().nullish(),
  // null in real history (one `severity: null` used to fail all of Google Cloud): unknown impact.
  severity: z.string().nullish(),
  status_impact: z.string().nullish(),
  affected_products: zList(productSchema, 'gcp affected product').nullish().transform((l) => l ?? []),
  updates: zList(updateSchema, 'gcp update').nullish().transform((l) => l ?? []),
})
export const gcpIncidentsSchema = zList(incidentSchema, 'gcp incident', { core: true })
type GcpIncident = z.output<typeof incidentSchema>

const lastActivity = (i: GcpIncident) => (i.modified ?? i.end ?? i.begin).getTime()

function incidentUrl(i: GcpIncident, base: string): string | null {
  try {
    return new URL(i.uri ?? `incidents/${i.id}`, base).toString()
  } catch {
    return null
  }
}

function mapIncident(i: GcpIncident, base: string): NormalizedIncident {
  // Google gives updates no id; `created` is fixed once posted (edits move `modified`), so the
  // incident id + created is stable. Repeats of one instant get ~2, ~3 in upstream order.
  const sorted = [...i.updates].sort((a, b) => a.created.getTime() - b.created.getTime())
  const seen = new Map<string, number>()
  const open = i.end === null
  const updates = sorted.map((u) => {
    const key = `${i.id}:${u.created.toISOString()}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const phase = lookup(OPEN_PHASE, u.status)
    return {
      externalId: n === 1 ? key : `${key}~${n}`,
      // "Available" means recovered: resolved once the incident has ended, monitoring before.
      status: isIncidentReport(u.text) ? ('postmortem' as const) : phase === 'monitoring' && !open ? ('resolved' as const) : phase,
      body: u.text.trim(),
      publishedAt: u.when ?? u.created,
    }
  })
  const reports = updates.filter((u) => u.status === 'postmortem')
  const report = reports[reports.length - 1] // a full report supersedes the mini one
  const latest = sorted[sorted.length - 1]
  return {
    externalId: i.id,
    title: i.external_desc.trim() || i.id,
    status: report ? 'postmortem' : open ? lookup(OPEN_PHASE, latest?.status ?? i.status_impact) : 'resolved',
    impact: lookup(SEVERITY_IMPACT, i.severity),
    startedAt: i.begin,
    resolvedAt: i.end,
    updatedAt: i.modified,
    url: incidentUrl(i, base),
    componentExternalIds: [...new Set(i.affected_products.map((p) => p.id))],
    updates,
    postmortem: report ? { body: report.body, publishedAt: report.publishedAt } : null,
  }
}

function mapComponents(all: GcpIncident[]): { components: NormalizedComponent[]; overall: ServiceStatus } {
  const names = new Map<string, string>()
  const states = new Map<string, ServiceStatus[]>()
  const unattributed: ServiceStatus[] = []
  // Oldest first, so the newest incident's title for a product wins.
  for (const i of [...all].sort((a, b) => a.begin.getTime() - b.begin.getTime())) {
    for (const p of i.affected_products) names.set(p.id, (p.current_title ?? p.title ?? p.id).trim())
    if (i.end !== null) continue
    const latest = [...i.updates].sort((a, b) => b.created.getTime() - a.created.getTime())[0]
    const state = lookup(SERVICE_STATE, latest?.status ?? i.status_impact)
    if (i.affected_products.length === 0) unattributed.push(state)
    for (const p of i.affected_products) states.set(p.id, [...(states.get(p.id) ?? []), state])
  }
  const components = [...names]
    .sort(([idA, a], [idB, b]) => a.localeCompare(b) || idA.localeCompare(idB))
    .map(([id, name], position) => ({
      externalId: id,
      name,
      status: worstStatus(states.get(id) ?? []) ?? 'operational',
      groupExternalId: null,
      position,
    }))
  const overall = worstStatus([...components.map((c) => c.status), ...unattributed]) ?? 'operational'
  return { components, overall }
}

export function parseGcpIncidents(body: string | null, ctx: ParseContext): StatusSnapshot {
  const all = parseWithSchema(gcpIncidentsSchema, parseJson(body, 'incidents.json'), 'incidents.json')
  const anchor = all.reduce((max, i) => Math.max(max, lastActivity(i)), 0)
  const since = anchor - WINDOW_DAYS * 86_400_000
  const base = ctx.target.apiUrl ?? ctx.target.statusPageUrl
  const { components, overall } = mapComponents(all)
  return {
    status: overall,
    statusText: null,
    groups: [],
    components,
    // Products are known only from the incidents that name them: a product no longer named by the
    // feed's history has not left Google Cloud (issue 14 #3, absence is not removal).
    componentsPartial: true,
    incidents: mapItems(
      all.filter((i) => i.end === null || lastActivity(i) >= since),
      'gcp incident',
      (i) => mapIncident(i, base),
    ),
    maintenances: [],
    coverage: { incidents: 'active', maintenances: 'recent' },
  }
}

export const gcpSource: StatusSource = {
  endpoints: (target) => [{ key: 'incidents', url: target.apiUrl ?? GCP_INCIDENTS_URL }],
  parse: (bodies, ctx) => ({ kind: 'snapshot', snapshot: parseGcpIncidents(bodies.incidents ?? null, ctx) }),
}
