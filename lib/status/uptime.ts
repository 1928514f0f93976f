// 90-day uptime of a component from its recorded status changes. Down time is time in a partial
// or major outage; degraded performance and maintenance count as up; time in `unknown` (or before
// we first saw the component) is not observed at all, so it neither helps nor hurts the figure.
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
  /** Over every observed moment of the window; null when nothing was observed. */
  uptimePercent: number | null
}

const DOWN: ReadonlySet<ServiceStatus> = new Set(['partial_outage', 'major_outage'])

export function componentUptime(changes: StatusChange[], options: { days: number; now: Date; timeZone: string }): ComponentUptime {
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
  // Each change holds until the next one; the last one holds until now.
  const intervals = sorted.map((c, i) => ({ status: c.toStatus, from: c.changedAt.getTime(), to: (sorted[i + 1]?.changedAt ?? options.now).getTime() }))
  let observed = 0
  let down = 0
  const days = lastDays(options.days, options.now, options.timeZone).map((day): UptimeDay => {
    const start = day.start.getTime()
    const end = Math.min(day.end.getTime(), options.now.getTime())
    const seen: ServiceStatus[] = []
    let observedMs = 0
    let downtimeMs = 0
    for (const interval of intervals) {
      const overlap = Math.min(end, interval.to) - Math.max(start, interval.from)
      if (overlap <= 0 || interval.status === 'unknown') continue
      seen.push(interval.status)
      observedMs += overlap
      if (DOWN.has(interval.status)) downtimeMs += overlap
    }
    observed += observedMs
    down += downtimeMs
    return { ...day, state: worstStatus(seen) ?? 'no_data', observedMs, downtimeMs }
  })
  return { days, uptimePercent: observed > 0 ? ((observed - down) / observed) * 100 : null }
}
