// Splits the HTML body of a Statuspage-style feed entry into its status updates (docs/status-page-formats.md §2.4):
//   <p><small>Aug <var data-var='date'>21</var>, <var data-var='time'>00:37</var> UTC</small><br>
//   <strong>Resolved</strong> - text</p>  ... newest first.
// The stamps carry no year; it comes from the entry's own <updated>/<published>. Scans are
// indexOf-based and the only regex runs on a short, tag-free stamp, so hostile bodies stay linear.

import { zoneOffsetMinutes } from './rss-zones'

export interface FeedUpdate {
  /** The <strong> label as written ("Resolved", "In progress", "Update", ...). */
  label: string
  /** UTC instant of the stamp, or null when it has no readable date or an unknown time zone. */
  at: Date | null
  /** The stamp as written (tags stripped), kept so an unplaceable one can be reported. */
  stamp: string
  /** Raw HTML after "Label - ", trimmed. */
  body: string
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Statuspage stamps: "Aug 21, 00:37 UTC", "Jun  4, 15:55 UTC", or with a year "Dec 31, 2024 - 11:05 PM PST". */
const STAMP = /^([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?,?\s*-?\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])?\s*([A-Za-z]{1,5})?/

/** Removes tags (without adding space: `<var>21</var>,` stays `21,`) and collapses whitespace; linear. */
export function stripTags(html: string): string {
  let out = ''
  let i = 0
  for (;;) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    out += html.slice(i, lt)
    const gt = html.indexOf('>', lt)
    if (gt < 0) return out.replace(/\s+/g, ' ').trim()
    i = gt + 1
  }
  return (out + html.slice(i)).replace(/\s+/g, ' ').trim()
}

/**
 * Reads a stamp relative to `reference` (the entry's updated/published time). A stamp without a
 * year gets the reference's year, or the year before when that would put it more than two days
 * after the reference (an entry updated on Jan 2 with a "Dec 31" update).
 */
export function parseStamp(stamp: string, reference: Date | null): Date | null {
  const m = STAMP.exec(stamp.slice(0, 100))
  if (!m) return null
  const [, mon = '', day, year, hh, mm, ampm, zone] = m
  const month = MONTHS.indexOf(mon.toLowerCase())
  // A missing or unknown zone is not guessed as UTC: the stamp stays unplaced (issue 14 #5).
  const offset = zoneOffsetMinutes(zone ?? '')
  if (month < 0 || offset === undefined) return null
  let hour = Number(hh) % (ampm ? 12 : 24)
  if (ampm && ampm.toLowerCase() === 'pm') hour += 12
  const at = (y: number) => new Date(Date.UTC(y, month, Number(day), hour, Number(mm)) - offset * 60_000)
  if (year) return at(Number(year))
  if (!reference) return null
  const guess = at(reference.getUTCFullYear())
  return guess.getTime() > reference.getTime() + 2 * 86_400_000 ? at(reference.getUTCFullYear() - 1) : guess
}

/** Drops a leading " - " and the paragraph tags that wrap one update and open the next. */
function cleanBody(html: string): string {
  let body = html.trim()
  for (const dash of ['-', '\u2013', '\u2014']) if (body.startsWith(dash)) body = body.slice(dash.length).trim()
  // Once each: the next update's "<p>", then this update's "</p>"; a body's own paragraphs stay.
  if (body.slice(-3).toLowerCase() === '<p>') body = body.slice(0, -3).trimEnd()
  if (body.slice(-4).toLowerCase() === '</p>') body = body.slice(0, -4).trimEnd()
  return body
}

/** The updates found in an entry body, in document order (Statuspage writes newest first). */
export function splitStatusUpdates(html: string, reference: Date | null): FeedUpdate[] {
  const starts: number[] = []
  for (let i = html.indexOf('<small>'); i >= 0; i = html.indexOf('<small>', i + 7)) starts.push(i)
  const updates: FeedUpdate[] = []
  starts.forEach((start, n) => {
    // Work inside this update's own segment so a missing </small> never rescans the rest.
    const segment = html.slice(start, starts[n + 1] ?? html.length)
    const smallEnd = segment.indexOf('</small>')
    if (smallEnd < 0) return
    const stamp = stripTags(segment.slice(7, smallEnd))
    const at = parseStamp(stamp, reference)
    let rest = segment.slice(smallEnd + 8).trimStart()
    if (/^<br\s*\/?>/i.test(rest.slice(0, 8))) rest = rest.slice(rest.indexOf('>') + 1).trimStart()
    let label = ''
    if (rest.startsWith('<strong>')) {
      const close = rest.indexOf('</strong>')
      if (close > 0) {
        label = stripTags(rest.slice(8, close))
        rest = rest.slice(close + 9)
      }
    }
    updates.push({ label, at, stamp, body: cleanBody(rest) })
  })
  return updates
}
