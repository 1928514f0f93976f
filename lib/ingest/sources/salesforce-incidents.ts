// Salesforce Trust incidents (docs/status-page-formats.md §4.6) -> normalized incidents. Human text sits behind
// localization keys (`incidentImpactType` serviceIssue / endUserImpact); without the
// localizations body the keys themselves are shown.
import { z } from 'zod'
import type { IncidentImpact, IncidentStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate } from '@/lib/status/snapshot'
import { zDate, zOptionalDate } from './parse-helpers'
import { warn, zListOrEmpty, zText } from './read-warnings'

const idLike = z.union([z.number(), z.string()]).transform(String)

const impactSchema = z.object({
  id: idLike,
  startTime: zOptionalDate,
  endTime: zOptionalDate,
  type: zText,
  severity: zText,
  createdAt: zOptionalDate,
})
export const salesforceIncidentSchema = z.object({
  id: idLike,
  isCore: z.boolean().nullish(),
  createdAt: zOptionalDate,
  updatedAt: zOptionalDate,
  IncidentImpacts: zListOrEmpty(impactSchema, 'salesforce incident impact'),
  // No captured payload has events, so their shape is unverified: each is read leniently below.
  IncidentEvents: z.array(z.unknown()).nullish().transform((l) => l ?? []),
  instanceKeys: zListOrEmpty(z.string(), 'salesforce affected component'),
})
export type SalesforceIncident = z.output<typeof salesforceIncidentSchema>
const eventSchema = z.object({ id: idLike, type: zText, message: z.string().nullish(), createdAt: zDate })

/** `${modelName}|${modelKey}|${modelAttribute}` -> text, from /v1/localizations. */
export type Localize = (modelName: string, key: string, attribute: string) => string | null

const SEVERITY_IMPACT: Readonly<Record<string, IncidentImpact>> = { informational: 'none', minor: 'minor', major: 'major' }
const IMPACT_RANK: Readonly<Record<IncidentImpact, number>> = { unknown: 0, none: 1, minor: 2, major: 3, critical: 4 }

/**
 * Event type keys name their phase by prefix ("investigatingCauseOfIssue", "issueIsolatedDatabaseTier",
 * "implementingSolutionSiteSwitch", "monitoringGeneric"); "update", "correction..." and the rest
 * restate the current phase.
 */
const EVENT_PHASES: [string, IncidentStatus][] = [
  ['investigating', 'investigating'],
  ['issueisolated', 'identified'],
  ['implementingsolution', 'identified'],
  ['monitoring', 'monitoring'],
  ['resolved', 'resolved'],
]

function eventPhase(type: string): IncidentStatus | null {
  const key = type.toLowerCase()
  return EVENT_PHASES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null
}

function impactOf(incident: SalesforceIncident): IncidentImpact {
  let worst: IncidentImpact = 'unknown'
  let sawUnknown = false
  for (const i of incident.IncidentImpacts) {
    const key = i.severity.trim().toLowerCase()
    let impact: IncidentImpact = Object.hasOwn(SEVERITY_IMPACT, key) ? (SEVERITY_IMPACT[key] ?? 'unknown') : 'unknown'
    // docs/status-page-formats.md §5: a major incident on core service is Salesforce's worst case.
    if (impact === 'major' && incident.isCore === true) impact = 'critical'
    sawUnknown ||= impact === 'unknown'
    if (IMPACT_RANK[impact] > IMPACT_RANK[worst]) worst = impact
  }
  // An unrecognised severity next to informational ones might be worse: do not claim "none".
  return sawUnknown && worst === 'none' ? 'unknown' : worst
}

export function toIncident(incident: SalesforceIncident, componentIds: string[], localize: Localize, now: Date): NormalizedIncident {
  const impacts = [...incident.IncidentImpacts].sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0))
  const firstType = impacts[0]?.type ?? ''
  const steps: (NormalizedIncidentUpdate & { phase: IncidentStatus | null })[] = []
  for (const i of impacts) {
    const at = i.createdAt ?? i.startTime
    if (!at) continue
    const body = localize('incidentImpactType', i.type, 'endUserImpact') ?? localize('incidentImpactType', i.type, 'serviceIssue') ?? i.type
    steps.push({ externalId: `impact-${i.id}`, status: 'investigating', body, publishedAt: at, phase: 'investigating' })
  }
  for (const raw of incident.IncidentEvents) {
    const parsed = eventSchema.safeParse(raw)
    if (!parsed.success) {
      warn('salesforce update', `incident ${incident.id}: ${parsed.error.issues[0]?.message ?? 'unreadable event'}`)
      continue
    }
    const e = parsed.data
    const body = e.message?.trim() || localize('incidentEventType', e.type, 'template') || localize('incidentEventType', e.type, 'label') || e.type
    steps.push({ externalId: `event-${e.id}`, status: 'unknown', body, publishedAt: e.createdAt, phase: eventPhase(e.type) })
  }
  steps.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
  let phase: IncidentStatus | null = null
  const updates: NormalizedIncidentUpdate[] = steps.map(({ phase: own, ...u }) => {
    phase = own ?? phase
    return { ...u, status: phase ?? 'unknown' }
  })

  const ended = impacts.length > 0 && impacts.every((i) => i.endTime !== null)
  const endTimes = impacts.map((i) => i.endTime?.getTime() ?? 0)
  // Ended impacts are the resolution; an event saying "resolved" while an impact is still open
  // is read as monitoring, so resolvedAt is never invented.
  const status: IncidentStatus = ended ? 'resolved' : phase === 'resolved' ? 'monitoring' : (phase ?? 'investigating')
  return {
    externalId: incident.id,
    title: localize('incidentImpactType', firstType, 'serviceIssue') ?? (firstType || `Salesforce incident ${incident.id}`),
    status,
    impact: impactOf(incident),
    startedAt: impacts[0]?.startTime ?? incident.createdAt ?? now,
    resolvedAt: ended ? new Date(Math.max(...endTimes)) : null,
    updatedAt: incident.updatedAt,
    url: `https://status.salesforce.com/incidents/${encodeURIComponent(incident.id)}`,
    componentExternalIds: componentIds,
    updates,
  }
}
