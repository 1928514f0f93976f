// Cachet 2.x (self-hosted): `/api/v1/components` (required), `/api/v1/components/groups` and
// `/api/v1/incidents` (both optional). docs/status-page-formats.md §3.7: the status codes come from Cachet's docs as
// cited by stts; many Cachet pages disable the API (404), which fails the required endpoint.
// Cachet paginates with a default of 20 items, so every URL asks for a larger page explicitly.
import { z } from 'zod'
import { type ServiceStatus, worstStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup } from '@/lib/status/snapshot'
import { incidentSchema, isHidden, isScheduled, toIncident, toMaintenance, zCode, zId } from './cachet-incidents'
import { parseJson, parseWithSchema } from './parse-helpers'
import { mapItems, zList } from './read-warnings'
import type { SourceTarget, StatusSource } from './types'

const componentsSchema = z.object({
  data: zList(
    z.object({
      id: zId,
      name: z.string(),
      description: z.string().nullish(),
      status: zCode,
      order: z.number().nullish(),
      group_id: zId.nullish(),
      enabled: z.union([z.boolean(), z.number(), z.string()]).nullish(),
    }),
    'cachet component',
    { core: true },
  ),
})
const groupsSchema = z.object({ data: zList(z.object({ id: zId, name: z.string(), order: z.number().nullish() }), 'cachet group') })
const incidentsSchema = z.object({ data: zList(incidentSchema, 'cachet incident') })

export const CACHET_COMPONENT_STATUS: Record<string, ServiceStatus> = {
  '1': 'operational',
  '2': 'degraded',
  '3': 'partial_outage',
  '4': 'major_outage',
}

/** The Cachet API root (`.../api/v1`), keeping a sub-path install such as `https://x.org/status/api/v1`. */
function apiRoot(target: SourceTarget): string {
  if (target.apiUrl) {
    const url = new URL(target.apiUrl)
    return `${url.origin}${url.pathname.replace(/\/components\/?$/, '').replace(/\/$/, '')}`
  }
  return `${new URL(target.statusPageUrl).origin}/api/v1`
}

const isDisabled = (v: boolean | number | string | null | undefined) => v === false || v === 0 || v === '0'

function buildGroups(body: string | null | undefined): NormalizedGroup[] {
  if (body === null || body === undefined) return []
  const { data } = parseWithSchema(groupsSchema, parseJson(body, 'cachet groups'), 'cachet groups')
  return data.map((g, i) => ({ externalId: g.id, name: g.name.trim(), position: g.order ?? i }))
}

export const cachetSource: StatusSource = {
  endpoints(target) {
    const root = apiRoot(target)
    return [
      { key: 'components', url: `${root}/components?per_page=100` },
      { key: 'groups', url: `${root}/components/groups?per_page=100`, optional: true },
      { key: 'incidents', url: `${root}/incidents?sort=id&order=desc&per_page=50`, optional: true },
    ]
  },

  parse(bodies, ctx) {
    const { data } = parseWithSchema(componentsSchema, parseJson(bodies.components, 'cachet components'), 'cachet components')
    const groups = buildGroups(bodies.groups)
    const groupIds = new Set(groups.map((g) => g.externalId))
    const components: NormalizedComponent[] = data
      .filter((c) => !isDisabled(c.enabled))
      .map((c, i) => ({
        externalId: c.id,
        name: c.name.trim(),
        description: c.description?.trim() || null,
        status: CACHET_COMPONENT_STATUS[c.status] ?? 'unknown',
        // group_id 0 means "no group"; a group missing from the groups list cannot be referenced.
        groupExternalId: c.group_id && groupIds.has(c.group_id) ? c.group_id : null,
        position: c.order ?? i,
      }))

    const raw =
      bodies.incidents === null || bodies.incidents === undefined
        ? []
        : parseWithSchema(incidentsSchema, parseJson(bodies.incidents, 'cachet incidents'), 'cachet incidents').data
    const visible = raw.filter((i) => !isHidden(i))
    const known = new Set(components.map((c) => c.externalId))
    const incidents = mapItems(
      visible.filter((i) => !isScheduled(i)),
      'cachet incident',
      (i) => toIncident(i, known),
    )

    // Cachet's own banner follows the components only (self-hosted pages often keep stale open
    // incidents); open incidents decide only when the page has no components at all.
    const open = incidents.some((i) => i.status !== 'resolved')
    const status = worstStatus(components.map((c) => c.status)) ?? (open ? 'degraded' : 'unknown')
    return {
      kind: 'snapshot',
      snapshot: {
        status,
        statusText: null,
        groups,
        components,
        incidents,
        maintenances: mapItems(visible.filter(isScheduled), 'cachet maintenance', (i) => toMaintenance(i, known, ctx.now)),
        coverage: { incidents: 'recent', maintenances: 'recent' },
      },
    }
  },
}
