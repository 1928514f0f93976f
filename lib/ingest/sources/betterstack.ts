// Better Stack (Better Uptime): `https://<page>/index.json`, a JSON:API document (docs/status-page-formats.md §3.4,
// betterstack.com/docs/uptime/status-pages/subscribing-to-status-updates/subscribing-to-api).
// `included` mixes sections (our groups), resources (components), status reports (incidents and
// maintenance) and status updates. Resolved reports stay in the document, so coverage is 'recent'.
import { z } from 'zod'
import type { ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup } from '@/lib/status/snapshot'
import { type Report, reportSchema, toIncident, toMaintenance, updateSchema, updatesByReport, zId } from './betterstack-reports'
import { parseJson, parseWithSchema } from './parse-helpers'
import { mapItems, zList } from './read-warnings'
import type { StatusSource } from './types'

const documentSchema = z.object({
  data: z.object({
    type: z.literal('status_page'),
    attributes: z.object({ aggregate_state: z.string().nullish() }),
  }),
  included: zList(z.object({ id: zId, type: z.string() }).loose(), 'betterstack included item').nullish(),
})

const sectionSchema = z.object({
  id: zId,
  attributes: z.object({ name: z.string().nullish(), position: z.number().nullish() }),
})

const resourceSchema = z.object({
  id: zId,
  attributes: z.object({
    public_name: z.string(),
    explanation: z.string().nullish(),
    status: z.string().nullish(),
    status_page_section_id: zId.nullish(),
    position: z.number().nullish(),
  }),
})

type Resource = z.output<typeof resourceSchema>

export const BETTERSTACK_RESOURCE_STATUS: Record<string, ServiceStatus> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'major_outage',
  maintenance: 'maintenance',
  not_monitored: 'unknown',
}

const mapResourceStatus = (s: string | null | undefined): ServiceStatus =>
  BETTERSTACK_RESOURCE_STATUS[(s ?? '').trim().toLowerCase()] ?? 'unknown'

/**
 * Page aggregate_state. `downtime` means at least one resource is down: a major outage only when
 * every monitored resource is down, otherwise a partial outage of the vendor.
 */
export function mapAggregateState(state: string | null | undefined, resources: ServiceStatus[]): ServiceStatus {
  const s = (state ?? '').trim().toLowerCase()
  if (s !== 'downtime') return BETTERSTACK_RESOURCE_STATUS[s] ?? 'unknown'
  const monitored = resources.filter((r) => r !== 'unknown')
  // Resources listed but none in a status we recognise: we cannot tell how much is down, and an
  // unread page is never reported as a total outage (issue 14 #7).
  if (resources.length > 0 && monitored.length === 0) return 'unknown'
  return monitored.length === 0 || monitored.every((r) => r === 'major_outage') ? 'major_outage' : 'partial_outage'
}

/** What a dropped item of each included type is counted as (see read-warnings.ts). */
const ITEM_KIND: Readonly<Record<string, string>> = {
  status_page_resource: 'betterstack component',
  status_page_section: 'betterstack group',
  status_report: 'betterstack incident',
  status_update: 'betterstack update',
}

/** Included items of one type, each validated; a malformed item is left out and counted, not fatal. */
function ofType<T extends z.ZodType>(included: { type: string }[], type: string, schema: T): z.output<T>[] {
  return mapItems(
    included.filter((i) => i.type === type),
    ITEM_KIND[type] ?? `betterstack ${type}`,
    (i) => parseWithSchema(schema, i, `betterstack ${type}`),
  )
}

function buildComponents(sectionItems: z.output<typeof sectionSchema>[], resources: Resource[]) {
  // Unnamed sections are layout only (Better Stack's first section often has no title): no group.
  const named = sectionItems.filter((s) => s.attributes.name?.trim())
  const sectionOrder = new Map(sectionItems.map((s, i) => [s.id, s.attributes.position ?? i]))
  const groups: NormalizedGroup[] = named.map((s, i) => ({
    externalId: s.id,
    name: s.attributes.name?.trim() ?? '',
    position: s.attributes.position ?? i,
  }))
  const groupIds = new Set(groups.map((g) => g.externalId))
  const order = (r: Resource, index: number) => [
    sectionOrder.get(r.attributes.status_page_section_id ?? '') ?? -1,
    r.attributes.position ?? index,
    index,
  ]
  const sorted = resources
    .map((r, index) => ({ r, key: order(r, index) }))
    .sort((a, b) => a.key.reduce((d, v, i) => d || v - (b.key[i] ?? 0), 0))
  const components: NormalizedComponent[] = sorted.map(({ r }, position) => {
    const section = r.attributes.status_page_section_id ?? null
    return {
      externalId: r.id,
      name: r.attributes.public_name.trim(),
      description: r.attributes.explanation?.trim() || null,
      status: mapResourceStatus(r.attributes.status),
      groupExternalId: section && groupIds.has(section) ? section : null,
      position,
    }
  })
  return { groups, components }
}

export const betterstackSource: StatusSource = {
  endpoints(target) {
    return [{ key: 'index', url: target.apiUrl ?? `${new URL(target.statusPageUrl).origin}/index.json` }]
  },

  parse(bodies, ctx) {
    const doc = parseWithSchema(documentSchema, parseJson(bodies.index, 'betterstack index'), 'betterstack index')
    const included = doc.included ?? []
    const resources = ofType(included, 'status_page_resource', resourceSchema)
    const { groups, components } = buildComponents(ofType(included, 'status_page_section', sectionSchema), resources)
    const reports: Report[] = ofType(included, 'status_report', reportSchema)
    const updates = updatesByReport(reports, ofType(included, 'status_update', updateSchema))
    const known = new Set(components.map((c) => c.externalId))
    const isMaintenance = (r: Report) => (r.attributes.report_type ?? '').trim().toLowerCase() === 'maintenance'
    return {
      kind: 'snapshot',
      snapshot: {
        status: mapAggregateState(doc.data.attributes.aggregate_state, components.map((c) => c.status)),
        statusText: null,
        groups,
        components,
        // report_type manual | automatic (also seen: calculated) are incidents; only maintenance is not.
        incidents: mapItems(
          reports.filter((r) => !isMaintenance(r)),
          'betterstack incident',
          (r) => toIncident(r, updates.get(r.id) ?? [], known, ctx.now),
        ),
        maintenances: mapItems(reports.filter(isMaintenance), 'betterstack maintenance', (r) =>
          toMaintenance(r, updates.get(r.id) ?? [], known, ctx.now),
        ),
        coverage: { incidents: 'recent', maintenances: 'recent' },
      },
    }
  },
}
