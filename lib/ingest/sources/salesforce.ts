// Salesforce Trust: `/v1/instances/status/preview?childProducts=false` (docs/status-page-formats.md §4.6), plus the
// optional `/v1/localizations?locale=en` for human text. Incidents listed are the instances'
// current ones: coverage is 'active'.
//
// Components are instances, keyed by instance key ("NA137"), grouped by `location` (NA, EMEA,
// APAC, EU). Inactive instances (`isActive: false`, retired pods) are skipped. There are
// 1,500-4,000 of them, so every component is `onlyShowIfDegraded`: the page lists the affected
// ones, not thousands of green rows. Descriptions hold only the environment (production/sandbox),
// never the release version, which changes on every release and would churn every row.
//
//   instance status            component status
//   OK, INFORMATIONAL_*        operational (an informational notice is not an impairment)
//   MAINTENANCE_*              maintenance
//   MINOR_INCIDENT_NONCORE     degraded
//   MINOR_INCIDENT_CORE        degraded       (decided December 2026, docs/status-page-formats.md §5)
//   MAJOR_INCIDENT_NONCORE     partial_outage
//   MAJOR_INCIDENT_CORE        major_outage
//   anything else              unknown
// A minor incident is what Trust calls a performance degradation, core service or not: the one
// real capture (NA137) is MINOR_INCIDENT_CORE for "Performance Degradation - Asynchronous
// Processing" (severity minor, a subset of one feature), and the public clients we found read
// MINOR_* as their warning level, MAJOR_* as the outage level. "Core" weighs on major incidents
// only: a core service disrupted is a major outage (and the incident critical), a non-core one partial.
// Overall: the worst instance, so one instance with a core incident colours the vendor.
// Incidents come from every instance's `Incidents[]`, deduped by id; affected components are the
// incident's `instanceKeys` plus the instances listing it. `Maintenances[]` is not mapped: no
// captured payload has one, so its shape is unknown (maintenance still shows on the instances).
import { z } from 'zod'
import { worstStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedIncident, StatusSnapshot } from '@/lib/status/snapshot'
import { parseJson, parseWithSchema, lookup } from './parse-helpers'
import { mapItems, zList, zListOrEmpty, zText } from './read-warnings'
import { salesforceIncidentSchema, toIncident, type Localize, type SalesforceIncident } from './salesforce-incidents'
import type { ParseContext, StatusSource } from './types'

export const SALESFORCE_PREVIEW_URL = 'https://api.status.salesforce.com/v1/instances/status/preview?childProducts=false'

const instanceSchema = z.object({
  key: z.string(),
  location: zText,
  environment: zText,
  status: z.string(),
  isActive: z.boolean().nullish().transform((a) => a ?? true),
  // One instance among 1,528 served `Incidents: null`: no incidents there, not a broken page.
  Incidents: zListOrEmpty(salesforceIncidentSchema, 'salesforce incident'),
})
export const salesforcePreviewSchema = zList(instanceSchema, 'salesforce component', { core: true })
export const salesforceLocalizationsSchema = zList(
  z.object({ modelName: z.string(), modelKey: z.string(), modelAttribute: z.string(), text: z.string().nullish() }),
  'salesforce localization',
)

const INSTANCE_STATUS: Readonly<Record<string, ServiceStatus>> = {
  OK: 'operational',
  INFORMATIONAL_NONCORE: 'operational',
  INFORMATIONAL_CORE: 'operational',
  MAINTENANCE_NONCORE: 'maintenance',
  MAINTENANCE_CORE: 'maintenance',
  MINOR_INCIDENT_NONCORE: 'degraded',
  MINOR_INCIDENT_CORE: 'degraded',
  MAJOR_INCIDENT_NONCORE: 'partial_outage',
  MAJOR_INCIDENT_CORE: 'major_outage',
}

function instanceStatus(value: string): ServiceStatus {
  return lookup(INSTANCE_STATUS, value)
}

export function localizationsUrl(previewUrl: string): string {
  try {
    return new URL('/v1/localizations?locale=en', previewUrl).toString()
  } catch {
    return 'https://api.status.salesforce.com/v1/localizations?locale=en'
  }
}

function buildLocalize(body: string | null | undefined): Localize {
  if (body === null || body === undefined) return () => null
  const rows = parseWithSchema(salesforceLocalizationsSchema, parseJson(body, 'salesforce localizations'), 'salesforce localizations')
  const table = new Map<string, string>()
  for (const r of rows) if (r.text?.trim()) table.set(`${r.modelName}|${r.modelKey}|${r.modelAttribute}`, r.text.trim())
  return (modelName, key, attribute) => (key ? (table.get(`${modelName}|${key}|${attribute}`) ?? null) : null)
}

export function parseSalesforce(bodies: Record<string, string | null>, ctx: ParseContext): StatusSnapshot {
  const instances = parseWithSchema(salesforcePreviewSchema, parseJson(bodies.instances, 'salesforce preview'), 'salesforce preview')
  const localize = buildLocalize(bodies.localizations)
  const active = instances.filter((i) => i.isActive)
  const locations = [...new Set(active.map((i) => i.location.trim() || 'Other'))].sort()
  const groups = locations.map((name, position) => ({ externalId: `location:${name}`, name, position }))
  const byKey = new Intl.Collator('en', { numeric: true })
  const components: NormalizedComponent[] = [...active]
    .sort((a, b) => locations.indexOf(a.location.trim() || 'Other') - locations.indexOf(b.location.trim() || 'Other') || byKey.compare(a.key, b.key))
    .map((i, position) => ({
      externalId: i.key,
      name: i.key,
      description: i.environment.trim() || null,
      status: instanceStatus(i.status),
      groupExternalId: `location:${i.location.trim() || 'Other'}`,
      position,
      onlyShowIfDegraded: true,
    }))

  const known = new Set(components.map((c) => c.externalId))
  const found = new Map<string, { incident: SalesforceIncident; instances: Set<string> }>()
  for (const instance of instances) {
    for (const incident of instance.Incidents) {
      const entry = found.get(incident.id) ?? { incident, instances: new Set(incident.instanceKeys) }
      entry.instances.add(instance.key)
      found.set(incident.id, entry)
    }
  }
  const incidents: NormalizedIncident[] = mapItems([...found.values()], 'salesforce incident', ({ incident, instances: keys }) =>
    toIncident(incident, [...keys].filter((k) => known.has(k)), localize, ctx.now),
  )
  return {
    status: worstStatus(components.map((c) => c.status)) ?? 'unknown',
    statusText: null,
    groups,
    components,
    incidents,
    maintenances: [],
    coverage: { incidents: 'active', maintenances: 'active' },
  }
}

export const salesforceSource: StatusSource = {
  endpoints: (target) => {
    const url = target.apiUrl ?? SALESFORCE_PREVIEW_URL
    return [
      { key: 'instances', url },
      { key: 'localizations', url: localizationsUrl(url), optional: true },
    ]
  },
  parse: (bodies, ctx) => ({ kind: 'snapshot', snapshot: parseSalesforce(bodies, ctx) }),
}
