// An iCalendar (RFC 5545) feed of one vendor's scheduled maintenance, for calendar subscriptions.
// Written by hand: the format is small, but its rules matter (CRLF line ends, 75-octet folding,
// escaped text, UTC times), and calendar apps reject files that break them.
export interface IcalMaintenance {
  id: string
  title: string
  status: string
  start: Date
  end: Date | null
  description: string | null
  url: string
  updatedAt: Date
}

export interface IcalFeed {
  name: string
  /** Stable domain for UIDs, e.g. vendorwatch.example. */
  host: string
  maintenances: IcalMaintenance[]
  now: Date
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** TEXT escaping: backslash, semicolon, comma and newlines. */
export function icalText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n')
}

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch)
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const STATUS: Record<string, string> = { cancelled: 'CANCELLED', completed: 'CONFIRMED', in_progress: 'CONFIRMED', verifying: 'CONFIRMED', scheduled: 'CONFIRMED' }

export function renderIcal(feed: IcalFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vendorwatch//Maintenance feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(feed.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ]
  for (const m of feed.maintenances) {
    // A window without an end gets one hour: calendars need an end, and one hour is the common case.
    const end = m.end && m.end > m.start ? m.end : new Date(m.start.getTime() + 3_600_000)
    lines.push(
      'BEGIN:VEVENT',
      `UID:maintenance-${m.id}@${feed.host}`,
      `DTSTAMP:${stamp(feed.now)}`,
      `LAST-MODIFIED:${stamp(m.updatedAt)}`,
      `DTSTART:${stamp(m.start)}`,
      `DTEND:${stamp(end)}`,
      `SUMMARY:${icalText(m.title)}`,
      ...(m.description ? [`DESCRIPTION:${icalText(m.description)}`] : []),
      `URL:${m.url}`,
      `STATUS:${STATUS[m.status] ?? 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
