import { describe, expect, it } from 'vitest'
import { iso, readFixture as fixture, snapshotOf, statusOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { readSnapshot } from './read-snapshot'
import { SLACK_CURRENT_URL, SLACK_SERVICES, slackSource } from './slack'
import { SourceParseError, type ParseContext } from './types'

const ctx: ParseContext = { now: new Date('2030-01-01T00:00:00Z'), target: { apiUrl: null, statusPageUrl: 'https://slack-status.com', settings: {} } }

function parse(current: string | null): StatusSnapshot {
  return snapshotOf(slackSource.parse({ current }, ctx))
}
const item = (over: Record<string, unknown>) => ({
  id: 1,
  date_created: '2026-01-14T09:00:00-08:00',
  date_updated: '2026-01-14T09:30:00-08:00',
  title: 'T',
  type: 'incident',
  status: 'active',
  url: 'https://slack-status.com/x',
  services: ['Files'],
  notes: [{ date_created: '2026-01-14T09:00:00-08:00', body: 'n' }],
  ...over,
})
const body = (status: string, items: unknown[]) => JSON.stringify({ status, date_created: '2026-01-14T09:00:00-08:00', active_incidents: items })

describe('slack endpoints', () => {
  it('polls v2.0.0/current', () => {
    expect(slackSource.endpoints(ctx.target)).toEqual([{ key: 'current', url: SLACK_CURRENT_URL }])
  })
})

describe('slack on the recorded active incident', () => {
  const s = parse(fixture('slack/slack-current-active-incident.json'))

  it('lists the documented services, affected ones partial_outage', () => {
    expect(s.components.map((c) => c.externalId)).toEqual([...SLACK_SERVICES])
    expect(statusOf(s, 'Notifications')).toBe('partial_outage')
    expect(statusOf(s, 'Apps/Integrations/APIs')).toBe('partial_outage')
    expect(s.components.filter((c) => c.status === 'operational')).toHaveLength(SLACK_SERVICES.length - 2)
    expect(s.status).toBe('partial_outage')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })
  it('reads type "incident" as the decided mapping: its services partial_outage, the incident minor (docs §5)', () => {
    expect(s.incidents.map((i) => [i.externalId, i.impact, i.status])).toEqual([
      ['878', 'minor', 'investigating'],
      ['879', 'minor', 'investigating'],
    ])
  })
  it('maps incidents with string ids, Pacific times in UTC and unescaped urls', () => {
    expect(s.incidents.map((i) => i.externalId)).toEqual(['878', '879'])
    const i = s.incidents[0]
    expect(i?.status).toBe('investigating')
    expect(i?.impact).toBe('minor')
    expect(iso(i?.startedAt)).toBe('2020-07-30T22:12:34.000Z') // 15:12:34-07:00
    expect(i?.url).toBe('https://status.slack.com/2020-07/ea58a170d343b2ad')
    expect(i?.componentExternalIds).toEqual(['Notifications'])
    expect(i?.updates).toEqual([
      {
        externalId: '878:2020-07-30T22:12:34.000Z',
        status: 'investigating',
        body: 'Some users might notice that their notifications settings for mobile are not being respected. We are taking a look and hope to have more news soon.',
        publishedAt: new Date('2020-07-30T22:12:34.000Z'),
      },
    ])
  })
})

describe('slack on a synthetic outage + maintenance + unknown type', () => {
  const s = parse(fixture('slack/synthetic-current-outage-and-maintenance.json'))

  it('outage -> major_outage on its services, and overall', () => {
    expect(statusOf(s, 'Messaging')).toBe('major_outage')
    expect(statusOf(s, 'Connectivity')).toBe('major_outage')
    expect(s.status).toBe('major_outage')
    const outage = s.incidents.find((i) => i.externalId === '1901')
    expect(outage?.impact).toBe('major')
    expect(iso(outage?.startedAt)).toBe('2026-01-14T17:02:11.000Z') // 09:02:11-08:00
  })
  it('orders notes oldest first with ids from their time', () => {
    const outage = s.incidents.find((i) => i.externalId === '1901')
    expect(outage?.updates.map((u) => u.externalId)).toEqual(['1901:2026-01-14T17:02:11.000Z', '1901:2026-01-14T18:15:40.000Z'])
    expect(outage?.updates[1]?.body).toContain('\r\n\r\nMessages sent')
  })
  it('an active maintenance is in progress and puts its (undocumented) service under maintenance', () => {
    expect(s.maintenances).toHaveLength(1)
    const m = s.maintenances[0]
    expect(m?.externalId).toBe('1902')
    expect(m?.status).toBe('in_progress')
    expect(iso(m?.scheduledFor)).toBe('2026-01-14T16:00:00.000Z')
    expect(iso(m?.startedAt)).toBe('2026-01-14T16:00:00.000Z')
    expect(statusOf(s, 'Huddles')).toBe('maintenance')
    expect(s.components.at(-1)?.externalId).toBe('Huddles') // appended after the documented list
  })
  it('an unknown type leaves its service unknown, not operational', () => {
    const odd = s.incidents.find((i) => i.externalId === '1903')
    expect(odd?.impact).toBe('unknown')
    expect(odd?.updates).toEqual([])
    expect(statusOf(s, 'Search')).toBe('unknown')
  })
})

describe('slack status values', () => {
  it('"ok" next to an active incident is not operational: the listed items win (issue 14 #7)', () => {
    const s = parse(body('ok', [item({ type: 'incident', status: 'active', services: ['Messaging'] })]))
    expect(s.status).toBe('partial_outage')
    expect(statusOf(s, 'Messaging')).toBe('partial_outage')
    expect(parse(body('ok', [item({ type: 'outage' })])).status).toBe('major_outage')
    // A resolved item left in the list changes nothing.
    expect(parse(body('ok', [item({ status: 'resolved' })])).status).toBe('operational')
  })

  it('"ok" with no items is operational', () => {
    const s = parse(body('ok', []))
    expect(s.status).toBe('operational')
    expect(s.components.every((c) => c.status === 'operational')).toBe(true)
  })
  it('an unknown page status is unknown', () => {
    expect(parse(body('broken', [])).status).toBe('unknown')
  })
  it('"active" with nothing that implies a status is unknown', () => {
    expect(parse(body('active', [])).status).toBe('unknown')
  })
  it('a resolved item is resolved and leaves its services alone', () => {
    const s = parse(body('active', [item({ status: 'resolved' }), item({ id: 2, type: 'notice', services: ['Search'] })]))
    const resolved = s.incidents[0]
    expect(resolved?.status).toBe('resolved')
    expect(iso(resolved?.resolvedAt)).toBe('2026-01-14T17:30:00.000Z')
    expect(resolved?.updates[0]?.status).toBe('resolved')
    expect(statusOf(s, 'Files')).toBe('operational')
    expect(statusOf(s, 'Search')).toBe('degraded') // notice
    expect(s.status).toBe('degraded')
  })
  it('a scheduled maintenance does not change component status; canceled is cancelled', () => {
    const s = parse(body('ok', [item({ type: 'maintenance', status: 'scheduled' }), item({ id: 3, type: 'maintenance', status: 'canceled' })]))
    expect(s.maintenances.map((m) => m.status)).toEqual(['scheduled', 'cancelled'])
    expect(statusOf(s, 'Files')).toBe('operational')
  })
})

describe('slack rejects bodies that are not the current status', () => {
  it.each([
    ['HTML', '<html><body>Slack is down</body></html>'],
    ['empty', ''],
    ['truncated', fixture('slack/slack-current-active-incident.json').slice(0, 200)],
    ['missing status', '{"active_incidents": []}'],
    ['incidents not a list', '{"status": "ok", "active_incidents": "x"}'],
  ])('%s', (_name, text) => {
    expect(() => parse(text)).toThrow(SourceParseError)
  })

  it.each([
    ['an unreadable date', item({ id: 2, date_created: 'yesterday' })],
    ['an id of the wrong type', item({ id: { x: 1 } })],
  ])('leaves out and counts an item with %s, keeping the readable one', (_name, bad) => {
    const out = readSnapshot(slackSource, { current: body('active', [bad, item({ id: 7, type: 'outage' })]) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents.map((i) => i.externalId)).toEqual(['7'])
    expect(out.snapshot.status).toBe('major_outage')
    expect(out.snapshot.coverage.incidents).toBe('recent')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'slack incident', count: 1 })])
  })

  it('an "active" page whose only item is unreadable is unknown, not operational', () => {
    const out = readSnapshot(slackSource, { current: body('active', [item({ date_created: 'yesterday' })]) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.status).toBe('unknown')
  })
})
