// Heroku's scheduled items have no window fields: the window is only in the words, e.g.
//   title:    "Data Service Update on Monday, November 9 at 19:00 UTC (14:00 EST)"
//   contents: "On Monday, November 9, 2020, at 19:00 UTC (14:00 EST), and continuing until 19:30 UTC"
// We read only the UTC forms (never the local-zone copy in brackets). Text we cannot read gives
// null and the caller falls back to update times.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const START = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}),?)? (?:at )?(\d{1,2}):(\d{2}) ?UTC\b/i
const UNTIL = /\buntil (?:approximately )?(\d{1,2}):(\d{2}) ?UTC\b/i

export interface ScheduleWindow {
  start: Date
  end: Date | null
}

/**
 * The first "Month D[, YYYY] at HH:MM UTC" in the texts, and an "until HH:MM UTC" (same day, or
 * the next when earlier than the start). Without a year, the year of `postedAt` is used,
 * moved on by one when that would put the start more than a day before the post.
 */
export function readWindow(texts: string[], postedAt: Date): ScheduleWindow | null {
  for (const raw of texts) {
    const text = raw.slice(0, 4000)
    const m = START.exec(text)
    if (!m) continue
    const [, mon = '', day, year, hh, mm] = m
    const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase())
    if (month < 0 || Number(hh) > 23 || Number(mm) > 59) continue
    const at = (y: number) => new Date(Date.UTC(y, month, Number(day), Number(hh), Number(mm)))
    let start = at(year ? Number(year) : postedAt.getUTCFullYear())
    if (!year && start.getTime() < postedAt.getTime() - 86_400_000) start = at(postedAt.getUTCFullYear() + 1)
    // "until" after the start in the same text, else anywhere (the title often has no end).
    const u = [text.slice(m.index + m[0].length), ...texts.map((t) => t.slice(0, 4000))].map((t) => UNTIL.exec(t)).find((x) => x !== null)
    let end: Date | null = null
    if (u && Number(u[1]) <= 23 && Number(u[2]) <= 59) {
      end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), Number(u[1]), Number(u[2])))
      if (end.getTime() <= start.getTime()) end = new Date(end.getTime() + 86_400_000)
    }
    return { start, end }
  }
  return null
}
