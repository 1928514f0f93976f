// AWS Health Dashboard: `https://health.aws.amazon.com/public/currentevents` (docs/status-page-formats.md §4.2), a
// UTF-16 JSON array of current events; `[]` means all clear. Events stay listed for a while after
// they resolve (status "0", end_time set), so coverage is 'active': what is listed is current,
// and an open event that disappears has ended.
//
// - Incident per event, keyed by `arn` (else service + start time). Status "0" or an end_time ->
//   resolved; anything else -> investigating (AWS has no phases). Impact: the worst level seen on
//   the event, its log or its impacted services (aws-levels.ts).
// - Updates: `event_log[]`, keyed by event id + timestamp (AWS gives log entries no id; a log
//   entry's timestamp does not change when AWS edits its text).
// - Components: only the services events name (`service` and `impacted_services` keys such as
//   "ec2-us-west-2"), grouped by region_name. An open event sets its services to their
//   `current` level; a resolved one leaves them operational. AWS publishes no full service list,
//   so an unlisted service is simply absent, not known-good.
// - Overall: the worst component status; no events -> operational.
import { z } from 'zod'
import { worstStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { NormalizedComponent, NormalizedGroup, NormalizedIncident, StatusSnapshot } from '@/lib/status/snapshot'
import { levelStatus, repairUtf16, worstImpact } from './aws-levels'
import { parseJson, parseWithSchema, zDate, zOptionalDate } from './parse-helpers'
import { mapItems, zList, zListOrEmpty, zText } from './read-warnings'
import type { StatusSource } from './types'

export const AWS_CURRENT_EVENTS_URL = 'https://health.aws.amazon.com/public/currentevents'

const level = z.union([z.string(), z.number()]).transform((v) => String(v).trim())
const logSchema = z.object({
  summary: zText,
  message: zText,
  status: level.nullish(),
  timestamp: zDate,
})
const impactedSchema = z.object({ service_name: z.string().nullish(), current: level.nullish(), max: level.nullish() })
const eventSchema = z.object({
  date: zDate,
  arn: z.string().nullish(),
  region_name: zText,
  service: z.string(),
  service_name: zText,
  status: level,
  summary: zText,
  event_log: zListOrEmpty(logSchema, 'aws update'),
  impacted_services: z.record(z.string(), impactedSchema).default({}),
  end_time: zOptionalDate,
})
export const awsCurrentEventsSchema = zList(eventSchema, 'aws incident', { core: true })
type AwsEvent = z.output<typeof eventSchema>

const isResolved = (e: AwsEvent) => e.status === '0' || e.end_time !== null
const eventId = (e: AwsEvent) => e.arn?.trim() || `${e.service}:${Math.floor(e.date.getTime() / 1000)}`

function toIncident(e: AwsEvent): NormalizedIncident {
  const id = eventId(e)
  const resolved = isResolved(e)
  const log = [...e.event_log].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime())
  const seen = new Map<string, number>()
  const updates = log.map((entry, i) => {
    const key = `${id}#${entry.timestamp.toISOString()}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const saysResolved = /^\s*\[resolved\]/i.test(entry.summary) || (resolved && i === log.length - 1)
    return {
      externalId: n === 1 ? key : `${key}~${n}`,
      status: saysResolved ? ('resolved' as const) : ('investigating' as const),
      body: entry.message.trim(),
      publishedAt: entry.timestamp,
    }
  })
  const lastAt = log[log.length - 1]?.timestamp ?? null
  const impacted = Object.values(e.impacted_services)
  return {
    externalId: id,
    title: e.summary.trim() || e.service_name.trim() || e.service,
    status: resolved ? 'resolved' : 'investigating',
    impact: worstImpact([e.status, ...log.map((l) => l.status), ...impacted.map((s) => s.max ?? s.current)]),
    startedAt: e.date,
    resolvedAt: resolved ? (e.end_time ?? lastAt ?? e.date) : null,
    updatedAt: lastAt,
    url: null,
    componentExternalIds: [...new Set([e.service, ...Object.keys(e.impacted_services)])],
    updates,
  }
}

function mapComponents(events: AwsEvent[]): { groups: NormalizedGroup[]; components: NormalizedComponent[] } {
  const found = new Map<string, { name: string; region: string; states: ServiceStatus[] }>()
  const note = (key: string, name: string, region: string, state: ServiceStatus) => {
    const entry = found.get(key) ?? { name, region, states: [] }
    entry.states.push(state)
    found.set(key, entry)
  }
  for (const e of events) {
    const open = !isResolved(e)
    note(e.service, e.service_name || e.service, e.region_name, open ? levelStatus(e.status) : 'operational')
    for (const [key, s] of Object.entries(e.impacted_services)) {
      note(key, s.service_name || key, e.region_name, open ? levelStatus(s.current ?? e.status) : 'operational')
    }
  }
  const regions = [...new Set([...found.values()].map((c) => c.region).filter((r) => r !== ''))].sort()
  const groups = regions.map((name, position) => ({ externalId: `region:${name}`, name, position }))
  const components = [...found]
    .sort(([a, x], [b, y]) => x.region.localeCompare(y.region) || x.name.localeCompare(y.name) || a.localeCompare(b))
    .map(([key, c], position) => ({
      externalId: key,
      name: c.region && !c.name.includes(c.region) ? `${c.name} (${c.region})` : c.name,
      status: worstStatus(c.states) ?? 'unknown',
      groupExternalId: c.region ? `region:${c.region}` : null,
      position,
    }))
  return { groups, components }
}

export function parseAwsCurrentEvents(body: string | null): StatusSnapshot {
  const text = body === null ? null : repairUtf16(body)
  const events = parseWithSchema(awsCurrentEventsSchema, parseJson(text, 'aws currentevents'), 'aws currentevents')
  const { groups, components } = mapComponents(events)
  return {
    status: worstStatus(components.map((c) => c.status)) ?? 'operational',
    statusText: null,
    groups,
    components,
    incidents: mapItems(events, 'aws incident', toIncident),
    maintenances: [],
    coverage: { incidents: 'active', maintenances: 'active' },
    // A service is named only while an event is about it; once it is gone it is fine again.
    absentComponentsAreOperational: true,
  }
}

export const awsSource: StatusSource = {
  endpoints: (target) => [{ key: 'events', url: target.apiUrl ?? AWS_CURRENT_EVENTS_URL }],
  parse: (bodies) => ({ kind: 'snapshot', snapshot: parseAwsCurrentEvents(bodies.events ?? null) }),
}
