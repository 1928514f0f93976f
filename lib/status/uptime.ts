// 90-day uptime of a component from its recorded status changes. Down time is time in a partial
// or major outage; degraded performance and maintenance count as up; time in `unknown` (or before
// we first saw the component) is not observed at all, so it neither helps nor hurts the figure.
//
// A percentage over a few minutes of watching reads as a fact about 90 days ("100.00%", or
// "0.00%" when we started during an outage), so there is none until a full day has been observed;
// until then, and whenever the observation is shorter than the window, the figure carries the
// moment it was observed since.
import { worstStatus, type ServiceStatus } from './statuses'
import { lastDays, type DayWindow } from './days'

export interface StatusChange {
  toStatus: ServiceStatus
  changedAt: Date
}

export interface UptimeDay extends DayWindow {
  /** Worst status seen during the observed part of the day. */
  state: 'no_data' | ServiceStatus
  observedMs: number
  downtimeMs: number
}

export interface ComponentUptime {
  days: UptimeDay[]
  /** Over every observed moment of the window; null until MIN_OBSERVED_MS has been observed. */
  uptimePercent: number | null
  /** The first observed moment in the window; null when nothing was observed. */
  observedSince: Date | null
  /** Whether observation covers the whole window (so the figure needs no "observed since"). */
  coversWindow: boolean
}

/** The least observed time that gets a percentage: one day. */
export const MIN_OBSERVED_MS = 86_400_000

const DOWN: ReadonlySet<ServiceStatus> = new Set(['partial_outage', 'major_outage'])

export function componentUptime(changes: StatusChange[], options: { days: number; now: Date; timeZone: string }): ComponentUptime {
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
  // Each change holds until the next one; the last one holds until now.
  const intervals = sorted.map((c, i) => ({ status: c.toStatus, from: c.changedAt.getTime(), to: (sorted[i + 1]?.changedAt ?? options.now).getTime() }))
  let observed = 0
  let down = 0
  let observedSince: number | null = null
  const days = lastDays(options.days, options.now, options.timeZone).map((day): UptimeDay => {
    const start = day.start.getTime()
    const end = Math.min(day.end.getTime(), options.now.getTime())
    const seen: ServiceStatus[] = []
    let observedMs = 0
    let downtimeMs = 0
    for (const interval of intervals) {
      const overlap = Math.min(end, interval.to) - Math.max(start, interval.from)
      if (overlap <= 0 || interval.status === 'unknown') continue
      const from = Math.max(start, interval.from)
      if (observedSince === null || from < observedSince) observedSince = from
      seen.push(interval.status)
      observedMs += overlap
      if (DOWN.has(interval.status)) downtimeMs += overlap
    }
    observed += observedMs
    down += downtimeMs
    return { ...day, state: worstStatus(seen) ?? 'no_data', observedMs, downtimeMs }
  })
  const windowStart = days[0]?.start.getTime() ?? options.now.getTime()
  return {
    days,
    uptimePercent: observed >= MIN_OBSERVED_MS ? ((observed - down) / observed) * 100 : null,
    observedSince: observedSince === null ? null : new Date(observedSince),
    coversWindow: observedSince !== null && observedSince <= windowStart,
  }
}
