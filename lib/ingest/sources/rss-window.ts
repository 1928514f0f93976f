// The window of a scheduled maintenance in a Statuspage-style feed entry (issue 14 #4). The
// entry's own dates and its first update are the announcement, up to days before the work; the
// window is written in the body, two ways:
//  - a header Statuspage puts above the updates while the maintenance is upcoming:
//      <p><strong>THIS IS A SCHEDULED EVENT Feb 28, 17:00 UTC &nbsp;-&nbsp; Mar 1, 02:00 UTC</strong></p>
//  - the vendor's own sentence in an update: "from May 29, 2025 21:30 UTC to May 31, 2025 4:30 UTC",
//    "from 16:30 UTC on Wednesday, May 28 to 16:30 UTC on Thursday, May 29",
//    "from 17:00 UTC Friday February 28 to 02:00 UTC Saturday March 1".
// Stamps rarely carry a year; it comes from the entry's own dates (never the current date): the
// year that puts the stamp closest to them, and an end before its start moves on a year
// (a Dec 31 -> Jan 1 window). All scans are bounded slices and word splits: linear on any body.
import { stripTags } from './rss-updates'
import { zoneOffsetMinutes } from './rss-zones'

export interface Window {
  start: Date
  end: Date | null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAYS = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/
const FILLER = new Set(['on', 'at', 'the', 'of', 'starting', 'beginning'])
const HEADER = 'THIS IS A SCHEDULED EVENT'
/** Looking this far past "from" is enough for any date phrase; it bounds the work per match. */
const PHRASE_CHARS = 80
const MAX_FROM_SCANS = 20

interface Parts {
  month?: number
  day?: number
  year?: number
  minutes?: number
  offset?: number
}

function monthOf(word: string): number | undefined {
  const stem = word.replace(/\.$/, '')
  if (stem.length < 3) return undefined
  const i = MONTHS.indexOf(stem.slice(0, 3))
  // "may", "march", "sept": a prefix of the month's full English name.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]
  return i >= 0 && full?.startsWith(stem === 'sept' ? 'sep' : stem) ? i : undefined
}

/**
 * Reads "May 29, 2025 21:30 UTC", "16:30 UTC on Wednesday, May 28", "2:00 PM PDT Friday March 1"
 * word by word, stopping at the first word that is none of month, day, year, time, zone, weekday
 * or filler once something has been read.
 */
function readParts(text: string): Parts {
  const parts: Parts = {}
  const words = text.slice(0, PHRASE_CHARS).toLowerCase().split(/[\s,]+/).filter((w) => w !== '')
  let begun = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    const time = /^(\d{1,2}):(\d{2})(am|pm)?$/.exec(word)
    const month = monthOf(word)
    const number = /^(\d{1,4})(st|nd|rd|th)?$/.exec(word)
    const zone = /^[a-z]{1,5}$/.test(word) ? zoneOffsetMinutes(word) : undefined
    if (time && parts.minutes === undefined) {
      let hour = Number(time[1])
      const ampm = time[3] ?? (/^(am|pm)$/.test(words[i + 1] ?? '') ? words[++i] : undefined)
      if (ampm) hour = (hour % 12) + (ampm === 'pm' ? 12 : 0)
      if (hour > 23 || Number(time[2]) > 59) return parts
      parts.minutes = hour * 60 + Number(time[2])
    } else if (month !== undefined && parts.month === undefined) {
      parts.month = month
    } else if (number && number[1]?.length === 4 && parts.year === undefined) {
      parts.year = Number(number[1])
    } else if (number && Number(number[1]) >= 1 && Number(number[1]) <= 31 && parts.day === undefined && parts.month !== undefined) {
      parts.day = Number(number[1])
    } else if (zone !== undefined && parts.offset === undefined) {
      parts.offset = zone
    } else if (WEEKDAYS.test(word) || FILLER.has(word)) {
      // carries no information we need
    } else if (begun) {
      break
    } else {
      return parts
    }
    begun = true
  }
  return parts
}

