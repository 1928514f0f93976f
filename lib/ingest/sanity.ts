// Time sanity rules for every platform, in one place (issue 14 #6). Pure: (snapshot, now) -> the
// snapshot with impossible times corrected, plus what was corrected (kind and count, reported as
// read warnings). Applied to every snapshot by `readSnapshot` (sources/read-snapshot.ts).
//
//  - An incident starts no later than it is resolved. Backfilled incidents break this (GitHub's
//    nk9gdvl03ztg: started_at six days after resolved_at): the start becomes the earliest credible
//    time, the earliest of its start, resolution and update times. Never a negative duration.
//  - Nothing happened in the future: an incident start, resolution or update more than CLOCK_SKEW
//    after our check time is placed at the check time. (Scheduled maintenance windows are in the
//    future by design and are left alone.)
//  - A maintenance window ends no earlier than it starts: an end before the start is unreadable
//    and dropped (end unknown); a completion before the recorded start moves the start back.
import type { NormalizedIncident, NormalizedMaintenance, ReadWarning, StatusSnapshot } from '@/lib/status/snapshot'

/** How far ahead of our clock an upstream time may be and still be taken as is. */
export const CLOCK_SKEW_MS = 5 * 60_000

export const SANITY_KINDS = {
  startAfterResolution: 'sanity: incident started after its resolution',
  future: 'sanity: incident time in the future',
  maintenanceEnd: 'sanity: maintenance ends before it starts',
} as const

const earliest = (dates: Date[]): Date => new Date(Math.min(...dates.map((d) => d.getTime())))

export function sanitizeSnapshot(snapshot: StatusSnapshot, now: Date): { snapshot: StatusSnapshot; corrections: ReadWarning[] } {
  const counts = new Map<string, { count: number; example: string }>()
  const note = (kind: string, example: string) => {
    const seen = counts.get(kind)
    if (seen) seen.count++
    else counts.set(kind, { count: 1, example })
  }
  const incidents = snapshot.incidents.map((i) => sanitizeIncident(i, now, note))
  const maintenances = snapshot.maintenances.map((m) => sanitizeMaintenance(m, note))
  const corrections = [...counts].map(([kind, c]) => ({ kind, count: c.count, example: c.example }))
  return { snapshot: corrections.length === 0 ? snapshot : { ...snapshot, incidents, maintenances }, corrections }
}

type Note = (kind: string, example: string) => void

export function sanitizeIncident(incident: NormalizedIncident, now: Date, note: Note = () => {}): NormalizedIncident {
  const limit = now.getTime() + CLOCK_SKEW_MS
  const clamp = (d: Date): Date => {
    if (d.getTime() <= limit) return d
    note(SANITY_KINDS.future, `incident ${incident.externalId}: ${d.toISOString()}`)
    return now
  }
  const updates = incident.updates.map((u) => (u.publishedAt.getTime() > limit ? { ...u, publishedAt: clamp(u.publishedAt) } : u))
  let startedAt = clamp(incident.startedAt)
  const resolvedAt = incident.resolvedAt && clamp(incident.resolvedAt)
  if (resolvedAt && startedAt > resolvedAt) {
    note(SANITY_KINDS.startAfterResolution, `incident ${incident.externalId}: started ${startedAt.toISOString()}, resolved ${resolvedAt.toISOString()}`)
    startedAt = earliest([startedAt, resolvedAt, ...updates.map((u) => u.publishedAt)])
  }
  const changed = startedAt !== incident.startedAt || resolvedAt !== incident.resolvedAt || updates.some((u, n) => u !== incident.updates[n])
  return changed ? { ...incident, startedAt, resolvedAt, updates } : incident
}

export function sanitizeMaintenance(m: NormalizedMaintenance, note: Note = () => {}): NormalizedMaintenance {
  let out = m
  if (m.scheduledUntil && m.scheduledUntil < m.scheduledFor) {
    note(SANITY_KINDS.maintenanceEnd, `maintenance ${m.externalId}: ${m.scheduledFor.toISOString()} to ${m.scheduledUntil.toISOString()}`)
    out = { ...out, scheduledUntil: null }
  }
  if (out.startedAt && out.completedAt && out.completedAt < out.startedAt) {
    note(SANITY_KINDS.maintenanceEnd, `maintenance ${m.externalId}: started ${out.startedAt.toISOString()}, completed ${out.completedAt.toISOString()}`)
    out = { ...out, startedAt: out.completedAt }
  }
  return out
}
