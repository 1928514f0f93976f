// Calendar days in a time zone, as instants: the grid the timelines are drawn on. A day is
// [start, end) in UTC instants; in zones with daylight saving a day can last 23 or 25 hours.
export interface DayWindow {
  /** YYYY-MM-DD in the time zone. */
  date: string
  start: Date
  end: Date
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    partsFormatters.set(timeZone, f)
  }
  return f
}

/** Wall-clock fields of an instant in a zone (one Intl call; none for UTC, the common case). */
function wallClock(instant: Date, timeZone: string) {
  if (timeZone === 'UTC') {
    return {
      year: instant.getUTCFullYear(),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
      hour: instant.getUTCHours(),
      minute: instant.getUTCMinutes(),
      second: instant.getUTCSeconds(),
    }
  }
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value)
  return { year: fields.year ?? 0, month: fields.month ?? 1, day: fields.day ?? 1, hour: fields.hour ?? 0, minute: fields.minute ?? 0, second: fields.second ?? 0 }
}

/** Offset of the zone from UTC at an instant, in ms (UTC+02:00 -> 7,200,000). */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** The instant of local midnight starting the given calendar day. */
function midnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day)
  if (timeZone === 'UTC') return new Date(guess)
  // Two passes settle the offset even when midnight is near a daylight-saving switch.
  let instant = guess - offsetMs(new Date(guess), timeZone)
  instant = guess - offsetMs(new Date(instant), timeZone)
  return new Date(instant)
}

export function dayKey(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone)
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

// The grid depends only on the zone and today's date, and a page draws dozens of bars on it:
// computed once per (count, zone, day) and shared. Small, so it never grows past a few entries.
const grids = new Map<string, DayWindow[]>()
const MAX_GRIDS = 32

/** The last `count` days up to and including the day of `now`, oldest first. Treat as read-only. */
export function lastDays(count: number, now: Date, timeZone: string): DayWindow[] {
  const key = `${count}|${timeZone}|${dayKey(now, timeZone)}`
  const cached = grids.get(key)
  if (cached) return cached
  const grid = buildDays(count, now, timeZone)
  if (grids.size >= MAX_GRIDS) grids.delete(grids.keys().next().value as string)
  grids.set(key, grid)
  return grid
}

function buildDays(count: number, now: Date, timeZone: string): DayWindow[] {
  const today = wallClock(now, timeZone)
  const days: DayWindow[] = []
  for (let i = count - 1; i >= 0; i--) {
    // Date.UTC normalises day underflow (e.g. day 0 -> last day of the previous month).
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day - i))
    const next = new Date(Date.UTC(today.year, today.month - 1, today.day - i + 1))
    days.push({
      date: d.toISOString().slice(0, 10),
      start: midnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone),
      end: midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
    })
  }
  return days
}
