// Cachet 2.x incidents (`/api/v1/incidents`) to incidents and maintenances.
//
// Times: Cachet renders created_at/updated_at/occurred_at as "2024-01-02 03:04:05" in the
// installation's configured time zone (its DateFactory converts to `cachet.timezone`), with no
// offset in the string. The API never says which zone that is, so they are read as UTC, the only
// neutral reading; on a page configured for another zone every time is off by that zone's offset.
//
// Updates: Cachet keeps incident updates behind a per-incident endpoint. The incident's own message
// becomes one update (id `<incident id>-message`, so an edited message keeps its id); updates that
// a Cachet version embeds in the incident (`updates[]`) are added under their upstream ids.
import { z } from 'zod'
import type { IncidentStatus, MaintenanceStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import { zDate, zOptionalDate } from './parse-helpers'
import { zList } from './read-warnings'

export const zId = z.union([z.string().min(1), z.number()]).transform(String)
export const zCode = z.union([z.number(), z.string()]).transform((v) => String(v).trim())

export const incidentSchema = z.object({
  id: zId,
  component_id: zId.nullish(),
  name: z.string(),
  status: zCode,
  latest_status: zCode.nullish(),
  visible: z.union([z.boolean(), z.number(), z.string()]).nullish(),
  message: z.string().nullish(),
  occurred_at: zOptionalDate,
  scheduled_at: zOptionalDate,
  created_at: zDate,
  updated_at: zOptionalDate,
  permalink: z.string().nullish(),
  updates: zList(z.object({ id: zId, status: zCode, message: z.string().nullish(), created_at: zDate }), 'cachet update').nullish(),
})

export type CachetIncident = z.output<typeof incidentSchema>

/** 0 (scheduled) is a maintenance and never reaches this table. */
const INCIDENT_STATUS: Record<string, IncidentStatus> = { '1': 'investigating', '2': 'identified', '3': 'monitoring', '4': 'resolved' }
export const mapCachetIncidentStatus = (code: string): IncidentStatus => INCIDENT_STATUS[code] ?? 'unknown'

export const isHidden = (i: CachetIncident) => i.visible === false || i.visible === 0 || i.visible === '0'
export const isScheduled = (i: CachetIncident) => i.status === '0'

function sortedUpdates(i: CachetIncident) {
  return [...(i.updates ?? [])].sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
}

/** The current status: the latest embedded update, else Cachet's `latest_status`, else `status`. */
function currentCode(i: CachetIncident): string {
  return sortedUpdates(i).at(-1)?.status ?? i.latest_status ?? i.status
}

export function toIncident(i: CachetIncident, known: Set<string>): NormalizedIncident {
  const startedAt = i.occurred_at ?? i.created_at
  const later = sortedUpdates(i)
  const updates: NormalizedIncidentUpdate[] = []
  if (i.message?.trim()) {
    const status = mapCachetIncidentStatus(i.status)
    updates.push({ externalId: `${i.id}-message`, status, body: i.message.trim(), publishedAt: startedAt })
  }
  for (const u of later) {
    updates.push({ externalId: u.id, status: mapCachetIncidentStatus(u.status), body: (u.message ?? '').trim(), publishedAt: u.created_at })
  }
  const status = mapCachetIncidentStatus(currentCode(i))
  const fixedAt = later.filter((u) => u.status === '4').at(-1)?.created_at
  return {
    externalId: i.id,
    title: i.name.trim(),
    status,
    // Cachet 2.x incidents carry no impact; affected components carry the severity.
    impact: 'unknown',
    startedAt,
    resolvedAt: status === 'resolved' ? (fixedAt ?? i.updated_at ?? i.created_at) : null,
    updatedAt: i.updated_at ?? null,
    url: i.permalink ?? null,
    componentExternalIds: i.component_id && known.has(i.component_id) ? [i.component_id] : [],
    updates,
  }
}

/**
 * A scheduled (status 0) incident. Cachet 2.3 keeps the window start in `scheduled_at`; 2.4 moved it
 * to `occurred_at` (its presenter then fills `scheduled_at` with the request time, so occurred_at
 * wins). There is no end time. Once the start has passed, only embedded updates tell the phase.
 */
export function toMaintenance(i: CachetIncident, known: Set<string>, now: Date): NormalizedMaintenance {
  const scheduledFor = i.occurred_at ?? i.scheduled_at ?? i.created_at
  const latest = sortedUpdates(i).at(-1)
  let status: MaintenanceStatus
  if (latest?.status === '4') status = 'completed'
  else if (latest && latest.status !== '0') status = 'in_progress'
  else status = scheduledFor > now ? 'scheduled' : 'unknown'
  return {
    externalId: i.id,
    title: i.name.trim(),
    status,
    impact: 'none',
    scheduledFor,
    scheduledUntil: null,
    startedAt: status === 'in_progress' || status === 'completed' ? scheduledFor : null,
    completedAt: status === 'completed' ? (latest?.created_at ?? null) : null,
    url: i.permalink ?? null,
    body: (latest?.message ?? i.message)?.trim() || null,
    updatedAt: i.updated_at ?? null,
    componentExternalIds: i.component_id && known.has(i.component_id) ? [i.component_id] : [],
  }
}
