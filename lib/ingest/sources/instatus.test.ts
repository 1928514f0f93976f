import { describe, expect, it } from 'vitest'
import { readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { instatusSource } from './instatus'
import { readSnapshot } from './read-snapshot'
import { mapInstatusPageStatus, parseInstatusComponents } from './instatus-components'
import { type ParseContext, SourceParseError } from './types'

const fixture = (name: string) => readFixture(`instatus/${name}`)

const ctx: ParseContext = {
  now: new Date('2022-06-12T09:00:00Z'),
  target: { apiUrl: 'https://status.example-cloud.dev/summary.json', statusPageUrl: 'https://status.example-cloud.dev', settings: {} },
}

function snapshot(summary: string | null, components: string | null = null): StatusSnapshot {
  return snapshotOf(instatusSource.parse({ summary, components }, ctx))
}

describe('instatus endpoints', () => {
  it('polls the summary and the optional components list on the same host', () => {
    expect(instatusSource.endpoints(ctx.target)).toEqual([
      { key: 'summary', url: 'https://status.example-cloud.dev/summary.json' },
      { key: 'components', url: 'https://status.example-cloud.dev/v2/components.json', optional: true },
    ])
  })
})

describe('instatus healthy page with keys missing (synthetic)', () => {
  it('treats absent arrays as empty and UP as operational', () => {
    const s = snapshot(fixture('synthetic-summary-healthy-keys-missing.json'))
    expect(s.status).toBe('operational')
    expect(s.incidents).toEqual([])
    expect(s.maintenances).toEqual([])
    expect(s.components).toEqual([])
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })
})

describe('instatus page with incidents and a maintenance (synthetic)', () => {
  const s = snapshot(fixture('synthetic-summary-incident-and-maintenance.json'))

  it('converts JS Date.toString() times with their offsets to UTC', () => {
    expect(s.incidents[0]?.startedAt.toISOString()).toBe('2022-06-11T18:55:50.000Z')
    expect(s.maintenances[0]?.scheduledFor.toISOString()).toBe('2022-06-15T03:00:00.000Z')
  })

  it('keys incidents by id, else the id at the end of the URL, else a stable hash of name + start', () => {
    expect(s.incidents.map((i) => i.externalId)).toEqual([
      'cl4a9x2k10042bmn3q8r7t5vw',
      'cl4b0000000000000000abcd',
      expect.stringMatching(/^derived-[0-9a-f]{16}$/),
    ])
    const again = snapshot(fixture('synthetic-summary-incident-and-maintenance.json'))
    expect(again.incidents[2]?.externalId).toBe(s.incidents[2]?.externalId)
  })

  it('maps status and impact', () => {
    expect(s.incidents.map((i) => [i.status, i.impact])).toEqual([
      ['identified', 'minor'],
      ['monitoring', 'minor'],
      ['investigating', 'major'],
    ])
    expect(s.incidents[0]).toMatchObject({ resolvedAt: null, updates: [], componentExternalIds: [] })
  })

  it('computes the maintenance window from the duration in minutes (a string)', () => {
    expect(s.maintenances[0]).toMatchObject({
      externalId: 'cl4c1111111111111111efgh',
      title: 'Database upgrade',
      status: 'scheduled',
      startedAt: null,
    })
    expect(s.maintenances[0]?.scheduledUntil?.toISOString()).toBe('2022-06-15T04:30:00.000Z')
  })

  it('refines HASISSUES with the worst incident impact', () => {
    expect(s.status).toBe('major_outage')
  })

  it('keeps HASISSUES degraded when there is no detail at all', () => {
    expect(snapshot('{"page":{"status":"HASISSUES"}}').status).toBe('degraded')
  })
})

describe('instatus incident updates, when a page includes them', () => {
  it('maps them with stable ids and falls back to the incident status', () => {
    const body = JSON.stringify({
      page: { status: 'HASISSUES' },
      activeIncidents: [
        {
          id: 'inc1',
          name: 'x',
          started: '2022-06-11T18:00:00Z',
          status: 'MONITORING',
          impact: 'MINOROUTAGE',
          updates: [
            { id: 'u1', message: ' first ', status: 'INVESTIGATING', started: '2022-06-11T18:00:00Z' },
            { messageHtml: '<p>second</p>', createdAt: '2022-06-11T19:00:00+01:00' },
          ],
        },
      ],
    })
    const [incident] = snapshot(body).incidents
    expect(incident?.updates).toEqual([
      { externalId: 'u1', status: 'investigating', body: 'first', publishedAt: new Date('2022-06-11T18:00:00Z') },
      { externalId: 'inc1-2022-06-11T18:00:00.000Z', status: 'monitoring', body: '<p>second</p>', publishedAt: new Date('2022-06-11T18:00:00Z') },
    ])
    expect(incident?.updatedAt?.toISOString()).toBe('2022-06-11T18:00:00.000Z')
  })
})

describe('instatus components (optional, synthetic)', () => {
  const s = snapshot(fixture('synthetic-summary-incident-and-maintenance.json'), fixture('synthetic-components.json'))

  it('turns parent components into groups and reads localized names', () => {
    expect(s.groups).toEqual([{ externalId: 'cl4g0000000000000000grp1', name: 'Core platform', position: 0 }])
    expect(s.components.map((c) => [c.name, c.status, c.groupExternalId])).toEqual([
      ['API', 'partial_outage', 'cl4g0000000000000000grp1'],
      ['Dashboard', 'degraded', 'cl4g0000000000000000grp1'],
      ['Webhooks', 'major_outage', null],
      ['Docs', 'unknown', null],
    ])
  })

  it('ignores an unusable components body instead of failing the vendor', () => {
    expect(parseInstatusComponents('<!doctype html><html></html>')).toBeNull()
    expect(parseInstatusComponents('{"components":"x"}')).toBeNull()
    expect(snapshot(fixture('synthetic-summary-healthy-keys-missing.json'), '<html>').components).toEqual([])
  })
})

describe('instatus page status mapping', () => {
  it('maps the summary and the v1 scoped values, unknown to unknown', () => {
    expect(mapInstatusPageStatus('UNDERMAINTENANCE')).toBe('maintenance')
    expect(mapInstatusPageStatus('ALLMAJOROUTAGE')).toBe('major_outage')
    expect(mapInstatusPageStatus('ONEMAJOROUTAGE')).toBe('partial_outage')
    expect(mapInstatusPageStatus('SOMEMINOROUTAGE')).toBe('partial_outage')
    expect(mapInstatusPageStatus('SOMEDEGRADEDPERFORMANCE')).toBe('degraded')
    expect(mapInstatusPageStatus('ALLUNDERMAINTENANCE')).toBe('maintenance')
    expect(mapInstatusPageStatus('SOMETHINGELSE')).toBe('unknown')
    expect(snapshot('{"page":{"status":"ONFIRE"}}').status).toBe('unknown')
  })

  it('maps unknown incident and maintenance values to unknown, never operational', () => {
    const s = snapshot(
      JSON.stringify({
        page: { status: 'UP' },
        activeIncidents: [{ name: 'x', started: '2022-06-11T18:00:00Z', status: 'PONDERING', impact: 'APOCALYPSE' }],
        activeMaintenances: [{ name: 'm', start: '2022-06-11T18:00:00Z', status: 'LATER', duration: 'soon' }],
      }),
    )
    expect(s.incidents[0]).toMatchObject({ status: 'unknown', impact: 'unknown' })
    expect(s.maintenances[0]).toMatchObject({ status: 'unknown', scheduledUntil: null })
  })
})

describe('instatus hostile bodies', () => {
  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Not found</body></html>'],
    ['empty', ''],
    ['truncated', '{"page":{"status":"UP"'],
    ['wrong types', '{"page":{"status":"UP"},"activeIncidents":"x"}'],
    ['missing page', '{"activeIncidents":[]}'],
  ])('throws SourceParseError on %s', (_label, body) => {
    expect(() => snapshot(body)).toThrow(SourceParseError)
  })

  it('leaves out and counts an incident with an unreadable start, and no longer trusts an absence', () => {
    const body = '{"page":{"status":"UP"},"activeIncidents":[{"name":"x","started":"yesterday","status":"INVESTIGATING"}]}'
    const out = readSnapshot(instatusSource, { summary: body, components: null }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents).toEqual([])
    expect(out.snapshot.coverage.incidents).toBe('recent')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'instatus incident', count: 1 })])
  })
})
