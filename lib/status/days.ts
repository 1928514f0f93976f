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

/** Wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const get = (type: string) => Number(formatterFor(timeZone).formatToParts(instant).find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
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
  // Two passes settle the offset even when midnight is near a daylight-saving switch.
  let instant = guess - offsetMs(new Date(guess), timeZone)
  instant = guess - offsetMs(new Date(instant), timeZone)
  return new Date(instant)
}

export function dayKey(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone)
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

/** The last `count` days up to and including the day of `now`, oldest first. */
export function lastDays(count: number, now: Date, timeZone: string): DayWindow[] {
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
