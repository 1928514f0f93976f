import { describe, expect, it } from 'vitest'
import { readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { betterstackSource, mapAggregateState } from './betterstack'
import { readSnapshot } from './read-snapshot'
import { type ParseContext, SourceParseError } from './types'

const fixture = (name: string) => readFixture(`betterstack/${name}`)

const ctx: ParseContext = {
  now: new Date('2026-05-11T12:00:00Z'),
  target: { apiUrl: 'https://status.example-cloud.dev/index.json', statusPageUrl: 'https://status.example-cloud.dev', settings: {} },
}

function snapshot(body: string, now = ctx.now): StatusSnapshot {
  return snapshotOf(betterstackSource.parse({ index: body }, { ...ctx, now }))
}

describe('better stack endpoints', () => {
  it('polls index.json', () => {
    expect(betterstackSource.endpoints(ctx.target)).toEqual([{ key: 'index', url: 'https://status.example-cloud.dev/index.json' }])
    expect(betterstackSource.endpoints({ ...ctx.target, apiUrl: null })[0]?.url).toBe('https://status.example-cloud.dev/index.json')
  })
})

describe('better stack page with incidents and maintenance (synthetic, docs/status-page-formats.md §3.4)', () => {
  const s = snapshot(fixture('synthetic-index-incidents-and-maintenance.json'))

  it('maps aggregate_state downtime with some resources still up to a partial outage', () => {
    expect(s.status).toBe('partial_outage')
    expect(s.coverage).toEqual({ incidents: 'recent', maintenances: 'recent' })
  })

  it('makes named sections groups and orders resources by section then position', () => {
    expect(s.groups).toEqual([
      { externalId: '11', name: 'API & Dashboard', position: 1 },
      { externalId: '12', name: 'Regions', position: 2 },
    ])
    expect(s.components.map((c) => [c.externalId, c.name, c.status, c.groupExternalId, c.position])).toEqual([
      ['100', 'Website', 'operational', null, 0],
      ['101', 'REST API', 'major_outage', '11', 1],
      ['102', 'Dashboard', 'degraded', '11', 2],
      ['103', 'EU region', 'maintenance', '12', 3],
      ['104', 'US region', 'unknown', '12', 4],
    ])
    expect(s.components[1]?.description).toBe('Public API at api.example-cloud.dev')
  })

  it('maps an open report with updates linked from either side of the relationship', () => {
    const open = s.incidents.find((i) => i.externalId === '500')
    expect(open).toMatchObject({ title: 'REST API outage', status: 'investigating', impact: 'major', resolvedAt: null })
    expect(open?.startedAt.toISOString()).toBe('2026-05-11T10:58:00.000Z')
    expect(open?.updatedAt?.toISOString()).toBe('2026-05-11T11:30:00.000Z')
    expect(open?.componentExternalIds).toEqual(['101', '102'])
    expect(open?.updates.map((u) => [u.externalId, u.status, u.publishedAt.toISOString()])).toEqual([
      ['9001', 'investigating', '2026-05-11T10:59:00.000Z'],
      ['9002', 'investigating', '2026-05-11T11:30:00.000Z'],
    ])
    expect(open?.updates[0]?.body).toBe('We are investigating failed requests to the **REST API**.')
  })

  it('keeps resolved reports, with their worst impact and the resolving update time', () => {
    const resolved = s.incidents.find((i) => i.externalId === '501')
    expect(resolved).toMatchObject({ status: 'resolved', impact: 'minor', componentExternalIds: ['102'] })
    expect(resolved?.resolvedAt?.toISOString()).toBe('2026-04-20T19:45:00.000Z')
    expect(resolved?.updates.map((u) => u.status)).toEqual(['investigating', 'resolved'])
  })

  it('reads maintenance reports as windows, phased by the check time', () => {
    expect(s.maintenances.map((m) => [m.externalId, m.status])).toEqual([
      ['502', 'scheduled'],
      ['503', 'completed'],
    ])
    const upcoming = s.maintenances[0]
    expect(upcoming?.scheduledFor.toISOString()).toBe('2026-05-20T22:00:00.000Z')
    expect(upcoming?.scheduledUntil?.toISOString()).toBe('2026-05-21T00:00:00.000Z')
    expect(upcoming?.body).toBe('We will upgrade the EU database cluster. Expect short write pauses.')
    expect(upcoming?.componentExternalIds).toEqual(['103'])
    expect(s.maintenances[1]?.completedAt?.toISOString()).toBe('2026-05-01T23:00:00.000Z')
    const during = snapshot(fixture('synthetic-index-incidents-and-maintenance.json'), new Date('2026-05-20T23:00:00Z'))
    expect(during.maintenances[0]).toMatchObject({ status: 'in_progress', startedAt: new Date('2026-05-20T22:00:00Z') })
  })

  it('gives the same updates whatever the order of included', () => {
    const doc = JSON.parse(fixture('synthetic-index-incidents-and-maintenance.json'))
    doc.included.reverse()
    const again = snapshot(JSON.stringify(doc))
    const ids = (x: StatusSnapshot) => x.incidents.find((i) => i.externalId === '500')?.updates.map((u) => u.externalId)
    expect(ids(again)).toEqual(ids(s))
  })
})

describe('better stack operational page (synthetic)', () => {
  it('maps a minimal document', () => {
    const s = snapshot(fixture('synthetic-index-operational.json'))
    expect(s.status).toBe('operational')
    expect(s.components).toEqual([
      { externalId: '1', name: 'App', description: null, status: 'operational', groupExternalId: null, position: 0 },
    ])
    expect(s.incidents).toEqual([])
  })
})

describe('better stack page with every resource in a status it does not know (issue 14 #7)', () => {
  it('reads unknown, not major_outage', () => {
    const raw = JSON.parse(fixture('synthetic-index-incidents-and-maintenance.json')) as {
      data: { attributes: Record<string, unknown> }
      included: { type: string; attributes: Record<string, unknown> }[]
    }
    raw.data.attributes.aggregate_state = 'downtime'
    for (const i of raw.included) if (i.type === 'status_page_resource') i.attributes.status = 'brownout'
    const s = snapshot(JSON.stringify(raw))
    expect(s.components.length).toBeGreaterThan(0)
    expect(s.status).toBe('unknown')
  })
})

describe('better stack status mapping', () => {
  it('maps aggregate states; unknown stays unknown', () => {
    expect(mapAggregateState('downtime', ['major_outage', 'major_outage'])).toBe('major_outage')
    expect(mapAggregateState('downtime', ['major_outage', 'operational'])).toBe('partial_outage')
    expect(mapAggregateState('maintenance', [])).toBe('maintenance')
    expect(mapAggregateState('exploded', [])).toBe('unknown')
    // Resources listed, none in a status we know: how much is down cannot be told (issue 14 #7).
    expect(mapAggregateState('downtime', ['unknown', 'unknown'])).toBe('unknown')
    expect(mapAggregateState(null, [])).toBe('unknown')
  })

  it('maps unknown resource statuses and report states to unknown, never operational', () => {
    const doc = JSON.parse(fixture('synthetic-index-operational.json'))
    doc.included[0].attributes.status = 'on_fire'
    doc.included.push({
      id: '7',
      type: 'status_report',
      attributes: { title: 'Odd', report_type: 'something_new', aggregate_state: 'weird', starts_at: '2026-05-11T08:00:00Z' },
    })
    const s = snapshot(JSON.stringify(doc))
    expect(s.components[0]?.status).toBe('unknown')
    expect(s.incidents[0]).toMatchObject({ externalId: '7', status: 'investigating', impact: 'unknown', updates: [] })
  })
})

describe('better stack hostile bodies', () => {
  it.each([
    ['HTML', '<!DOCTYPE html><html></html>'],
    ['empty', ''],
    ['truncated', fixture('synthetic-index-operational.json').slice(0, 120)],
    ['wrong types', '{"data":{"type":"status_page","attributes":{}},"included":"x"}'],
    ['another JSON:API document', '{"data":{"type":"monitor","attributes":{}}}'],
  ])('throws SourceParseError on %s', (_label, body) => {
    expect(() => snapshot(body)).toThrow(SourceParseError)
  })

  it.each([
    ['a malformed resource', 'status_page_resource', '{"public_name":5}', 'betterstack component'],
    ['a report without start', 'status_report', '{"title":"x"}', 'betterstack incident'],
  ])('leaves out and counts %s instead of failing the page', (_label, type, attributes, kind) => {
    const body = `{"data":{"type":"status_page","attributes":{"aggregate_state":"operational"}},"included":[{"id":"1","type":"${type}","attributes":${attributes}}]}`
    const out = readSnapshot(betterstackSource, { index: body }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.status).toBe('operational')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind, count: 1 })])
  })
})
