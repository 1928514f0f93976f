import { describe, expect, it } from 'vitest'
import { readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { findStatusioPageId, statusioSource } from './statusio'
import { type ParseContext, SourceParseError, type SourceTarget } from './types'

const fixture = (name: string) => readFixture(`statusio/${name}`)

const target: SourceTarget = {
  apiUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7',
  statusPageUrl: 'https://status.gitlab.com',
  settings: {},
}
const ctx: ParseContext = { now: new Date('2020-09-05T10:00:00Z'), target }

function snapshot(body: string): StatusSnapshot {
  return snapshotOf(statusioSource.parse({ status: body }, ctx))
}

describe('status.io endpoints and page id discovery', () => {
  it('uses the catalog API URL when it is a status.io API URL', () => {
    expect(statusioSource.endpoints(target)).toEqual([{ key: 'status', url: target.apiUrl }])
  })

  it('fetches the status page HTML when no id is known, then the API once the id is a setting', () => {
    const unknown = { ...target, apiUrl: null }
    expect(statusioSource.endpoints(unknown)).toEqual([{ key: 'page', url: 'https://status.gitlab.com', accept: 'text/html' }])
    expect(statusioSource.endpoints({ ...unknown, apiUrl: 'https://status.gitlab.com/rss' })[0]?.key).toBe('page')
    expect(statusioSource.endpoints({ ...unknown, settings: { pageId: '5b36dc6502d06804c08349f7' } })).toEqual([
      { key: 'status', url: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7' },
    ])
    // A malformed stored id is ignored rather than sent to the API.
    expect(statusioSource.endpoints({ ...unknown, settings: { pageId: 'nope' } })[0]?.key).toBe('page')
  })

  it('returns the id found in the HTML as a setting', () => {
    const html = `<html><link rel="alternate" href="https://status.gitlab.com/pages/5b36dc6502d06804c08349f7/rss">
      <script src="/assets/app-0123456789abcdef01234567.js"></script></html>`
    expect(statusioSource.parse({ page: html }, { ...ctx, target: { ...target, apiUrl: null } })).toEqual({
      kind: 'settings',
      settings: { pageId: '5b36dc6502d06804c08349f7' },
    })
  })

  it('prefers the API and /pages/ patterns over bare hex strings', () => {
    const apiFirst = 'x 0123456789abcdef01234567 <a href="https://api.status.io/1.0/status/5b36dc6502d06804c08349f7">'
    expect(findStatusioPageId(apiFirst)).toBe('5b36dc6502d06804c08349f7')
    expect(findStatusioPageId('<a href="/pages/incident/533c6539221ae15e3f000031/5f108cc06e9c9104c0553a46">')).toBe('533c6539221ae15e3f000031')
    expect(findStatusioPageId('<script>var statuspage_id = "533c6539221ae15e3f000031";</script>')).toBe('533c6539221ae15e3f000031')
  })

  it('accepts a bare 24-hex string only when it is the only one, and never part of a longer hash', () => {
    expect(findStatusioPageId('<div data-x="533c6539221ae15e3f000031"></div>')).toBe('533c6539221ae15e3f000031')
    expect(findStatusioPageId('533c6539221ae15e3f000031 and 5b36dc6502d06804c08349f7')).toBeNull()
    expect(findStatusioPageId('sha 533c6539221ae15e3f000031aabbccdd')).toBeNull()
  })

  it('throws SourceParseError when the page has no id', () => {
    expect(() => statusioSource.parse({ page: '<html><body>Status</body></html>' }, ctx)).toThrow(SourceParseError)
  })
})

describe('status.io Docker partial service disruption (recorded)', () => {
  const s = snapshot(fixture('docker-status-partial-service-disruption.json'))

  it('maps the overall code and keeps upstream words', () => {
    expect(s.status).toBe('partial_outage')
    expect(s.statusText).toBe('Partial Service Disruption')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })

  it('makes one component per single-container entry, keyed by the component id', () => {
    expect(s.groups).toEqual([])
    expect(s.components).toHaveLength(8)
    expect(s.components.find((c) => c.externalId === '5342bc9420974b775d000008')).toMatchObject({
      name: 'Docker Hub Automated Builds',
      status: 'partial_outage',
      groupExternalId: null,
    })
    expect(s.components.filter((c) => c.status === 'operational')).toHaveLength(7)
  })

  it('maps the open incident with its message', () => {
    expect(s.incidents).toHaveLength(1)
    const incident = s.incidents[0]
    expect(incident).toMatchObject({
      externalId: '5f108cc06e9c9104c0553a46',
      title: 'Docker Hub automated builds issue',
      status: 'investigating',
      impact: 'major',
      resolvedAt: null,
      componentExternalIds: ['5342bc9420974b775d000008'],
    })
    expect(incident?.startedAt.toISOString()).toBe('2020-07-16T17:22:08.325Z')
    expect(incident?.updates).toEqual([
      {
        externalId: '5f108cc06e9c9104c0553a46-2020-07-16T17:22:08.369Z',
        status: 'investigating',
        body: 'We are investigating reports of automated builds getting stuck or not getting triggered.',
        publishedAt: new Date('2020-07-16T17:22:08.369Z'),
      },
    ])
    expect(s.maintenances).toEqual([])
  })
})

describe('status.io GitLab planned maintenance (recorded)', () => {
  const s = snapshot(fixture('gitlab-status-planned-maintenance.json'))

  it('maps overall 200 to maintenance and the component under maintenance', () => {
    expect(s.status).toBe('maintenance')
    expect(s.components).toHaveLength(15)
    expect(s.components.find((c) => c.name === 'dashboards.gitlab.com')?.status).toBe('maintenance')
  })

  it('reads the active maintenance window and its latest message', () => {
    expect(s.maintenances).toHaveLength(1)
    const m = s.maintenances[0]
    expect(m).toMatchObject({
      externalId: '5f4e8b7f2250a004bc3453da',
      title: 'Maintenance on dashboards.gitlab.com',
      status: 'in_progress',
      componentExternalIds: ['5f4e8819413cdd04b6882c94'],
    })
    expect(m?.scheduledFor.toISOString()).toBe('2020-09-02T17:55:00.000Z')
    expect(m?.scheduledUntil?.toISOString()).toBe('2020-09-07T17:55:00.000Z')
    expect(m?.startedAt?.toISOString()).toBe('2020-09-02T17:55:00.000Z')
    expect(m?.updatedAt?.toISOString()).toBe('2020-09-05T09:38:00.000Z')
    expect(m?.body).toMatch(/^We are currently performing maintenance on dashboards\.gitlab\.com\.\r\n\r\nThe public dashboards/)
  })

  it('takes the incident status from the latest message state (200 = identified), in any order', () => {
    const incident = s.incidents[0]
    expect(incident).toMatchObject({ externalId: '5f52b8074ef75804bc7d2c3e', status: 'identified', impact: 'major' })
    expect(incident?.title).toBe('500 Error - User Notification Settings')
    expect(incident?.updates.map((u) => u.externalId)).toEqual([
      '5f52b8074ef75804bc7d2c3e-2020-09-04T21:56:00.000Z',
      '5f52b8074ef75804bc7d2c3e-2020-09-05T09:23:23.591Z',
    ])
    const reversed = JSON.parse(fixture('gitlab-status-planned-maintenance.json'))
    reversed.result.incidents[0].messages.reverse()
    const again = snapshot(JSON.stringify(reversed)).incidents[0]
    expect(again?.status).toBe('identified')
    expect(new Set(again?.updates.map((u) => u.externalId))).toEqual(new Set(incident?.updates.map((u) => u.externalId)))
    expect(again?.updatedAt?.toISOString()).toBe('2020-09-05T09:23:23.591Z')
  })
})

describe('status.io GitLab security issue (recorded)', () => {
  const s = snapshot(fixture('gitlab-status-security-issue.json'))

  it('maps the 600 security event to major_outage overall and a critical impact', () => {
    expect(s.status).toBe('major_outage')
    expect(s.statusText).toBe('Security Issue')
    expect(s.components.filter((c) => c.status === 'major_outage')).toHaveLength(5)
    expect(s.incidents[0]).toMatchObject({ impact: 'critical', status: 'identified' })
    expect(s.incidents[0]?.componentExternalIds).toHaveLength(5)
  })
})

describe('status.io components with several containers', () => {
  it('becomes a group with one component per container, and incidents point at the affected containers', () => {
    const body = JSON.parse(fixture('docker-status-partial-service-disruption.json'))
    const entry = body.result.status.find((e: { id: string }) => e.id === '5342bc9420974b775d000008')
    entry.containers.push({ id: '60000000000000000000000a', name: 'GCP', updated: '2020-07-16T17:22:08.444Z', status: 'Operational', status_code: 100 })
    const s = snapshot(JSON.stringify(body))
    expect(s.groups).toEqual([{ externalId: '5342bc9420974b775d000008', name: 'Docker Hub Automated Builds', position: 0 }])
    const children = s.components.filter((c) => c.groupExternalId === '5342bc9420974b775d000008')
    expect(children.map((c) => [c.externalId, c.name, c.status])).toEqual([
      ['5342bc9420974b775d000008/582c71876fb4f24615000489', 'Docker Hub Automated Builds (AWS)', 'partial_outage'],
      ['5342bc9420974b775d000008/60000000000000000000000a', 'Docker Hub Automated Builds (GCP)', 'operational'],
    ])
    expect(s.incidents[0]?.componentExternalIds).toEqual(['5342bc9420974b775d000008/582c71876fb4f24615000489'])
  })
})

describe('status.io unknown values and hostile bodies', () => {
  it('maps unknown codes to unknown, never operational', () => {
    const body = JSON.parse(fixture('docker-status-partial-service-disruption.json'))
    body.result.status_overall.status_code = 700
    body.result.status[0].status_code = 'weird'
    body.result.incidents[0].messages[0].state = 900
    body.result.incidents[0].messages[0].status = 999
    const s = snapshot(JSON.stringify(body))
    expect(s.status).toBe('unknown')
    expect(s.components[0]?.status).toBe('unknown')
    expect(s.incidents[0]).toMatchObject({ status: 'unknown', impact: 'unknown' })
  })

  it.each([
    ['HTML', '<!DOCTYPE html><html></html>'],
    ['empty', ''],
    ['truncated', fixture('docker-status-partial-service-disruption.json').slice(0, 200)],
    ['wrong types', '{"result":{"status_overall":{"status_code":100},"status":"x"}}'],
    ['an API error body', '{"status":{"error":"yes","message":"Page not found"}}'],
  ])('throws SourceParseError on %s', (_label, body) => {
    expect(() => snapshot(body)).toThrow(SourceParseError)
  })
})
