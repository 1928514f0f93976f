// Issue 14 #5: feed drift must never turn an open incident into a resolved one.
import { describe, expect, it } from 'vitest'
import { contextAt, iso, readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { azureSource } from './azure'
import { readSnapshot } from './read-snapshot'
import { rssSource } from './rss'
import { parseStamp } from './rss-updates'
import type { ParseContext, StatusSource } from './types'

const ctxAt = (now: string): ParseContext => contextAt(now, { apiUrl: null, statusPageUrl: 'https://status.example.com', settings: {} })

function read(source: StatusSource, feed: string, now: string): StatusSnapshot {
  return snapshotOf(readSnapshot(source, { feed }, ctxAt(now)))
}
const p = (stamp: string, label: string, body: string) => `&lt;p&gt;&lt;small&gt;${stamp}&lt;/small&gt;&lt;br&gt;&lt;strong&gt;${label}&lt;/strong&gt; - ${body}&lt;/p&gt;`
const entry = (id: string, title: string, updated: string, paragraphs: string[]) =>
  `<entry><id>${id}</id><published>${updated}</published><updated>${updated}</updated><title>${title}</title><content type="html">${paragraphs.join('')}</content></entry>`
const feedOf = (...entries: string[]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>${entries.join('')}</feed>`

describe('an unknown newest label never keeps a resolved phase', () => {
  it('a re-opened incident (Resolved, then "Reopened") is open, and the operator is told', () => {
    const feed = feedOf(
      entry('r', 'API errors', '2026-08-20T12:00:00Z', [
        p('Aug 20, 12:00 UTC', 'Reopened', 'Errors are back.'),
        p('Aug 20, 11:00 UTC', 'Resolved', 'Fixed.'),
        p('Aug 20, 10:00 UTC', 'Investigating', 'Looking.'),
      ]),
    )
    const s = read(rssSource, feed, '2026-08-20T12:30:00Z')
    const i = s.incidents[0]
    expect(i?.status).toBe('unknown')
    expect(i?.resolvedAt).toBeNull()
    expect(i?.updates.map((u) => u.status)).toEqual(['investigating', 'resolved', 'unknown'])
    expect(s.status).not.toBe('operational')
    expect(s.readWarnings).toContainEqual({ kind: 'feed update label unknown', count: 1, example: 'reopened' })
  })

  it('"Update" after an unknown label stays unknown instead of reviving the phase before it', () => {
    const feed = feedOf(
      entry('u', 'API errors', '2026-08-20T13:00:00Z', [
        p('Aug 20, 13:00 UTC', 'Update', 'Still looking.'),
        p('Aug 20, 12:00 UTC', 'Escalated', 'Errors are back.'),
        p('Aug 20, 11:00 UTC', 'Resolved', 'Fixed.'),
      ]),
    )
    const i = read(rssSource, feed, '2026-08-20T13:30:00Z').incidents[0]
    expect(i?.updates.map((u) => u.status)).toEqual(['resolved', 'unknown', 'unknown'])
    expect(i?.status).toBe('unknown')
  })

  it('a known label after an unknown one decides again (recorded history: no warnings on real labels)', () => {
    const s = read(rssSource, fixture('rss-atom/github-history.atom'), '2026-08-22T04:00:00Z')
    expect(s.incidents.every((i) => i.status === 'resolved')).toBe(true)
    expect(s.readWarnings ?? []).toEqual([])
  })
})

describe('title words never resolve an incident', () => {
  it('an active Azure item whose title contains "Completed" and "resolved" stays open', () => {
    const xml = fixture('azure/synthetic-one-item.xml').replace(
      'Active - Azure Front Door &amp; CDN - Connectivity issues in multiple regions',
      'Active - Azure Front Door - Failover Completed in West Europe, issues not yet resolved in East US',
    )
    const s = read(azureSource, xml, '2026-03-01T13:10:00Z')
    expect(s.incidents[0]?.status).toBe('investigating')
    expect(s.incidents[0]?.resolvedAt).toBeNull()
    expect(s.status).toBe('degraded')
  })

  it('a generic item whose title merely mentions "resolved" keeps the feed default; a leading label still decides', () => {
    const rss = (title: string) =>
      `<rss version="2.0"><channel><title>C</title><item><guid>g1</guid><title>${title}</title><description>Text.</description><pubDate>Tue, 10 Mar 2026 08:15:00 GMT</pubDate></item></channel></rss>`
    expect(read(rssSource, rss('Errors resolved for most users, some still affected'), '2026-03-10T09:00:00Z').incidents[0]?.status).toBe('unknown')
    expect(read(rssSource, rss('[Resolved] Delayed email'), '2026-03-10T09:00:00Z').incidents[0]?.status).toBe('resolved')
  })
})

describe('time-zone abbreviations', () => {
  const ref = new Date('2026-03-10T00:00:00Z')
  it.each([
    ['Mar 3, 09:15 IST', '2026-03-03T03:45:00.000Z'], // India (+05:30), the documented choice for IST
    ['Mar 3, 09:15 AEST', '2026-03-02T23:15:00.000Z'],
    ['Mar 3, 09:15 AEDT', '2026-03-02T22:15:00.000Z'],
    ['Mar 3, 09:15 JST', '2026-03-03T00:15:00.000Z'],
    ['Mar 3, 09:15 PM NZDT', '2026-03-03T08:15:00.000Z'],
    ['Mar 3, 09:15 SGT', '2026-03-03T01:15:00.000Z'],
    ['Mar 3, 09:15 EEST', '2026-03-03T06:15:00.000Z'],
    ['Mar 3, 09:15 ACST', '2026-03-02T23:45:00.000Z'],
  ])('%s', (stamp, expected) => {
    expect(iso(parseStamp(stamp, ref))).toBe(expected)
  })

  it('updates in IST keep their own times instead of collapsing onto the entry time', () => {
    const feed = feedOf(
      entry('in', 'Payments slow', '2026-03-03T05:00:00Z', [
        p('Mar 3, 10:30 IST', 'Resolved', 'Fixed.'),
        p('Mar 3, 09:15 IST', 'Investigating', 'Looking.'),
      ]),
    )
    const i = read(rssSource, feed, '2026-03-03T06:00:00Z').incidents[0]
    expect(i?.updates.map((u) => iso(u.publishedAt))).toEqual(['2026-03-03T03:45:00.000Z', '2026-03-03T05:00:00.000Z'])
    expect(iso(i?.startedAt)).toBe('2026-03-03T03:45:00.000Z')
    expect(i?.updates.some((u) => u.timeUnknown)).toBe(false)
  })

  it('a stamp that cannot be placed is flagged and counted, never silently put at the entry time', () => {
    const feed = feedOf(
      entry('x', 'Slow', '2026-03-03T05:00:00Z', [p('Mar 3, 10:30 XYZT', 'Monitoring', 'Better.'), p('Mar 3, 09:15 XYZT', 'Investigating', 'Looking.')]),
    )
    const s = read(rssSource, feed, '2026-03-03T06:00:00Z')
    expect(s.incidents[0]?.updates.map((u) => u.timeUnknown)).toEqual([true, true])
    expect(s.readWarnings).toContainEqual({ kind: 'feed update time unknown', count: 2, example: 'Mar 3, 10:30 XYZT' })
  })
})
