// How reliable a vendor has been: incidents per month, total and median duration by impact, and
// the components hit hardest, over the last 30, 90 or 365 days. Pure over (incidents, now, our
// first read); the vendor page, its chart and the API all show this one computation.
//
// Rules (each is a unit test in reliability.test.ts):
// - An incident belongs to a window when it overlaps it. Its time *in* the window is what "total"
//   adds up (an incident spanning the window's start counts only its part inside); its median is
//   over whole durations, which is how long an incident of that impact tends to last.
// - An ongoing incident lasts until `now` and is counted as ongoing; an incident the vendor marked
//   over without a resolution time ends when it started (lib/status/outage-timeline.ts does the same).
// - Months are UTC calendar months; an incident counts in the month it started (or the window's
//   first month when it started before the window), so the months add up to the window's total.
// - Everything before our first successful read (`dataSince`) comes from the vendor's own incident
//   list, which names only its newest incidents: such months are marked, never presented as clean.
import { isIncidentOverStatus } from './lifecycle'
import type { IncidentImpact, IncidentStatus } from './statuses'

export const RELIABILITY_WINDOWS = [30, 90, 365] as const
export type ReliabilityWindow = (typeof RELIABILITY_WINDOWS)[number]

const DAY_MS = 86_400_000
/** Impacts in the order they are reported: worst first. */
export const IMPACT_ORDER: readonly IncidentImpact[] = ['critical', 'major', 'minor', 'none', 'unknown']
/** How many components "worst components" names. */
export const WORST_COMPONENTS = 5

export interface ReliabilityIncident {
  impact: IncidentImpact
  status: IncidentStatus
  startedAt: Date
  resolvedAt: Date | null
  components: readonly { id: string; name: string }[]
}

export interface ImpactStats {
  impact: IncidentImpact
  incidents: number
  /** Time inside the window, ms. */
  totalMs: number
  /** Median whole duration, ms (ongoing ones up to now). */
  medianMs: number
}

export interface ComponentStats {
  id: string
  name: string
  incidents: number
  totalMs: number
}

/** `history`: the whole month lies before our first read; `partial`: our first read fell inside it. */
export type MonthSource = 'observed' | 'partial' | 'history'

export interface MonthStats {
  /** `YYYY-MM` (UTC). */
  month: string
  incidents: number
  source: MonthSource
}

export interface Reliability {
  days: number
  from: Date
  to: Date
  incidents: number
  ongoing: number
  totalMs: number
  medianMs: number
  /** Incidents that started before our first read: known only from the vendor's own list. */
  fromVendorHistory: number
  byImpact: ImpactStats[]
  /** Every component named by an incident in the window, worst (most time, then most incidents) first. */
  components: ComponentStats[]
  months: MonthStats[]
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const monthKey = (d: Date) => d.toISOString().slice(0, 7)
const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
const nextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))

/** When an incident ended, or null while it is ongoing. */
export function incidentEnd(i: Pick<ReliabilityIncident, 'status' | 'startedAt' | 'resolvedAt'>): Date | null {
  return i.resolvedAt ?? (isIncidentOverStatus(i.status) ? i.startedAt : null)
}

export function reliability(all: readonly ReliabilityIncident[], options: { days: number; now: Date; dataSince: Date | null }): Reliability {
  const { days, now, dataSince } = options
  const from = new Date(now.getTime() - days * DAY_MS)
  const spans = all
    .filter((i) => i.startedAt <= now)
    .map((i) => {
      const end = incidentEnd(i)
      const until = end ?? now
      const inside = Math.max(0, Math.min(until.getTime(), now.getTime()) - Math.max(i.startedAt.getTime(), from.getTime()))
      return { i, ongoing: end === null, inside, whole: Math.max(0, until.getTime() - i.startedAt.getTime()), ends: until }
    })
    // Overlaps the window: still going, or ended at or after its start.
    .filter((s) => s.ends >= from)

  const byImpact = IMPACT_ORDER.flatMap((impact): ImpactStats[] => {
    const of = spans.filter((s) => s.i.impact === impact)
    if (of.length === 0) return []
    return [{ impact, incidents: of.length, totalMs: sum(of.map((s) => s.inside)), medianMs: median(of.map((s) => s.whole)) }]
  })

  const components = new Map<string, ComponentStats>()
  for (const s of spans) {
    for (const c of s.i.components) {
      const stats = components.get(c.id) ?? { id: c.id, name: c.name, incidents: 0, totalMs: 0 }
      stats.incidents += 1
      stats.totalMs += s.inside
      components.set(c.id, stats)
    }
  }

  const months: MonthStats[] = []
  for (let m = monthStart(from); m <= now; m = nextMonth(m)) {
    const end = nextMonth(m)
    const source: MonthSource = !dataSince || dataSince >= end ? 'history' : dataSince > m ? 'partial' : 'observed'
    months.push({ month: monthKey(m), incidents: 0, source })
  }
  for (const s of spans) {
    const key = monthKey(s.i.startedAt < from ? from : s.i.startedAt)
    const month = months.find((m) => m.month === key)
    if (month) month.incidents += 1
  }

  return {
    days,
    from,
    to: now,
    incidents: spans.length,
    ongoing: spans.filter((s) => s.ongoing).length,
    totalMs: sum(spans.map((s) => s.inside)),
    medianMs: median(spans.map((s) => s.whole)),
    fromVendorHistory: dataSince ? spans.filter((s) => s.i.startedAt < dataSince).length : spans.length,
    byImpact,
    components: [...components.values()].sort((a, b) => b.totalMs - a.totalMs || b.incidents - a.incidents || a.name.localeCompare(b.name)),
    months,
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
