// The 30-day outage timeline: one cell per day, coloured by the worst impact of any incident that
// touched the day, grey ("no data") for days before we started watching the vendor.
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

export interface TimelineDay extends DayWindow {
  state: DayState
  incidents: TimelineIncident[]
}

/** Worst first. An incident of unknown impact outranks one that says it had none. */
const IMPACT_RANK: Record<IncidentImpact, number> = { critical: 4, major: 3, minor: 2, unknown: 1, none: 0 }

export function worstImpact(impacts: IncidentImpact[]): IncidentImpact | null {
  return impacts.reduce<IncidentImpact | null>((worst, i) => (worst === null || IMPACT_RANK[i] > IMPACT_RANK[worst] ? i : worst), null)
}

/**
 * @param dataSince from when we know the vendor's incidents; days that ended before it are
 *   "no data" (null: we know nothing yet, every day is "no data").
 */
export function outageTimeline(
  incidents: TimelineIncident[],
  options: { days: number; now: Date; timeZone: string; dataSince: Date | null },
): TimelineDay[] {
  const { now, dataSince } = options
  return lastDays(options.days, now, options.timeZone).map((day) => {
    if (!dataSince || day.end <= dataSince) return { ...day, state: 'no_data', incidents: [] }
    const touching = incidents
      .filter((i) => i.startedAt < day.end && (i.endedAt ?? now) > day.start && i.startedAt <= now)
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    const worst = worstImpact(touching.map((i) => i.impact))
    return { ...day, state: worst ?? 'clear', incidents: touching }
  })
}
