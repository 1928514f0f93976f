// Issue 14 #4: a scheduled maintenance in a feed is dated by its window, not its announcement.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { contextAt, iso, maintenance, readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { rssSource } from './rss'
import { readScheduledHeader, readWindowPhrase } from './rss-window'
import type { ParseContext } from './types'

const fixture = (path: string) => readFixture(`rss-atom/${path}`)
const ctxAt = (now: string): ParseContext => contextAt(now, { apiUrl: null, statusPageUrl: 'https://status.example.com', settings: {} })

function parse(feed: string, now: string): StatusSnapshot {
  return snapshotOf(rssSource.parse({ feed }, ctxAt(now)))
}
const window = (w: { start: Date; end: Date | null } | null) => (w ? [iso(w.start), iso(w.end)] : null)

/** One Atom entry; `content` is HTML, escaped here as Statuspage escapes it. */
const esc = (html: string) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const atomEntry = (id: string, published: string, updated: string, title: string, html: string) =>
  `<entry><id>${id}</id><published>${published}</published><updated>${updated}</updated><title>${title}</title><content type="html">${esc(html)}</content></entry>`
const feedOf = (...entries: string[]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>${entries.join('')}</feed>`

describe('feed maintenance windows on recorded GitHub history.atom', () => {
  afterEach(() => vi.useRealTimers())

  it('an upcoming maintenance is dated by its THIS IS A SCHEDULED EVENT header, not its announcement', () => {
    // Announced Feb 27 21:09 UTC for Feb 28 17:00 -> Mar 1 02:00 UTC; the page read the evening before.
    const s = parse(fixture('github-history-scheduled-event-feb28-to-mar1.atom'), '2025-02-27T22:00:00Z')
    const m = maintenance(s, 'tag:www.githubstatus.com,2005:Incident/24179186')
    expect(m.status).toBe('scheduled')
    expect(iso(m.scheduledFor)).toBe('2025-02-28T17:00:00.000Z')
    expect(iso(m.scheduledUntil)).toBe('2025-03-01T02:00:00.000Z')
    expect(m.startedAt).toBeNull()
    expect(s.status).toBe('operational') // upcoming, not running
  })

  it('the year comes from the entry, not from today', () => {
    vi.useFakeTimers({ now: new Date('2031-07-01T00:00:00Z'), toFake: ['Date'] })
    const s = parse(fixture('github-history-scheduled-event-feb28-to-mar1.atom'), '2025-02-27T22:00:00Z')
    expect(iso(maintenance(s, 'tag:www.githubstatus.com,2005:Incident/24179186').scheduledFor)).toBe('2025-02-28T17:00:00.000Z')
  })

  it('reads "from 16:30 UTC on Wednesday, May 28 to 16:30 UTC on Thursday, May 29"', () => {
    const s = parse(fixture('github-history-maintenance-in-progress.atom'), '2025-05-30T00:00:00Z')
    const done = maintenance(s, 'tag:www.githubstatus.com,2005:Incident/25233647')
    expect(done.status).toBe('completed')
    expect(iso(done.scheduledFor)).toBe('2025-05-28T16:30:00.000Z')
    expect(iso(done.scheduledUntil)).toBe('2025-05-29T16:30:00.000Z')
    // The running one states its window with years: "from May 29, 2025 21:30 UTC to May 31, 2025 4:30 UTC".
    const running = maintenance(s, 'tag:www.githubstatus.com,2005:Incident/25303483')
    expect(running.status).toBe('in_progress')
    expect([iso(running.scheduledFor), iso(running.scheduledUntil)]).toEqual(['2025-05-29T21:30:00.000Z', '2025-05-31T04:30:00.000Z'])
    expect(s.status).toBe('maintenance')
  })
})

describe('feed maintenance on the recorded LambStatus demo RSS', () => {
  it('a maintenance whose feed states no window keeps its Scheduled stamp, with no invented end', () => {
    // LambStatus writes neither a header nor a window sentence; its pubDate is a demo artefact
    // (the demo shifts maintenances to "tomorrow"), so the Scheduled update's own stamp, with its
    // own year, is the only date the feed gives.
    const s = parse(fixture('lambstatus-demo-e836a54.rss'), '2017-05-13T08:14:01Z')
    const m = maintenance(s, 'https://lambstatus.github.io/demo-status/maintenances/7pEQuSc083Rv')
    expect([m.status, iso(m.scheduledFor), m.scheduledUntil]).toEqual(['scheduled', '2017-05-13T06:45:00.000Z', null])
    expect(s.incidents.map((i) => [i.title, i.status])).toEqual([
      ['DNS resolution issues', 'monitoring'],
      ['Delayed webhook deliveries', 'resolved'],
    ])
  })
})

describe('feed maintenance windows (synthetic)', () => {
  const ref = new Date('2024-12-20T09:00:00Z')

  it('a header window across New Year takes the next year for its end', () => {
    const html = "<p><strong>THIS IS A SCHEDULED EVENT Dec <var data-var='date'>31</var>, 22:00 UTC &nbsp;-&nbsp; Jan <var data-var='date'>1</var>, 02:00 UTC</strong></p><p><small>Dec 20, 09:00 UTC</small><br><strong>Scheduled</strong> - x</p>"
    expect(window(readScheduledHeader(html, ref))).toEqual(['2024-12-31T22:00:00.000Z', '2025-01-01T02:00:00.000Z'])
  })

  it('a header window is placed in the year nearest the entry, even an entry of another year', () => {
    const html = '<p><strong>THIS IS A SCHEDULED EVENT Jan 3, 01:00 UTC - Jan 3, 03:00 UTC</strong></p>'
    expect(window(readScheduledHeader(html, ref))).toEqual(['2025-01-03T01:00:00.000Z', '2025-01-03T03:00:00.000Z'])
    expect(window(readScheduledHeader(html, new Date('2019-01-01T00:00:00Z')))).toEqual(['2019-01-03T01:00:00.000Z', '2019-01-03T03:00:00.000Z'])
  })

  it('reads the sentence forms vendors write', () => {
    expect(window(readWindowPhrase('maintenance from 17:00 UTC Friday February 28 to 02:00 UTC Saturday March 1. Maintenance will begin', new Date('2025-02-27T21:09:00Z')))).toEqual([
      '2025-02-28T17:00:00.000Z',
      '2025-03-01T02:00:00.000Z',
    ])
    expect(window(readWindowPhrase('We will be down from 10:00 PM IST on Friday, March 7 until 2:00 AM IST on Saturday, March 8.', new Date('2025-03-01T00:00:00Z')))).toEqual([
      '2025-03-07T16:30:00.000Z',
      '2025-03-07T20:30:00.000Z',
    ])
    expect(window(readWindowPhrase('from Jun 3, 2025 21:00 UTC to 23:30 UTC', ref))).toEqual(['2025-06-03T21:00:00.000Z', '2025-06-03T23:30:00.000Z'])
    // Text that names no placeable time is no window.
    expect(readWindowPhrase('Traffic moved from May to June as planned.', ref)).toBeNull()
    expect(readWindowPhrase('from 10:00 XYZ on May 28 to 11:00 XYZ on May 28', ref)).toBeNull()
  })

  it('an entry announced 8 days early is dated by its header and does not run early', () => {
    const header = '<p><strong>THIS IS A SCHEDULED EVENT Mar 9, 06:00 UTC - Mar 9, 08:00 UTC</strong></p>'
    const html = `${header}<p><small>Mar 1, 10:00 UTC</small><br><strong>Scheduled</strong> - Database upgrade.</p>`
    const s = parse(feedOf(atomEntry('m1', '2026-03-09T06:00:00Z', '2026-03-01T10:00:00Z', 'Database upgrade', html)), '2026-03-01T11:00:00Z')
    const m = maintenance(s, 'm1')
    expect([iso(m.scheduledFor), iso(m.scheduledUntil), m.status]).toEqual(['2026-03-09T06:00:00.000Z', '2026-03-09T08:00:00.000Z', 'scheduled'])
    expect(s.status).toBe('operational')
  })

  it('a rescheduled maintenance takes the window of its newest update', () => {
    const html =
      '<p><small>Mar 2, 10:00 UTC</small><br><strong>Scheduled</strong> - Moved: now from Mar 12, 2026 06:00 UTC to Mar 12, 2026 08:00 UTC.</p>' +
      '<p><small>Mar 1, 10:00 UTC</small><br><strong>Scheduled</strong> - Planned from Mar 9, 2026 06:00 UTC to Mar 9, 2026 08:00 UTC.</p>'
    const s = parse(feedOf(atomEntry('m2', '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', 'Upgrade', html)), '2026-03-02T11:00:00Z')
    expect(iso(maintenance(s, 'm2').scheduledFor)).toBe('2026-03-12T06:00:00.000Z')
  })
})