/** The instant of `parts`, the year taken from `parts`, else the one nearest `near`. */
function place(parts: Parts, near: Date): Date | null {
  const { month, day, minutes, offset } = parts
  if (month === undefined || day === undefined || minutes === undefined || offset === undefined) return null
  const at = (year: number) => new Date(Date.UTC(year, month, day, 0, minutes - offset))
  if (parts.year !== undefined) return at(parts.year)
  const y = near.getUTCFullYear()
  const candidates = [at(y - 1), at(y), at(y + 1)]
  return candidates.reduce((best, c) => (Math.abs(c.getTime() - near.getTime()) < Math.abs(best.getTime() - near.getTime()) ? c : best))
}

/** start/end of two phrases; an end that names only a time takes the start's date and zone. */
function windowOf(left: string, right: string, reference: Date): Window | null {
  const startParts = readParts(left)
  const start = place(startParts, reference)
  if (!start) return null
  const endParts = readParts(right)
  let end: Date | null
  if (endParts.month === undefined && endParts.minutes !== undefined) {
    // "from May 29 21:30 UTC to 23:30 UTC": same day, or the next when it wraps midnight.
    end = place({ ...startParts, ...endParts, month: startParts.month, day: startParts.day, year: startParts.year, offset: endParts.offset ?? startParts.offset }, start)
    if (end && end < start) end = new Date(end.getTime() + 86_400_000)
  } else {
    end = place(endParts, start)
    if (end && end < start && endParts.year === undefined) end = new Date(Date.UTC(end.getUTCFullYear() + 1, end.getUTCMonth(), end.getUTCDate(), end.getUTCHours(), end.getUTCMinutes()))
  }
  // A window that ends before it starts is not a window we can trust: keep the start only.
  return { start, end: end && end >= start ? end : null }
}

function plain(html: string): string {
  return stripTags(html.replace(/&nbsp;|\u00a0/gi, ' ')).replace(/\s+/g, ' ')
}

/** The "THIS IS A SCHEDULED EVENT <start> - <end>" header above an entry's first update. */
export function readScheduledHeader(content: string, reference: Date): Window | null {
  const firstUpdate = content.indexOf('<small>')
  const head = plain(content.slice(0, Math.min(firstUpdate < 0 ? content.length : firstUpdate, 1000)))
  const at = head.toUpperCase().indexOf(HEADER)
  if (at < 0) return null
  const rest = head.slice(at + HEADER.length, at + HEADER.length + 2 * PHRASE_CHARS)
  const dash = rest.search(/ [-\u2013\u2014] /)
  return dash < 0 ? windowOf(rest, '', reference) : windowOf(rest.slice(0, dash), rest.slice(dash + 3), reference)
}

/** A "from <when> to|until|through|- <when>" sentence in an update body. */
export function readWindowPhrase(body: string, reference: Date): Window | null {
  const text = plain(body.slice(0, 4000))
  const lower = text.toLowerCase()
  let from = lower.indexOf('from ')
  for (let n = 0; from >= 0 && n < MAX_FROM_SCANS; n++, from = lower.indexOf('from ', from + 5)) {
    const segment = lower.slice(from + 5, from + 5 + 2 * PHRASE_CHARS)
    const sep = / (to|until|through|till|-|\u2013) /.exec(segment.slice(0, PHRASE_CHARS))
    if (!sep) continue
    const left = text.slice(from + 5, from + 5 + sep.index)
    const afterStart = from + 5 + sep.index + sep[0].length
    // The end phrase stops at the sentence's end: "... Thursday, May 29. Maintenance will ...".
    const tail = text.slice(afterStart, afterStart + PHRASE_CHARS)
    const stop = tail.search(/\.(\s|$)/)
    const window = windowOf(left, stop < 0 ? tail : tail.slice(0, stop), reference)
    if (window) return window
  }
  return null
}
