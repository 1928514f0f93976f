import { describe, expect, it } from 'vitest'
import { iso, readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { HEROKU_STATUS_URL, herokuSource } from './heroku'
import { readSnapshot } from './read-snapshot'
import { readWindow } from './heroku-schedule'
import { SourceParseError, type ParseContext } from './types'

const ctx: ParseContext = { now: new Date('2030-01-01T00:00:00Z'), target: { apiUrl: null, statusPageUrl: 'https://status.heroku.com', settings: {} } }

function parse(current: string | null): StatusSnapshot {
  return snapshotOf(herokuSource.parse({ current }, ctx))
}
const update = (id: number, type: string, at: string, prod = 'green') => ({
  id,
  incident_id: 1,
  created_at: at,
  updated_at: at,
  update_type: type,
  contents: `${type} text`,
  status_dev: 'green',
  status_prod: prod,
})
const withIncident = (over: Record<string, unknown>) =>
  JSON.stringify({
    status: [{ system: 'Apps', status: 'red' }],
    incidents: [{ id: 1, created_at: '2021-01-01T10:00:00.000Z', updated_at: '2021-01-01T11:00:00.000Z', resolved: false, resolved_at: null, title: 'T', full_url: 'https://status.heroku.com/incidents/1', updates: [], ...over }],
    scheduled: [],
  })

describe('heroku endpoints', () => {
  it('polls api/v4/current-status', () => {
    expect(herokuSource.endpoints(ctx.target)).toEqual([{ key: 'current', url: HEROKU_STATUS_URL }])
  })
})

describe('heroku on the recorded incident', () => {
  const s = parse(fixture('heroku/heroku-current-status-incident.json'))

  it('maps the three systems (yellow -> degraded) and the overall status', () => {
    expect(s.components.map((c) => [c.externalId, c.status, c.position])).toEqual([
      ['Apps', 'degraded', 0],
      ['Data', 'degraded', 1],
      ['Tools', 'degraded', 2],
    ])
    expect(s.status).toBe('degraded')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })
  it('maps the open incident: "issue" -> identified, yellow -> minor, updates oldest first with upstream ids', () => {
    expect(s.incidents).toHaveLength(1)
    const i = s.incidents[0]
    expect(i?.externalId).toBe('1918')
    expect(i?.status).toBe('identified')
    expect(i?.impact).toBe('minor')
    expect(i?.resolvedAt).toBeNull()
    expect(iso(i?.startedAt)).toBe('2019-10-24T18:39:30.231Z')
    expect(i?.url).toBe('https://status.heroku.com/incidents/1918')
    expect(i?.componentExternalIds).toEqual([])
    expect(i?.updates.map((u) => [u.externalId, u.status])).toEqual([
      ['6090', 'investigating'],
      ['6091', 'identified'],
    ])
    expect(i?.updates[1]?.body).toContain('\r\n\r\nCustomer applications')
  })
})

describe('heroku on the recorded maintenance', () => {
  const s = parse(fixture('heroku/heroku-current-status-maintenance.json'))

  it('blue is maintenance and sets the overall status', () => {
    expect(s.components.find((c) => c.externalId === 'Data')?.status).toBe('maintenance')
    expect(s.status).toBe('maintenance')
    expect(s.incidents).toEqual([])
  })
  it('reads the window from the words, and the run from the updates', () => {
    expect(s.maintenances).toHaveLength(1)
    const m = s.maintenances[0]
    expect(m?.externalId).toBe('2120')
    expect(m?.status).toBe('completed')
    expect(iso(m?.scheduledFor)).toBe('2020-11-09T19:00:00.000Z')
    expect(iso(m?.scheduledUntil)).toBe('2020-11-09T19:30:00.000Z')
    expect(iso(m?.startedAt)).toBe('2020-11-09T19:01:10.522Z')
    expect(iso(m?.completedAt)).toBe('2020-11-09T19:47:23.669Z')
    expect(m?.body).toMatch(/^This service update has been completed\./)
  })
  it('an upcoming item is scheduled; one under way is in progress', () => {
    const wire = JSON.parse(fixture('heroku/heroku-current-status-maintenance.json')) as { scheduled: Record<string, unknown>[] }
    const item = wire.scheduled[0]
    if (!item) throw new Error('fixture changed')
    const updates = item.updates as { update_type: string }[]
    const upcoming = { ...item, resolved: false, upcoming: true, updates: updates.slice(3) }
    const running = { ...item, resolved: false, upcoming: false, updates: updates.slice(1) }
    const s2 = parse(JSON.stringify({ ...wire, scheduled: [upcoming, running] }))
    expect(s2.maintenances.map((m) => m.status)).toEqual(['scheduled', 'in_progress'])
  })
})

describe('heroku value mapping', () => {
  it('"update" repeats the previous phase; red -> major; resolved flag wins', () => {
    const updates = [
      update(3, 'update', '2021-01-01T10:20:00.000Z', 'red'),
      update(1, 'investigating', '2021-01-01T10:00:00.000Z', 'yellow'),
      update(2, 'monitoring', '2021-01-01T10:10:00.000Z'),
    ]
    const open = parse(withIncident({ updates })).incidents[0]
    expect(open?.updates.map((u) => u.status)).toEqual(['investigating', 'monitoring', 'monitoring'])
    expect(open?.status).toBe('monitoring')
    expect(open?.impact).toBe('major')
    const closed = parse(withIncident({ updates, resolved: true, resolved_at: '2021-01-01T10:30:00.000Z' })).incidents[0]
    expect(closed?.status).toBe('resolved')
    expect(iso(closed?.resolvedAt)).toBe('2021-01-01T10:30:00.000Z')
  })
  it('unknown colours and update types are unknown, never operational', () => {
    const s = parse(
      JSON.stringify({
        status: [{ system: 'Apps', status: 'purple' }],
        incidents: [{ id: 9, created_at: '2021-01-01T10:00:00Z', title: 'X', updates: [update(1, 'escalated', '2021-01-01T10:00:00Z', 'purple')] }],
        scheduled: [],
      }),
    )
    expect(s.components[0]?.status).toBe('unknown')
    expect(s.status).toBe('unknown')
    expect(s.incidents[0]?.status).toBe('unknown')
    expect(s.incidents[0]?.impact).toBe('unknown')
  })
})

describe('readWindow', () => {
  const posted = new Date('2020-10-30T00:55:34Z')
  it('reads "Month D at HH:MM UTC" with the posting year and an "until" end', () => {
    expect(readWindow(['Update on Monday, November 9 at 19:00 UTC (14:00 EST)', 'continuing until 19:30 UTC'], posted)).toEqual({
      start: new Date('2020-11-09T19:00:00Z'),
      end: new Date('2020-11-09T19:30:00Z'),
    })
  })
  it('rolls the year for a January window posted in December, and the day for an end past midnight', () => {
    expect(readWindow(['on January 3 at 23:00 UTC until 01:00 UTC'], new Date('2020-12-20T00:00:00Z'))).toEqual({
      start: new Date('2021-01-03T23:00:00Z'),
      end: new Date('2021-01-04T01:00:00Z'),
    })
  })
  it('ignores text without a UTC time', () => {
    expect(readWindow(['Maintenance on Monday, November 9 at 14:00 EST'], posted)).toBeNull()
  })
})

describe('heroku rejects bodies that are not current-status', () => {
  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Heroku | Application Error</body></html>'],
    ['empty', ''],
    ['truncated', fixture('heroku/heroku-current-status-incident.json').slice(0, 300)],
    ['status not a list', '{"status": "green", "incidents": [], "scheduled": []}'],
    ['missing status', '{"incidents": [], "scheduled": []}'],
  ])('%s', (_name, text) => {
    expect(() => parse(text)).toThrow(SourceParseError)
  })

  it('leaves out and counts an incident with an unreadable created_at instead of failing the page', () => {
    const out = readSnapshot(herokuSource, { current: withIncident({ created_at: 'soon' }) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents).toEqual([])
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'heroku incident', count: 1 })])
  })
})
