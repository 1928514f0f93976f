import { describe, expect, it } from 'vitest'
import { readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { cachetSource } from './cachet'
import { readSnapshot } from './read-snapshot'
import { type ParseContext, SourceParseError } from './types'

const fixture = (name: string) => readFixture(`cachet/${name}`)

const ctx: ParseContext = {
  now: new Date('2024-01-02T04:00:00Z'),
  target: { apiUrl: 'https://status.example.org/api/v1/components', statusPageUrl: 'https://status.example.org', settings: {} },
}

const all = () => ({
  components: fixture('synthetic-components.json'),
  groups: fixture('synthetic-groups.json'),
  incidents: fixture('synthetic-incidents.json'),
})

function snapshot(bodies: Record<string, string | null>, now = ctx.now): StatusSnapshot {
  return snapshotOf(cachetSource.parse(bodies, { ...ctx, now }))
}

describe('cachet endpoints', () => {
  it('asks for larger pages than the default 20 and keeps sub-path installs', () => {
    expect(cachetSource.endpoints(ctx.target)).toEqual([
      { key: 'components', url: 'https://status.example.org/api/v1/components?per_page=100' },
      { key: 'groups', url: 'https://status.example.org/api/v1/components/groups?per_page=100', optional: true },
      { key: 'incidents', url: 'https://status.example.org/api/v1/incidents?sort=id&order=desc&per_page=50', optional: true },
    ])
    const sub = cachetSource.endpoints({ ...ctx.target, apiUrl: 'https://example.org/status/api/v1/components' })
    expect(sub[2]?.url).toBe('https://example.org/status/api/v1/incidents?sort=id&order=desc&per_page=50')
    expect(cachetSource.endpoints({ ...ctx.target, apiUrl: null })[0]?.url).toBe('https://status.example.org/api/v1/components?per_page=100')
  })
})

describe('cachet page (synthetic)', () => {
  const s = snapshot(all())

  it('maps component status codes, skips disabled components and groups by known group ids', () => {
    expect(s.groups).toEqual([{ externalId: '1', name: 'Platform', position: 0 }])
    expect(s.components.map((c) => [c.externalId, c.name, c.status, c.groupExternalId])).toEqual([
      ['1', 'Website', 'operational', null],
      ['2', 'API', 'partial_outage', '1'],
      ['3', 'Background jobs', 'degraded', '1'],
      ['5', 'Status emails', 'unknown', null],
    ])
  })

  it('takes the overall status from the worst component', () => {
    expect(s.status).toBe('partial_outage')
    expect(s.coverage).toEqual({ incidents: 'recent', maintenances: 'recent' })
  })

  it('maps an open incident, reading zone-less times as UTC, with its message as the one update', () => {
    const open = s.incidents.find((i) => i.externalId === '42')
    expect(open).toMatchObject({
      title: 'API errors in EU',
      status: 'identified',
      impact: 'unknown',
      resolvedAt: null,
      url: 'https://status.example.org/incidents/42',
      componentExternalIds: ['2'],
    })
    expect(open?.startedAt.toISOString()).toBe('2024-01-02T03:04:05.000Z')
    expect(open?.updatedAt?.toISOString()).toBe('2024-01-02T03:30:00.000Z')
    expect(open?.updates).toEqual([
      {
        externalId: '42-message',
        status: 'identified',
        body: 'We are seeing **elevated 5xx rates** on the API.\r\n\r\nWe have identified a faulty deploy.',
        publishedAt: new Date('2024-01-02T03:04:05Z'),
      },
    ])
  })

  it('uses embedded updates when a Cachet version includes them', () => {
    const fixed = s.incidents.find((i) => i.externalId === '41')
    expect(fixed?.status).toBe('resolved')
    expect(fixed?.resolvedAt?.toISOString()).toBe('2023-12-31T01:15:00.000Z')
    expect(fixed?.updates.map((u) => [u.externalId, u.status])).toEqual([
      ['41-message', 'investigating'],
      ['76', 'monitoring'],
      ['77', 'resolved'],
    ])
  })

  it('drops hidden incidents and turns scheduled (status 0) ones into maintenance', () => {
    expect(s.incidents.map((i) => i.externalId)).toEqual(['42', '41'])
    expect(s.maintenances).toHaveLength(1)
    expect(s.maintenances[0]).toMatchObject({
      externalId: '40',
      title: 'Database maintenance',
      status: 'scheduled',
      scheduledUntil: null,
      componentExternalIds: [],
      body: 'The database will be upgraded. Expect 10 minutes of read-only mode.',
    })
    expect(s.maintenances[0]?.scheduledFor.toISOString()).toBe('2024-02-10T22:00:00.000Z')
    const later = snapshot(all(), new Date('2024-03-01T00:00:00Z'))
    expect(later.maintenances[0]?.status).toBe('unknown')
  })

  it('works without the optional endpoints', () => {
    const bare = snapshot({ components: fixture('synthetic-components.json'), groups: null, incidents: null })
    expect(bare.groups).toEqual([])
    expect(bare.components.every((c) => c.groupExternalId === null)).toBe(true)
    expect(bare.incidents).toEqual([])
    expect(bare.maintenances).toEqual([])
  })
})

describe('cachet unknown values', () => {
  it('maps unknown codes to unknown, never operational', () => {
    const components = JSON.stringify({ data: [{ id: 9, name: 'X', status: 7 }] })
    const incidents = JSON.stringify({ data: [{ id: 1, name: 'Y', status: 9, message: 'm', created_at: '2024-01-01 00:00:00' }] })
    const s = snapshot({ components, groups: null, incidents })
    expect(s.components[0]?.status).toBe('unknown')
    expect(s.status).toBe('unknown')
    expect(s.incidents[0]?.status).toBe('unknown')
  })

  it('falls back to open incidents only when there are no components', () => {
    const incidents = JSON.stringify({ data: [{ id: 1, name: 'Y', status: 1, message: 'm', created_at: '2024-01-01 00:00:00' }] })
    expect(snapshot({ components: '{"data":[]}', groups: null, incidents }).status).toBe('degraded')
    expect(snapshot({ components: '{"data":[]}', groups: null, incidents: null }).status).toBe('unknown')
  })
})

describe('cachet hostile bodies', () => {
  it.each([
    ['HTML components', { components: '<!DOCTYPE html><html></html>' }],
    ['empty components', { components: '' }],
    ['truncated components', { components: fixture('synthetic-components.json').slice(0, 300) }],
    ['wrong types', { components: '{"data":"x"}' }],
    ['HTML incidents', { components: '{"data":[]}', incidents: '<html></html>' }],
    ['HTML groups', { components: '{"data":[]}', groups: '<html>' }],
  ])('throws SourceParseError on %s', (_label, bodies) => {
    expect(() => snapshot(bodies)).toThrow(SourceParseError)
  })

  it('leaves out and counts an incident without created_at instead of failing the page', () => {
    const out = readSnapshot(cachetSource, { components: '{"data":[]}', incidents: '{"data":[{"id":1,"name":"x","status":1}]}' }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents).toEqual([])
    expect(out.snapshot.coverage.incidents).toBe('recent')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'cachet incident', count: 1 })])
  })
})
