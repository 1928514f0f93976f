// One feed entry -> one incident or one maintenance. Statuspage-style entries carry their update
// history as <strong>Label</strong> paragraphs (rss-updates.ts); any other feed's entry becomes a
// single update whose status comes from the caller's default.
import type { IncidentStatus, MaintenanceStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate, NormalizedMaintenance } from '@/lib/status/snapshot'
import { toDate } from './parse-helpers'
import { warn } from './read-warnings'
import type { FeedEntry } from './rss-feed'
import { splitStatusUpdates, type FeedUpdate } from './rss-updates'
import { readScheduledHeader, readWindowPhrase } from './rss-window'

const INCIDENT_LABELS: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
}
const MAINTENANCE_LABELS: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled',
  'in progress': 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
}
/** A status label written at the head of a title: "[Resolved] ...", "RESOLVED: ...", "Completed - ...". */
const LEADING_DONE_LABEL = /^\s*[[(]?\s*(resolved|completed)\s*[\])]?\s*[:\-\u2013\u2014]?\s/i
/** Labels that restate the current phase instead of naming one: the previous phase carries over. */
const CARRY_LABELS = new Set(['update', ''])

export type MappedEntry = { kind: 'incident'; incident: NormalizedIncident } | { kind: 'maintenance'; maintenance: NormalizedMaintenance }

interface Step {
  label: string
  at: Date
  /** The update's own stamp could not be placed; `at` is the entry's time instead. */
  timeUnknown: boolean
  body: string
}

function has<T>(table: Readonly<Record<string, T>>, label: string): boolean {
  return Object.hasOwn(table, label)
}

/**
 * Walks the updates oldest first giving each the phase it names, or the phase before it for
 * "Update". An unrecognised label is `unknown` and so is the phase after it (issue 14 #5): a label
 * we do not know ("Reopened", a new vendor wording) must never leave an incident in the resolved
 * phase it had before, so the entry reads `unknown`, which counts as open, and is counted as a
 * read warning for the operator.
 */
function phases<T extends string>(steps: Step[], table: Readonly<Record<string, T>>): { statuses: (T | 'unknown')[]; last: T | null } {
  let last: T | null = null
  const statuses = steps.map((s) => {
    if (CARRY_LABELS.has(s.label)) return last ?? 'unknown'
    const mapped = has(table, s.label) ? table[s.label] : undefined
    if (mapped === undefined) {
      warn('feed update label unknown', s.label)
      last = null
      return 'unknown'
    }
    last = mapped
    return mapped
  })
  return { statuses, last }
}

/** Ids from the entry id and the update's minute; repeats within a minute get ~2, ~3 oldest first. */
function updateIds(entryId: string, steps: Step[]): string[] {
  const seen = new Map<string, number>()
  return steps.map((s) => {
    const base = `${entryId}#${s.at.toISOString()}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}~${n}`
  })
}

export function mapEntry(entry: FeedEntry, now: Date, defaultStatus: IncidentStatus): MappedEntry | null {
  const externalId = entry.id ?? entry.link ?? (entry.title && entry.published ? `${entry.title}|${entry.published}` : null)
  if (!externalId) return null
  const updated = toDate(entry.updated)
  const published = toDate(entry.published)
  const reference = updated ?? published
  const found: FeedUpdate[] = splitStatusUpdates(entry.content, reference)
  const marked = found.some((u) => u.label !== '')
  // A stamp we cannot place (an unknown zone) is said so, not silently put at the entry's time.
  for (const u of found) if (u.at === null) warn('feed update time unknown', u.stamp)
  // Statuspage writes newest first, so document order reversed is chronological.
  const steps: Step[] = marked
    ? found.reverse().map((u) => ({ label: u.label.toLowerCase(), at: u.at ?? reference ?? now, timeUnknown: u.at === null, body: u.body }))
    : entry.content
      ? [{ label: '', at: reference ?? now, timeUnknown: false, body: entry.content }]
      : []
  const labels = steps.map((s) => s.label)
  const title = entry.title || externalId
  const isMaintenance =
    labels.some((l) => has(MAINTENANCE_LABELS, l)) ||
    (!labels.some((l) => has(INCIDENT_LABELS, l)) && /\bmaintenance\b/i.test(title))
  const ids = updateIds(externalId, steps)
  // A plain entry's single step is stamped with its last edit; it started when first published.
  const firstAt = (marked ? steps[0]?.at : published) ?? steps[0]?.at ?? reference ?? now
  const lastStep = steps[steps.length - 1]
  // Words in a title never decide a phase (issue 14 #5): an Azure "Active - ... Completed
  // migration ..." or a generic "Errors resolved for most users" is still open. Only a label
  // decides; in a feed without status markup that is a label leading the title ("[Resolved] ...").
  const saysDone = LEADING_DONE_LABEL.test(title.slice(0, 40))

  if (isMaintenance) {
    const { last } = phases(steps, MAINTENANCE_LABELS)
    // The window, not the announcement, dates a maintenance: the scheduled-event header first,
    // then the newest update that states one (a reschedule restates it).
    const near = published ?? reference ?? firstAt
    let window = readScheduledHeader(entry.content, near)
    for (let i = steps.length - 1; i >= 0 && !window; i--) window = readWindowPhrase(steps[i]?.body ?? '', near)
    const startedAt = steps.find((s) => s.label === 'in progress')?.at ?? null
    const completedAt = steps.findLast((s) => s.label === 'completed')?.at ?? null
    return {
      kind: 'maintenance',
      maintenance: {
        externalId,
        title,
        status: last ?? (saysDone ? 'completed' : 'unknown'),
        impact: 'none',
        scheduledFor: window?.start ?? startedAt ?? firstAt,
        scheduledUntil: window?.end ?? null,
        startedAt,
        completedAt,
        url: entry.link,
        body: lastStep?.body ?? null,
        updatedAt: updated,
        componentExternalIds: [],
      },
    }
  }

  const { statuses, last } = phases(steps, INCIDENT_LABELS)
  const status: IncidentStatus = marked ? (last ?? 'unknown') : saysDone ? 'resolved' : defaultStatus
  const updates: NormalizedIncidentUpdate[] = steps.map((s, i) => ({
    externalId: ids[i] ?? `${externalId}#${i}`,
    status: marked ? (statuses[i] ?? 'unknown') : status,
    body: s.body,
    publishedAt: s.at,
    ...(s.timeUnknown && { timeUnknown: true as const }),
  }))
  const postmortem = steps.findLast((s) => s.label === 'postmortem')
  const closed = status === 'resolved' || status === 'postmortem'
  return {
    kind: 'incident',
    incident: {
      externalId,
      title,
      status,
      impact: 'unknown', // feeds carry no impact
      startedAt: firstAt,
      resolvedAt: closed ? (steps.findLast((s) => s.label === 'resolved')?.at ?? lastStep?.at ?? reference ?? now) : null,
      updatedAt: updated,
      url: entry.link,
      componentExternalIds: [],
      updates,
      postmortem: postmortem ? { body: postmortem.body, publishedAt: postmortem.at } : null,
    },
  }
}
