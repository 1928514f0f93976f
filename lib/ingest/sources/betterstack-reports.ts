// Better Stack status reports (`status_report` + their `status_update`s in `included`) to incidents
// and maintenances. Better Stack has no investigating/identified/monitoring phases: a report is open
// or resolved, and each update sets a status per affected resource (resolved | degraded | downtime,
// or maintenance on maintenance reports). An open report maps to 'investigating'.
import { z } from 'zod'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import { zDate, zOptionalDate } from './parse-helpers'
import { zList } from './read-warnings'

export const zId = z.union([z.string().min(1), z.number()]).transform(String)
const affectedSchema = zList(z.object({ status_page_resource_id: zId, status: z.string() }), 'betterstack affected component').nullish()
const relationSchema = z.object({ data: z.union([z.object({ id: zId }), zList(z.object({ id: zId }), 'betterstack update ref')]).nullish() }).nullish()

export const reportSchema = z.object({
  id: zId,
  attributes: z.object({
    title: z.string(),
    report_type: z.string().nullish(),
    aggregate_state: z.string().nullish(),
    starts_at: zDate,
    ends_at: zOptionalDate,
    resolved_at: zOptionalDate,
    affected_resources: affectedSchema,
  }),
  relationships: z.object({ status_updates: relationSchema }).nullish(),
})

export const updateSchema = z.object({
  id: zId,
  attributes: z.object({
    message: z.string().nullish(),
    published_at: zDate,
    status_report_id: zId.nullish(),
    affected_resources: affectedSchema,
  }),
  relationships: z.object({ status_report: relationSchema }).nullish(),
})

export type Report = z.output<typeof reportSchema>
export type Update = z.output<typeof updateSchema>
type Affected = NonNullable<z.output<typeof affectedSchema>>

const IMPACT: Record<string, IncidentImpact> = { degraded: 'minor', downtime: 'major' }
const IMPACT_RANK: IncidentImpact[] = ['minor', 'major']
// Observed parsers see 'resolved' on finished reports; the API docs list only the resource states.
const RESOLVED_STATES = new Set(['resolved', 'operational'])

const relationIds = (r: z.output<typeof relationSchema>): string[] =>
  r?.data ? (Array.isArray(r.data) ? r.data.map((d) => d.id) : [r.data.id]) : []

/** Updates of each report, linked from either side of the JSON:API relationship. */
export function updatesByReport(reports: Report[], updates: Update[]): Map<string, Update[]> {
  const byId = new Map(updates.map((u) => [u.id, u]))
  const out = new Map<string, Update[]>(reports.map((r) => [r.id, []]))
  const link = (reportId: string, u: Update) => {
    const list = out.get(reportId)
    if (list && !list.includes(u)) list.push(u)
  }
  for (const u of updates) {
    const reportId = u.attributes.status_report_id ?? relationIds(u.relationships?.status_report)[0]
    if (reportId) link(reportId, u)
  }
  for (const r of reports) {
    for (const id of relationIds(r.relationships?.status_updates)) {
      const u = byId.get(id)
      if (u) link(r.id, u)
    }
  }
  return out
}

const allResolved = (affected: Affected | null | undefined) => !!affected?.length && affected.every((a) => a.status === 'resolved')

function worstImpact(statuses: string[]): IncidentImpact {
  const ranks = statuses.map((s) => IMPACT_RANK.indexOf(IMPACT[s.trim().toLowerCase()] ?? 'unknown')).filter((r) => r >= 0)
  return ranks.length > 0 ? (IMPACT_RANK[Math.max(...ranks)] ?? 'unknown') : 'unknown'
}

function affectedIds(report: Report, updates: Update[], known: Set<string>): string[] {
  const ids = [report.attributes.affected_resources, ...updates.map((u) => u.attributes.affected_resources)]
    .flatMap((list) => (list ?? []).map((a) => a.status_page_resource_id))
  return [...new Set(ids)].filter((id) => known.has(id))
}

const byTime = (a: Update, b: Update) => a.attributes.published_at.getTime() - b.attributes.published_at.getTime()

export function toIncident(report: Report, updates: Update[], known: Set<string>, now: Date): NormalizedIncident {
  const sorted = [...updates].sort(byTime)
  const latest = sorted.at(-1)
  const a = report.attributes
  const resolved =
    RESOLVED_STATES.has((a.aggregate_state ?? '').trim().toLowerCase()) ||
    !!a.resolved_at ||
    allResolved(latest?.attributes.affected_resources)
  const normalizedUpdates: NormalizedIncidentUpdate[] = sorted.map((u) => {
    const status: IncidentStatus = allResolved(u.attributes.affected_resources) || (resolved && u === latest) ? 'resolved' : 'investigating'
    return { externalId: u.id, status, body: (u.attributes.message ?? '').trim(), publishedAt: u.attributes.published_at }
  })
  const statuses = [a.aggregate_state ?? '', ...(a.affected_resources ?? []).map((r) => r.status)]
  for (const u of sorted) statuses.push(...(u.attributes.affected_resources ?? []).map((r) => r.status))
  return {
    externalId: report.id,
    title: a.title.trim(),
    status: resolved ? 'resolved' : 'investigating',
    impact: worstImpact(statuses),
    startedAt: a.starts_at,
    resolvedAt: resolved ? (a.resolved_at ?? latest?.attributes.published_at ?? a.ends_at ?? now) : null,
    updatedAt: latest?.attributes.published_at ?? null,
    url: null,
    componentExternalIds: affectedIds(report, sorted, known),
    updates: normalizedUpdates,
  }
}

/** Maintenance reports carry no phase either, so the window against the check time decides. */
export function toMaintenance(report: Report, updates: Update[], known: Set<string>, now: Date): NormalizedMaintenance {
  const a = report.attributes
  const latest = [...updates].sort(byTime).at(-1)
  const ended = RESOLVED_STATES.has((a.aggregate_state ?? '').trim().toLowerCase()) || !!a.resolved_at || (!!a.ends_at && a.ends_at <= now)
  const status: MaintenanceStatus = ended ? 'completed' : a.starts_at > now ? 'scheduled' : 'in_progress'
  return {
    externalId: report.id,
    title: a.title.trim(),
    status,
    impact: 'none',
    scheduledFor: a.starts_at,
    scheduledUntil: a.ends_at ?? null,
    startedAt: status === 'scheduled' ? null : a.starts_at,
    completedAt: ended ? (a.resolved_at ?? a.ends_at ?? latest?.attributes.published_at ?? null) : null,
    body: latest?.attributes.message?.trim() || null,
    updatedAt: latest?.attributes.published_at ?? null,
    url: null,
    componentExternalIds: affectedIds(report, updates, known),
  }
}
