// The answer to "is <vendor> down?" in one sentence: the first line of the vendor page, its meta
// description and the API's `summary`. Pure over (what we stored, how fresh it is, now), so the
// three always say the same words. Times are UTC: the page is cached and shared by every reader,
// and the sentence also travels in JSON and search results.
//
// It never says more than we know: no status before a successful read, "cannot read" while reads
// fail, planned work is named as maintenance (lib/status/headline.ts decides that), and an open
// incident that implies no outage (impact none/unknown) is reported as an incident, not an outage.
//
// Our own early warning (an open possible outage: users' reports and our probes, lib/signal) is
// named only while the official page reports no problem, always marked unofficial, and never
// dressed up as the vendor's word. When the vendor's page seems to have moved (lib/ingest/
// source-drift.ts), what we read may not be what the vendor says now, so the sentence does not
// claim "no problems" on its strength.
import { formatDuration, formatElapsed } from '@/lib/format/date-time'
import type { Freshness } from './freshness'
import { isUnderMaintenance } from './headline'
import { isMaintenanceRunning } from './lifecycle'
import { impactfulOpenIncidents, isOpenIncident } from './open-incidents'
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from './statuses'

export interface AnswerIncident {
  title: string
  status: IncidentStatus
  impact: IncidentImpact
  startedAt: Date
  resolvedAt: Date | null
  /** Names of the components the incident names. */
  componentNames: readonly string[]
}

export interface AnswerInput {
  vendorName: string
  freshness: Freshness
  /** The stored overall status (already raised by open incidents at ingest). */
  status: ServiceStatus
  statusText: string | null
  statusChangedAt: Date | null
  openIncidents: readonly AnswerIncident[]
  maintenances: readonly { title: string; status: MaintenanceStatus; startedAt: Date | null; scheduledFor: Date }[]
  /** Components as listed now (placeholders already removed): names a problem when no incident does. */
  components: readonly { name: string; status: ServiceStatus }[]
  /** The open possible outage (unofficial), if any: since when, and whether users' reports took part. */
  possibleOutage?: AnswerPossibleOutage | null
  /** The vendor's status page seems to have moved platform or host: what we read may be out of date. */
  sourceChanged?: boolean
}

export interface AnswerPossibleOutage {
  openedAt: Date
  /** Distinct reporting networks; 0 when only our probes see the problem. */
  evidence: { reports: number }
}

/** How many component names a sentence lists before "and N more". */
const MAX_NAMED = 3

const PROBLEM_WORDS: Partial<Record<ServiceStatus, string>> = {
  degraded: 'degraded performance',
  partial_outage: 'a partial outage',
  major_outage: 'a major outage',
}

const hhmm = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const utcDay = (d: Date) => d.toISOString().slice(0, 10)

/** "since 10:42 UTC, 52 min"; the date joins in when it was not today (UTC). */
export function sinceWords(since: Date, now: Date): string {
  const at = utcDay(since) === utcDay(now) ? hhmm.format(since) : `${dayMonth.format(since)} ${hhmm.format(since)}`
  const ms = now.getTime() - since.getTime()
  return `since ${at} UTC, ${formatElapsed(ms)}`
}

/** "1 min ago", "3 h ago"; under a minute "less than a minute ago". */
export function agoWords(then: Date, now: Date): string {
  const ms = now.getTime() - then.getTime()
  return ms < 60_000 ? 'less than a minute ago' : `${formatDuration(ms)} ago`
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listWords(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED)
  const rest = names.length - shown.length
  const parts = rest > 0 ? [...shown, `${rest} more`] : shown
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

const unique = (names: Iterable<string>) => [...new Set([...names].map((n) => n.trim()).filter(Boolean))]

/** What is affected: the open incidents' components, else the components the page shows as not operational. */
function affectedNames(input: AnswerInput, incidents: readonly AnswerIncident[], pick: (s: ServiceStatus) => boolean): string[] {
  const named = unique(incidents.flatMap((i) => i.componentNames))
  return named.length > 0 ? named : unique(input.components.filter((c) => pick(c.status)).map((c) => c.name))
}

const affectedClause = (names: readonly string[]) => (names.length === 0 ? '' : `: ${listWords(names)} ${names.length === 1 ? 'is' : 'are'} affected`)

const earliest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null)

/** "Users report problems with GitHub (unofficial, since 10:42 UTC, 52 min)": never the vendor's word. */
function unofficialWords(name: string, outage: AnswerPossibleOutage, now: Date): string {
  const who = outage.evidence.reports > 0 ? `Users report problems with ${name}` : `Our probes see problems with ${name}`
  return `${who} (unofficial, ${sinceWords(outage.openedAt, now)})`
}

