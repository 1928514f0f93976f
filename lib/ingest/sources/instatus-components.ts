// Instatus status vocabulary (page and component scales) and the component list from
// `https://<page>/v2/components.json`. Instatus does not document that
// public path (docs/status-page-formats.md §3.2, §8); two public clients of status.arbitrum.io read it as
// `{components: [{id, name, description, status, group?: {id, name}}]}` with the component status
// vocabulary below. The management API (instatushq/openapi) describes the same component object with
// `groupId`, `isParent` and `order`, and names that may be localized objects, so all are accepted.
import { z } from 'zod'
import type { ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup } from '@/lib/status/snapshot'
import { parseJson } from './parse-helpers'
import { reportSkipped, zList } from './read-warnings'

/** Instatus' component scale, mildest first; MINOROUTAGE sits between partial and major outage. */
export const INSTATUS_COMPONENT_STATUS: Record<string, ServiceStatus> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial_outage',
  MINOROUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
}

export function mapInstatusComponentStatus(value: string | null | undefined): ServiceStatus {
  return INSTATUS_COMPONENT_STATUS[(value ?? '').trim().toUpperCase()] ?? 'unknown'
}

/**
 * Page status. The summary uses UP | HASISSUES | UNDERMAINTENANCE; the v1 API also has
 * (ALL|SOME|ONE) x (UNDERMAINTENANCE|DEGRADEDPERFORMANCE|PARTIALOUTAGE|MINOROUTAGE|MAJOROUTAGE).
 * A major outage of SOME or ONE component is a partial outage of the vendor; only ALL is major.
 */
export function mapInstatusPageStatus(value: string): ServiceStatus {
  const v = (value ?? '').trim().toUpperCase()
  if (v === 'UP') return 'operational'
  if (v === 'HASISSUES') return 'degraded'
  if (v === 'UNDERMAINTENANCE') return 'maintenance'
  const scoped = /^(ALL|SOME|ONE)(UNDERMAINTENANCE|DEGRADEDPERFORMANCE|PARTIALOUTAGE|MINOROUTAGE|MAJOROUTAGE)$/.exec(v)
  if (!scoped) return 'unknown'
  const status = mapInstatusComponentStatus(scoped[2])
  return status === 'major_outage' && scoped[1] !== 'ALL' ? 'partial_outage' : status
}

/** A name as plain text: Instatus' embedded data may give `{default: "...", fr: "..."}` instead of a string. */
export function localizedText(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.default === 'string') return record.default.trim()
    const first = Object.values(record).find((v): v is string => typeof v === 'string')
    return first?.trim() ?? ''
  }
  return ''
}

export const zText = z.union([z.string(), z.record(z.string(), z.unknown())]).transform(localizedText)
export const zId = z.union([z.string().min(1), z.number()]).transform(String)

const groupRefSchema = z.object({ id: zId, name: zText.optional() })

interface RawComponent {
  id: string
  name: string
  description?: string | null | undefined
  status?: string | null | undefined
  order?: number | null | undefined
  isParent?: boolean | null | undefined
  groupId?: string | null | undefined
  group?: { id: string; name?: string | undefined } | null | undefined
  children?: RawComponent[] | null | undefined
}

const componentSchema: z.ZodType<RawComponent> = z.lazy(() =>
  z.object({
    id: zId,
    name: zText,
    description: z.string().nullish(),
    status: z.string().nullish(),
    order: z.number().nullish(),
    isParent: z.boolean().nullish(),
    groupId: zId.nullish(),
    group: groupRefSchema.nullish(),
    children: zList(componentSchema, 'instatus component').nullish(),
  }),
)

const componentsBodySchema = z.union([
  z.object({ components: zList(componentSchema, 'instatus component').nullish() }).transform((b) => b.components ?? []),
  zList(componentSchema, 'instatus component'),
])

export interface InstatusComponents {
  groups: NormalizedGroup[]
  components: NormalizedComponent[]
}

/**
 * Reads the optional components body. Returns null when it is absent *or unusable*: the path is
 * undocumented, so a page that answers it with HTML or another shape must not fail the whole vendor
 * (the summary alone is a valid snapshot). This is the one place a bad body is tolerated on purpose.
 */
export function parseInstatusComponents(body: string | null | undefined): InstatusComponents | null {
  if (body === null || body === undefined) return null
  let json: unknown
  try {
    json = parseJson(body, 'instatus components')
  } catch {
    return null
  }
  const parsed = componentsBodySchema.safeParse(json)
  if (!parsed.success) return null
  reportSkipped(parsed.data)

  // Flatten nested `children` so every entry carries its parent's id.
  const flat: RawComponent[] = []
  const visit = (c: RawComponent, parentId: string | null) => {
    flat.push(parentId && !c.groupId && !c.group ? { ...c, groupId: parentId } : c)
    for (const child of c.children ?? []) visit(child, c.id)
  }
  for (const c of parsed.data) visit(c, null)

  const parentOf = (c: RawComponent): string | null => c.group?.id ?? c.groupId ?? null
  const parentIds = new Set(flat.map(parentOf).filter((id): id is string => id !== null))
  const groupNames = new Map<string, string>()
  for (const c of flat) {
    if (c.isParent || parentIds.has(c.id)) groupNames.set(c.id, c.name)
    if (c.group?.name && !groupNames.has(c.group.id)) groupNames.set(c.group.id, c.group.name)
  }
  for (const id of parentIds) if (!groupNames.has(id)) groupNames.set(id, '')

  const groups: NormalizedGroup[] = [...groupNames].map(([externalId, name], position) => ({ externalId, name, position }))
  const components: NormalizedComponent[] = flat
    .filter((c) => !groupNames.has(c.id))
    .map((c, index) => ({
      externalId: c.id,
      name: c.name,
      description: c.description?.trim() || null,
      status: mapInstatusComponentStatus(c.status),
      groupExternalId: parentOf(c),
      position: c.order ?? index,
    }))
  return { groups, components }
}
