import { describe, expect, it } from 'vitest'
import { incident, iso, readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { GCP_INCIDENTS_URL, WINDOW_DAYS, gcpSource } from './gcp'
import { isIncidentReport } from './gcp-map'
import { SourceParseError, type ParseContext } from './types'

const raw = readFixture('google-cloud/gcp-incidents-2022.json')
type Wire = Record<string, unknown> & { updates: Record<string, unknown>[] }
const wire = () => JSON.parse(raw) as Wire[]

const ctx: ParseContext = {
  now: new Date('2022-07-03T00:00:00Z'),
  target: { apiUrl: GCP_INCIDENTS_URL, statusPageUrl: 'https://status.cloud.google.com/', settings: {} },
}

function parse(body: string | null): StatusSnapshot {
  return snapshotOf(gcpSource.parse({ incidents: body }, ctx))
}
const parseWire = (incidents: unknown[]) => parse(JSON.stringify(incidents))

const BIGQUERY = '9CcrhHUcFevXPSVaSxkf'

/** The BigQuery incident, reopened: no `end`, latest update at `status`. */
function reopened(status: string): Wire[] {
  const all = wire()
  const bq = all.find((i) => i.id === 'TaA75H7XA1DQyM2ReK2f')
  if (!bq) throw new Error('fixture changed')
  delete bq.end
  bq.updates = bq.updates.filter((u) => u.status !== 'AVAILABLE')
  const latest = bq.updates[0]
  if (latest) latest.status = status
  return all
}

describe('gcp endpoints', () => {
  it('polls the catalog URL, defaulting to Google Cloud', () => {
    expect(gcpSource.endpoints({ apiUrl: null, statusPageUrl: 'x', settings: {} })).toEqual([{ key: 'incidents', url: GCP_INCIDENTS_URL }])
    const firebase = 'https://status.firebase.google.com/incidents.json'
    expect(gcpSource.endpoints({ apiUrl: firebase, statusPageUrl: 'x', settings: {} })[0]?.url).toBe(firebase)
  })
})

describe('gcp on the recorded 2022 feed (157 incidents)', () => {
  const s = parse(raw)

  it('maps every incident of the year, all closed, and 60 products as components', () => {
    expect(s.incidents).toHaveLength(157)
    expect(s.incidents.every((i) => i.resolvedAt !== null)).toBe(true)
    expect(s.components).toHaveLength(60)
    // Known only through incidents: a product the history stops naming is not removed.
    expect(s.componentsPartial).toBe(true)
    expect(s.components.every((c) => c.status === 'operational')).toBe(true)
    expect(s.status).toBe('operational')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'recent' })
    expect(s.maintenances).toEqual([])
  })
  it('keys components by product id, named by title, sorted by name', () => {
    const bq = s.components.find((c) => c.externalId === BIGQUERY)
    expect(bq?.name).toBe('Google BigQuery')
    const names = s.components.map((c) => c.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(s.components.map((c) => c.position)).toEqual(s.components.map((_, i) => i))
  })
  it('maps a simple incident: severity low -> minor, UTC times, url, updates oldest first', () => {
    const i = incident(s, 'TaA75H7XA1DQyM2ReK2f')
    expect(i.title).toBe('[Google BigQuery] Lower throughput from the Read API')
    expect(i.impact).toBe('minor')
    expect(i.status).toBe('resolved')
    expect(iso(i.startedAt)).toBe('2022-07-01T13:37:44.000Z')
    expect(iso(i.resolvedAt)).toBe('2022-07-01T19:25:45.000Z')
    expect(i.url).toBe('https://status.cloud.google.com/incidents/TaA75H7XA1DQyM2ReK2f')
    expect(i.componentExternalIds).toEqual([BIGQUERY])
    expect(i.updates).toHaveLength(5)
    const times = i.updates.map((u) => u.publishedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(i.updates[0]?.status).toBe('investigating')
    expect(i.updates[4]?.status).toBe('resolved')
    expect(i.updates[4]?.externalId).toBe('TaA75H7XA1DQyM2ReK2f:2022-07-01T19:25:45.000Z')
    expect(i.postmortem).toBeNull()
  })
  it('detects incident reports as postmortems, the latest (full) one winning', () => {
    const i = incident(s, 'NMcnk6aE8xMHHwRGmyry')
    expect(i.impact).toBe('critical')
    expect(i.status).toBe('postmortem')
    expect(i.updates.map((u) => u.status)).toEqual(['investigating', 'investigating', 'investigating', 'resolved', 'postmortem', 'postmortem', 'postmortem'])
    expect(iso(i.postmortem?.publishedAt)).toBe('2022-01-21T15:56:50.000Z')
    expect(i.postmortem?.body.startsWith('# UPDATED INCIDENT REPORT')).toBe(true)
    expect(iso(i.updatedAt)).toBe('2022-01-21T15:56:50.000Z')
    expect(s.incidents.filter((x) => x.status === 'postmortem')).toHaveLength(15)
  })
  it('keeps long Markdown bodies intact', () => {
    const longest = Math.max(...s.incidents.flatMap((i) => i.updates.map((u) => u.body.length)))
    expect(longest).toBe(8412)
  })
  it('gives unique update ids, independent of upstream order', () => {
    const ids = s.incidents.flatMap((i) => i.updates.map((u) => u.externalId))
    expect(new Set(ids).size).toBe(ids.length)
    const reversed = wire().map((i) => ({ ...i, updates: [...i.updates].reverse() }))
    expect(parseWire(reversed).incidents).toEqual(s.incidents)
  })
})

describe('gcp open incidents', () => {
  it('an open SERVICE_OUTAGE puts its product in major_outage and drives the overall status', () => {
    const s = parseWire(reopened('SERVICE_OUTAGE'))
    const i = incident(s, 'TaA75H7XA1DQyM2ReK2f')
    expect(i.status).toBe('investigating')
    expect(i.resolvedAt).toBeNull()
    expect(s.components.find((c) => c.externalId === BIGQUERY)?.status).toBe('major_outage')
    expect(s.components.filter((c) => c.status !== 'operational')).toHaveLength(1)
    expect(s.status).toBe('major_outage')
  })
  it.each([
    ['SERVICE_DISRUPTION', 'partial_outage'],
    ['SERVICE_INFORMATION', 'degraded'],
    ['SOMETHING_NEW', 'unknown'],
  ])('latest update %s -> component %s', (status, expected) => {
    const s = parseWire(reopened(status))
    expect(s.components.find((c) => c.externalId === BIGQUERY)?.status).toBe(expected)
    expect(s.status).toBe(expected)
  })
  it('an open incident whose latest update is AVAILABLE is monitoring and its product operational', () => {
    const all = reopened('AVAILABLE')
    const s = parseWire(all)
    expect(incident(s, 'TaA75H7XA1DQyM2ReK2f').status).toBe('monitoring')
    expect(s.components.find((c) => c.externalId === BIGQUERY)?.status).toBe('operational')
  })
  it('an unknown severity is unknown impact', () => {
    const all = wire()
    const first = all[0]
    if (first) first.severity = 'catastrophic'
    expect(parseWire(all).incidents[0]?.impact).toBe('unknown')
  })
})

describe('gcp history window', () => {
  it(`drops closed incidents whose last activity is more than ${WINDOW_DAYS} days before the newest, keeps open ones`, () => {
    const old = (id: string, end: boolean) => ({
      id,
      begin: '2020-01-01T00:00:00+00:00',
      modified: '2020-01-02T00:00:00+00:00',
      ...(end ? { end: '2020-01-02T00:00:00+00:00' } : {}),
      external_desc: id,
      severity: 'low',
      affected_products: [{ id: 'oldProduct', title: 'Old Product' }],
      updates: [{ created: '2020-01-01T00:00:00+00:00', when: '2020-01-01T00:00:00+00:00', status: 'SERVICE_DISRUPTION', text: 'x' }],
    })
    const s = parseWire([...wire(), old('ancient-closed', true), old('ancient-open', false)])
    expect(s.incidents.map((i) => i.externalId)).not.toContain('ancient-closed')
    expect(incident(s, 'ancient-open').status).toBe('investigating')
    // The product list still comes from the whole feed.
    expect(s.components.find((c) => c.externalId === 'oldProduct')?.status).toBe('partial_outage')
  })
})

describe('isIncidentReport', () => {
  it.each([
    ['# Incident Report\n**Summary:**', true],
    ['## PRELIMINARY INCIDENT REPORT ##\nWe apologize', true],
    ['**Mini Incident Report**\nWe apologize', true],
    ['INCIDENT REPORT (Combined GCP / WS)\nSummary', true],
    ['Mini Incident Report while full Incident Report is prepared', true],
    ['# UPDATED INCIDENT REPORT', true],
    ['The Incident Report is now available on the Google Cloud Status Dashboard', false],
    ['Please refer to the following for the mini incident report:\nhttps://…', false],
    ['Summary: issue resolved.\n# Incident Report', false],
  ])('%j -> %s', (text, expected) => {
    expect(isIncidentReport(text)).toBe(expected)
  })
})

describe('gcp rejects bodies that are not the incidents feed', () => {
  it.each([
    ['HTML', '<!doctype html><html><body>Error 502</body></html>'],
    ['empty', ''],
    ['truncated', raw.slice(0, 10_000)],
    ['an object, not an array', '{"incidents": []}'],
    ['wrong types', '[{"id": 5, "begin": "2022-01-01T00:00:00+00:00"}]'],
    ['unreadable begin', '[{"id": "x", "begin": "soon"}]'],
    ['updates not a list', '[{"id": "x", "begin": "2022-01-01T00:00:00+00:00", "updates": "x"}]'],
  ])('%s', (_name, body) => {
    expect(() => parse(body)).toThrow(SourceParseError)
  })
})
