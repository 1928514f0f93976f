import { describe, expect, it } from 'vitest'
import { contextAt, incident, iso, readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { STALE_AFTER_DAYS, rssSource } from './rss'
import { parseStamp, splitStatusUpdates } from './rss-updates'
import { SourceParseError, type ParseContext, type SourceTarget } from './types'

const target: SourceTarget = { apiUrl: 'https://www.githubstatus.com/history.atom', statusPageUrl: 'https://www.githubstatus.com', settings: {} }
const ctxAt = (now: string): ParseContext => contextAt(now, target)

function parse(feed: string | null, now = '2026-08-22T04:00:00Z'): StatusSnapshot {
  return snapshotOf(rssSource.parse({ feed }, ctxAt(now)))
}


const p = (stamp: string, label: string, body: string) =>
  `&lt;p&gt;&lt;small&gt;${stamp}&lt;/small&gt;&lt;br&gt;&lt;strong&gt;${label}&lt;/strong&gt; - ${body}&lt;/p&gt;`
const entry = (id: string, title: string, updated: string, paragraphs: string[]) =>
  `<entry><id>${id}</id><published>${updated}</published><updated>${updated}</updated>` +
  `<link rel="alternate" type="text/html" href="https://status.example.com/incidents/${id}"/>` +
  `<title>${title}</title><content type="html">${paragraphs.join('')}</content></entry>`
const feedOf = (...entries: string[]) => `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>${entries.join('')}</feed>`

describe('rss endpoints', () => {
  it('uses settings.feedUrl, then the catalog API URL, then the page URL', () => {
    expect(rssSource.endpoints({ ...target, settings: { feedUrl: 'https://f/x.rss' } })[0]?.url).toBe('https://f/x.rss')
    expect(rssSource.endpoints(target)[0]?.url).toBe('https://www.githubstatus.com/history.atom')
    const fallback = rssSource.endpoints({ ...target, apiUrl: null })[0]
    expect(fallback?.url).toBe('https://www.githubstatus.com')
    expect(fallback?.accept).toMatch(/atom\+xml/)
  })
})

describe('rss on GitHub history.atom (recorded)', () => {
  const s = parse(fixture('rss-atom/github-history.atom'))

  it('maps 25 resolved incidents, no components, recent coverage, operational', () => {
    expect(s.incidents).toHaveLength(25)
    expect(s.maintenances).toHaveLength(0)
    expect(s.components).toEqual([])
    expect(s.coverage).toEqual({ incidents: 'recent', maintenances: 'recent' })
    expect(s.incidents.every((i) => i.status === 'resolved' && i.impact === 'unknown')).toBe(true)
    expect(s.status).toBe('operational')
  })
  it('splits an entry into its dated updates, year taken from the entry', () => {
    const i = incident(s, 'tag:www.githubstatus.com,2005:Incident/31233568')
    expect(i.title).toBe('Intermittent failures creating agent tasks')
    expect(i.url).toBe('https://www.githubstatus.com/incidents/bhbcjn4n3jzp')
    expect(i.updates).toHaveLength(12)
    expect(iso(i.startedAt)).toBe('2026-08-20T14:43:00.000Z')
    expect(iso(i.resolvedAt)).toBe('2026-08-21T00:37:00.000Z')
    expect(iso(i.updatedAt)).toBe('2026-08-21T00:37:20.000Z')
    // Oldest first: Investigating, then "Update"s that keep the phase, then Resolved.
    expect(i.updates[0]?.status).toBe('investigating')
    expect(i.updates.slice(1, -1).every((u) => u.status === 'investigating')).toBe(true)
    expect(i.updates[11]?.status).toBe('resolved')
    expect(i.updates[11]?.body).toMatch(/^This incident has been resolved\./)
    expect(i.updates[0]?.externalId).toBe('tag:www.githubstatus.com,2005:Incident/31233568#2026-08-20T14:43:00.000Z')
  })
  it('carries Monitoring into the "Update"s after it', () => {
    const withMonitoring = s.incidents.filter((i) => i.updates.some((u) => u.status === 'monitoring'))
    expect(withMonitoring.length).toBeGreaterThan(5)
  })
  it('gives every update a unique id', () => {
    const ids = s.incidents.flatMap((i) => i.updates.map((u) => u.externalId))
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('rss on the history with a scheduled maintenance (recorded)', () => {
  const s = parse(fixture('rss-atom/github-history-with-scheduled-maintenance-entry.atom'), '2025-07-08T00:00:00Z')
  it('turns the maintenance entry into a maintenance with its window read from the Scheduled text', () => {
    expect(s.incidents).toHaveLength(24)
    expect(s.maintenances).toHaveLength(1)
    const m = s.maintenances[0]
    expect(m?.externalId).toBe('tag:www.githubstatus.com,2005:Incident/25303483')
    expect(m?.title).toBe('Codespaces Scheduled Maintenance')
    expect(m?.status).toBe('completed')
    expect(iso(m?.scheduledFor)).toBe('2025-05-29T21:30:00.000Z')
    expect(iso(m?.scheduledUntil)).toBe('2025-05-31T04:30:00.000Z')
    expect(iso(m?.startedAt)).toBe('2025-05-29T21:30:00.000Z')
    expect(iso(m?.completedAt)).toBe('2025-05-31T04:30:00.000Z')
    expect(m?.body).toBe('The scheduled maintenance has been completed.')
  })
  it('reads single-digit day stamps ("Jun  4")', () => {
    const i = incident(s, 'tag:www.githubstatus.com,2005:Incident/25364469')
    expect(iso(i.resolvedAt)).toBe('2025-06-04T15:55:00.000Z')
  })
})

describe('rss update parsing details', () => {
  it('update ids do not move when a newer update is added', () => {
    const older = [p("Aug <var data-var='date'>20</var>, <var data-var='time'>10:00</var> UTC", 'Investigating', 'a')]
    const newer = [p("Aug <var data-var='date'>20</var>, <var data-var='time'>10:00</var> UTC", 'Update', 'b'), ...older]
    const before = parse(feedOf(entry('1', 'X', '2026-08-20T10:00:30Z', older))).incidents[0]
    const after = parse(feedOf(entry('1', 'X', '2026-08-20T10:00:40Z', newer))).incidents[0]
    expect(before?.updates.map((u) => u.externalId)).toEqual(['1#2026-08-20T10:00:00.000Z'])
    // Same minute: the new one gets ~2, the old one keeps its id.
    expect(after?.updates.map((u) => u.externalId)).toEqual(['1#2026-08-20T10:00:00.000Z', '1#2026-08-20T10:00:00.000Z~2'])
  })
  it('takes the previous year for a December update in a January entry', () => {
    expect(iso(parseStamp('Dec 31, 23:50 UTC', new Date('2026-01-01T00:30:00Z')))).toBe('2025-12-31T23:50:00.000Z')
    expect(iso(parseStamp('Jan 1, 00:10 UTC', new Date('2026-01-01T00:30:00Z')))).toBe('2026-01-01T00:10:00.000Z')
  })
  it('converts US zone stamps and refuses unknown zones', () => {
    const ref = new Date('2024-07-10T00:00:00Z')
    expect(iso(parseStamp('Jul 9, 05:30 PM PDT', ref))).toBe('2024-07-10T00:30:00.000Z')
    expect(iso(parseStamp('Dec 31, 2024 - 11:05 PM PST', null))).toBe('2025-01-01T07:05:00.000Z')
    expect(parseStamp('Jul 9, 17:30 XYZ', ref)).toBeNull()
    expect(parseStamp('Jul 9, 17:30', ref)).toBeNull()
  })
  it('falls back to the entry time when a stamp is unreadable', () => {
    const s = parse(feedOf(entry('1', 'X', '2026-08-20T10:00:30Z', [p('Aug 20, 09:00 XYZ', 'Investigating', 'a')])))
    expect(iso(s.incidents[0]?.updates[0]?.publishedAt)).toBe('2026-08-20T10:00:30.000Z')
  })
  it('detects a postmortem and makes it the incident status', () => {
    const s = parse(
      feedOf(
        entry('pm', 'Outage', '2026-08-21T12:00:00Z', [
          p('Aug 21, 12:00 UTC', 'Postmortem', '&lt;p&gt;Root cause: a bad deploy.&lt;/p&gt;&lt;p&gt;Fix: rollback.&lt;/p&gt;'),
          p('Aug 20, 11:00 UTC', 'Resolved', 'Fixed.'),
          p('Aug 20, 10:00 UTC', 'Identified', 'Found it.'),
        ]),
      ),
    )
    const i = s.incidents[0]
    expect(i?.status).toBe('postmortem')
    expect(i?.updates.map((u) => u.status)).toEqual(['identified', 'resolved', 'postmortem'])
    expect(i?.postmortem?.body).toBe('<p>Root cause: a bad deploy.</p><p>Fix: rollback.</p>')
    expect(iso(i?.postmortem?.publishedAt)).toBe('2026-08-21T12:00:00.000Z')
    expect(iso(i?.resolvedAt)).toBe('2026-08-20T11:00:00.000Z')
  })
  it('an unknown label is unknown, not a guess', () => {
    const updates = splitStatusUpdates('<p><small>Aug 20, 10:00 UTC</small><br><strong>Escalated</strong> - x</p>', new Date('2026-08-21T00:00:00Z'))
    expect(updates).toEqual([{ label: 'Escalated', at: new Date('2026-08-20T10:00:00Z'), stamp: 'Aug 20, 10:00 UTC', body: 'x' }])
    const s = parse(feedOf(entry('u', 'X', '2026-08-21T00:00:00Z', [p('Aug 20, 10:00 UTC', 'Escalated', 'x')])), '2026-08-21T01:00:00Z')
    expect(s.incidents[0]?.status).toBe('unknown')
    expect(s.status).toBe('unknown')
  })
})

describe('rss overall status', () => {
  const open = entry('open', 'Slow API', '2026-08-20T10:00:00Z', [p('Aug 20, 10:00 UTC', 'Investigating', 'Looking.')])
  it('a fresh open incident makes the feed degraded', () => {
    expect(parse(feedOf(open), '2026-08-20T12:00:00Z').status).toBe('degraded')
  })
  it(`an open incident untouched for more than ${STALE_AFTER_DAYS} days no longer counts (but keeps its status)`, () => {
    const s = parse(feedOf(open), '2026-08-28T10:00:01Z')
    expect(s.status).toBe('operational')
    expect(s.incidents[0]?.status).toBe('investigating')
  })
  it('a running maintenance makes the feed "maintenance"', () => {
    const m = entry('m', 'Database upgrade', '2026-08-20T10:00:00Z', [p('Aug 20, 10:00 UTC', 'In progress', 'Working.')])
    const s = parse(feedOf(m), '2026-08-20T11:00:00Z')
    expect(s.maintenances[0]?.status).toBe('in_progress')
    expect(s.status).toBe('maintenance')
  })
  it('a generic RSS item has no readable status: unknown while fresh, resolved when its title says so', () => {
    const s = parse(fixture('rss-atom/synthetic-rss2-generic.xml'), '2026-03-10T14:00:00Z')
    expect(s.incidents.map((i) => [i.externalId, i.status])).toEqual([
      ['example-incident-101', 'unknown'],
      ['https://status.example.com/incidents/100', 'resolved'],
    ])
    expect(iso(s.incidents[0]?.startedAt)).toBe('2026-03-10T13:15:00.000Z') // -0500 converted
    expect(iso(s.incidents[1]?.resolvedAt)).toBe('2026-03-08T21:00:00.000Z') // +01:00 converted
    expect(s.maintenances.map((m) => m.title)).toEqual(['Planned database maintenance'])
    expect(s.status).toBe('unknown')
  })
  it('an empty feed is operational', () => {
    expect(parse(feedOf()).status).toBe('operational')
  })
})

describe('rss rejects bodies that are not feeds', () => {
  it.each([
    ['HTML', '<!doctype html><html><body>Status</body></html>'],
    ['empty', ''],
    ['missing', null],
    ['JSON', '{"status":"ok"}'],
    ['truncated', fixture('rss-atom/github-history.atom').slice(0, 5000)],
  ])('%s', (_name, body) => {
    expect(() => parse(body)).toThrow(SourceParseError)
  })
})
