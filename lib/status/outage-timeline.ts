// The 30-day outage timeline: one cell per day, coloured by the worst impact of any incident that
// touched the day.
//
// Two sources, and the day says which one it comes from. From our first read of the vendor on we
// know every incident as it happens, so a day without one is "clear". Before it we only have the
// vendor's own incident list, which is read at the same time but may be trimmed (a status page
// lists its newest incidents only): a day it names an incident on shows that incident, marked as
// from the vendor's history, and a day it says nothing about stays "no data" rather than "clear".
// Either way the strip never contradicts the incident history listed below it.
import type { IncidentImpact } from './statuses'
import { lastDays, type DayWindow } from './days'

export interface TimelineIncident {
  id: string
  title: string
  impact: IncidentImpact
  startedAt: Date
  /** null while the incident is still open (it lasts until now). */
  endedAt: Date | null
}

export type DayState = 'no_data' | 'clear' | IncidentImpact

/** `observed`: we were watching; `vendor_history`: the day ended before our first read. */
export type DaySource = 'observed' | 'vendor_history'

export interface TimelineDay extends DayWindow {
  state: DayState
  source: DaySource
  incidents: TimelineIncident[]
}

/** Worst first. An incident of unknown impact outranks one that says it had none. */
const IMPACT_RANK: Record<IncidentImpact, number> = { critical: 4, major: 3, minor: 2, unknown: 1, none: 0 }

export function worstImpact(impacts: IncidentImpact[]): IncidentImpact | null {
  return impacts.reduce<IncidentImpact | null>((worst, i) => (worst === null || IMPACT_RANK[i] > IMPACT_RANK[worst] ? i : worst), null)
}

/**
 * @param dataSince our first read of the vendor; days that ended before it come from the vendor's
 *   history (null: never read, so every day does).
 */
export function outageTimeline(
  incidents: TimelineIncident[],
  options: { days: number; now: Date; timeZone: string; dataSince: Date | null },
): TimelineDay[] {
  const { now, dataSince } = options
  return lastDays(options.days, now, options.timeZone).map((day) => {
    const touching = incidents
      .filter((i) => i.startedAt < day.end && (i.endedAt ?? now) > day.start && i.startedAt <= now)
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    const worst = worstImpact(touching.map((i) => i.impact))
    const observed = dataSince !== null && day.end > dataSince
    if (observed) return { ...day, state: worst ?? 'clear', source: 'observed', incidents: touching }
    // The vendor's silence about a day before our first read is not a clear day.
    return { ...day, state: worst ?? 'no_data', source: 'vendor_history', incidents: touching }
  })
}