/** The sentence for a vendor whose page we read successfully and recently. */
function freshAnswer(input: AnswerInput, now: Date, checkedAt: Date): string {
  const { vendorName: name } = input
  const open = input.openIncidents.filter(isOpenIncident)
  const impactful = impactfulOpenIncidents(open)
  const problem = PROBLEM_WORDS[input.status]
  const since = (d: Date | null) => (d ? ` (${sinceWords(d, now)})` : '')

  if (problem) {
    const affected = affectedNames(input, impactful.length > 0 ? impactful : open, (s) => s in PROBLEM_WORDS)
    const start = earliest((impactful.length > 0 ? impactful : open).map((i) => i.startedAt)) ?? input.statusChangedAt
    const lead = isUnderMaintenance(input) ? `${name} is under maintenance, with ${problem}` : `${name} is having ${problem}`
    return `${lead}${affectedClause(affected)}${since(start)}`
  }

  const running = input.maintenances.filter((m) => isMaintenanceRunning(m.status))
  if (input.status === 'maintenance' || running.length > 0) {
    const affected = affectedNames(input, [], (s) => s === 'maintenance')
    const start = earliest(running.map((m) => m.startedAt ?? m.scheduledFor)) ?? input.statusChangedAt
    const what = affected.length > 0 ? `: ${listWords(affected)}` : running[0] ? `: ${running[0].title}` : ''
    return `${name} is under scheduled maintenance${what}${since(start)}`
  }

  const checked = `checked ${agoWords(checkedAt, now)}`
  const outage = input.possibleOutage
  if (outage) {
    // The official page reports no problem: say what our signals see, and what the page says, apart.
    const official = input.sourceChanged
      ? `${name}'s status page seems to have moved, so we cannot say what it reports now (${checked})`
      : open.length > 0
        ? `${name}'s status page reports an open incident but no outage (${checked})`
        : input.status === 'unknown'
          ? `${name}'s status page does not say whether it is up (${checked})`
          : `${name}'s status page reports no problems (${checked})`
    return `${unofficialWords(name, outage, now)}; ${official}`
  }

  if (open.length > 0) {
    // Open incidents that imply no outage (a notice, or a feed that gives no impact).
    const first = open.reduce((a, b) => (b.startedAt < a.startedAt ? b : a))
    const more = open.length > 1 ? ` and ${open.length - 1} more` : ''
    return `${name} reports an open incident, “${first.title}”${more}${since(first.startedAt)}, but does not report an outage (${checked})`
  }

  if (input.status === 'unknown') return `${name}'s status page does not say whether it is up right now (${checked})`
  if (input.sourceChanged) return `${name}'s status page seems to have moved, so we cannot say for sure whether ${name} is down: the page we read reports no problems (${checked})`
  return `No known problems at ${name} right now (${checked})`
}

/** The problem part of an older reading, for "when we last read it, …". */
function lastReadWords(input: AnswerInput): string {
  const problem = PROBLEM_WORDS[input.status]
  if (problem) return `it reported ${problem}`
  if (input.status === 'maintenance') return 'it reported maintenance'
  if (input.status === 'operational') return 'it reported no problems'
  return 'it did not say whether it was up'
}

export function answerSentence(input: AnswerInput, now: Date): string {
  const clause = answerClause(input, now)
  // Without a fresh read the official side is already "we cannot say"; our own signal comes first.
  const early = input.possibleOutage && input.freshness.kind !== 'fresh' ? `${unofficialWords(input.vendorName, input.possibleOutage, now)}. ` : ''
  return `${early}${clause}.`
}

function answerClause(input: AnswerInput, now: Date): string {
  const name = input.vendorName
  const f = input.freshness
  switch (f.kind) {
    case 'unmonitored':
      return `We don't read ${name}'s status page automatically, so we cannot say whether ${name} is down: check its official status page`
    case 'never_checked':
      return `We have not read ${name}'s status page yet, so we cannot say whether ${name} is down right now`
    case 'never_succeeded':
      return `We cannot read ${name}'s status page right now (none of our checks has worked yet; the latest ${agoWords(f.lastCheckedAt, now)}), so we cannot say whether ${name} is down`
    case 'stale':
      return f.error !== null
        ? `We cannot read ${name}'s status page right now (${sinceWords(f.lastSuccessAt, now)}); when we last read it, ${lastReadWords(input)}`
        : `${name}'s status may be out of date: when we last read it, ${agoWords(f.lastSuccessAt, now)}, ${lastReadWords(input)}`
    case 'fresh':
      return freshAnswer(input, now, f.lastCheckedAt)
  }
}

/** The stored vendor as the pages and the API load it (lib/data/vendor-status.ts), structurally. */
export interface StoredVendorForAnswer {
  name: string
  status: ServiceStatus
  statusText: string | null
  statusChangedAt: Date | null
  openIncidents: readonly (Omit<AnswerIncident, 'componentNames'> & { components: readonly { component: { name: string } }[] })[]
  maintenances: AnswerInput['maintenances']
  components: AnswerInput['components']
}

/** What the pages and the API know beside the stored vendor: the open possible outage, a moved page. */
export interface AnswerSignals {
  possibleOutage?: AnswerPossibleOutage | null
  sourceChanged?: boolean
}

/** The answer for a vendor as stored: the one call the page, its metadata and the API make. */
export function vendorAnswer(vendor: StoredVendorForAnswer, freshness: Freshness, now: Date, signals: AnswerSignals = {}): string {
  return answerSentence(
    {
      vendorName: vendor.name,
      freshness,
      status: vendor.status,
      statusText: vendor.statusText,
      statusChangedAt: vendor.statusChangedAt,
      openIncidents: vendor.openIncidents.map((i) => ({ ...i, componentNames: i.components.map((c) => c.component.name) })),
      maintenances: vendor.maintenances,
      components: vendor.components,
      possibleOutage: signals.possibleOutage ?? null,
      sourceChanged: signals.sourceChanged ?? false,
    },
    now,
  )
}
