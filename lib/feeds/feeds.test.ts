import { describe, expect, it } from 'vitest'
import { renderAtom } from './atom'
import { foldLine, icalText, renderIcal } from './ical'

describe('renderAtom', () => {
  const feed = renderAtom({
    id: 'https://vw.example/vendors/acme',
    title: 'Acme incidents',
    selfUrl: 'https://vw.example/vendors/acme/feed.atom',
    pageUrl: 'https://vw.example/vendors/acme',
    updatedAt: new Date('2026-11-24T12:00:00Z'),
    incidents: [
      {
        id: 'i1',
        title: 'Errors & <timeouts>',
        status: 'resolved',
        impact: 'major',
        startedAt: new Date('2026-11-24T10:00:00Z'),
        url: 'https://vw.example/vendors/acme/incidents/i1',
        postmortemBody: null,
        updates: [
          { status: 'investigating', body: 'Looking <script>alert(1)</script>into it', publishedAt: new Date('2026-11-24T10:00:00Z') },
          { status: 'resolved', body: 'Fixed.', publishedAt: new Date('2026-11-24T11:00:00Z') },
        ],
      },
    ],
  })

  it('is an Atom document with escaped titles and the newest update as the entry time', () => {
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
    expect(feed).toContain('<title>Errors &amp; &lt;timeouts&gt;</title>')
    expect(feed).toContain('<updated>2026-11-24T11:00:00.000Z</updated>')
    expect(feed).toContain('<published>2026-11-24T10:00:00.000Z</published>')
  })

  it('carries sanitised update HTML, escaped inside the XML', () => {
    expect(feed).not.toContain('<script>')
    expect(feed).not.toContain('&lt;script')
    expect(feed).toContain('Looking into it')
  })
})

describe('iCalendar', () => {
  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(icalText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`)
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`)
  })

  it('writes one VEVENT per maintenance with UTC times and CRLF line ends', () => {
    const ics = renderIcal({
      name: 'Acme maintenance',
      host: 'vw.example',
      now: new Date('2026-11-24T12:00:00Z'),
      maintenances: [
        { id: 'm1', title: 'DB upgrade, part 1', status: 'scheduled', start: new Date('2026-11-25T14:00:00Z'), end: null, description: 'Short\nwindow', url: 'https://vw.example/vendors/acme', updatedAt: new Date('2026-11-24T11:00:00Z') },
        { id: 'm2', title: 'Old', status: 'cancelled', start: new Date('2026-11-20T14:00:00Z'), end: new Date('2026-11-20T15:00:00Z'), description: null, url: 'https://vw.example/vendors/acme', updatedAt: new Date('2026-11-20T11:00:00Z') },
      ],
    })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.split('BEGIN:VEVENT')).toHaveLength(3)
    expect(ics).toContain('UID:maintenance-m1@vw.example')
    expect(ics).toContain('DTSTART:20261125T140000Z\r\nDTEND:20261125T150000Z')
    expect(ics).toContain('SUMMARY:DB upgrade\\, part 1')
    expect(ics).toContain('DESCRIPTION:Short\\nwindow')
    expect(ics).toContain('STATUS:CANCELLED')
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
  })
})
