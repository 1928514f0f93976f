import { describe, expect, it } from 'vitest'
import { incident, iso, readFixture as fixture, snapshotOf, statusOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { AWS_CURRENT_EVENTS_URL, awsSource } from './aws'
import { parseAwsLegacyDataJson, splitLegacyDescription } from './aws-legacy'
import { repairUtf16, worstImpact } from './aws-levels'
import { SourceParseError, type ParseContext } from './types'

const synthetic = fixture('aws/synthetic-currentevents-open-and-resolved.json')
const ctx: ParseContext = { now: new Date('2030-01-01T00:00:00Z'), target: { apiUrl: null, statusPageUrl: 'https://health.aws.amazon.com/health/status', settings: {} } }
const ARN = 'arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_SYNTH1'

function parse(events: string | null): StatusSnapshot {
  return snapshotOf(awsSource.parse({ events }, ctx))
}

describe('aws endpoints', () => {
  it('polls public/currentevents', () => {
    expect(awsSource.endpoints(ctx.target)).toEqual([{ key: 'events', url: AWS_CURRENT_EVENTS_URL }])
  })
})

describe('aws currentevents (synthetic, docs/status-page-formats.md §4.2)', () => {
  const s = parse(synthetic)

  it('an open event sets its services to their current level; a resolved one leaves them operational', () => {
    expect(statusOf(s, 'ec2-us-east-1')).toBe('partial_outage') // level 2
    expect(statusOf(s, 'autoscaling-us-east-1')).toBe('degraded') // level 1
    expect(statusOf(s, 'ec2-us-west-2')).toBe('operational')
    expect(statusOf(s, 'internetconnectivity-us-west-2')).toBe('operational')
    expect(s.status).toBe('partial_outage')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })
  it('groups components by region and names them with it', () => {
    expect(s.groups.map((g) => g.name)).toEqual(['N. Virginia', 'Oregon'])
    const ec2 = s.components.find((c) => c.externalId === 'ec2-us-east-1')
    expect(ec2?.name).toBe('Amazon Elastic Compute Cloud (N. Virginia)')
    expect(ec2?.groupExternalId).toBe('region:N. Virginia')
  })
  it('maps the open event: arn id, epoch-second times, log entries as updates', () => {
    const i = incident(s, ARN)
    expect(i.title).toBe('Increased API Error Rates')
    expect(i.status).toBe('investigating')
    expect(i.impact).toBe('major')
    expect(iso(i.startedAt)).toBe('2026-03-01T12:51:25.000Z')
    expect(i.resolvedAt).toBeNull()
    expect(i.componentExternalIds).toEqual(['ec2-us-east-1', 'autoscaling-us-east-1'])
    expect(i.updates.map((u) => [u.externalId, u.status, iso(u.publishedAt)])).toEqual([
      [`${ARN}#2026-03-01T12:51:25.000Z`, 'investigating', '2026-03-01T12:51:25.000Z'],
      [`${ARN}#2026-03-01T13:21:25.000Z`, 'investigating', '2026-03-01T13:21:25.000Z'],
    ])
  })
  it('maps the resolved event (numeric status 0, no arn): resolved at end_time', () => {
    const i = incident(s, 'internetconnectivity-us-west-2:1678726651')
    expect(i.status).toBe('resolved')
    expect(iso(i.resolvedAt)).toBe('2023-03-13T17:11:16.000Z')
    expect(i.impact).toBe('minor')
    expect(i.updates[0]?.status).toBe('resolved')
  })
  it('gives the same snapshot whatever the order of events and log entries', () => {
    const wire = JSON.parse(synthetic) as { event_log: unknown[] }[]
    const shuffled = wire.reverse().map((e) => ({ ...e, event_log: [...e.event_log].reverse() }))
    const again = parse(JSON.stringify(shuffled))
    expect(again.components).toEqual(s.components)
    expect(incident(again, ARN)).toEqual(incident(s, ARN))
  })
  it('an empty array is all clear', () => {
    const empty = parse('[]')
    expect(empty.status).toBe('operational')
    expect(empty.incidents).toEqual([])
    expect(empty.components).toEqual([])
  })
  it('an unknown level is unknown, never operational', () => {
    const wire = JSON.parse(synthetic) as Record<string, unknown>[]
    const odd = { ...wire[0], status: '7', impacted_services: { 'ec2-us-east-1': { service_name: 'EC2', current: '7' } }, event_log: [] }
    const s2 = parse(JSON.stringify([odd]))
    expect(statusOf(s2, 'ec2-us-east-1')).toBe('unknown')
    expect(s2.status).toBe('unknown')
    expect(s2.incidents[0]?.impact).toBe('unknown')
    expect(worstImpact(['0', '7'])).toBe('unknown')
    expect(worstImpact(['2', '7'])).toBe('major')
  })
})

describe('aws UTF-16 bodies', () => {
  it('parses a correctly decoded body that kept its BOM', () => {
    expect(parse(`\uFEFF${synthetic}`).incidents).toHaveLength(2)
  })
  it('repairs a UTF-16LE body that was read as Latin-1 or UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(synthetic, 'utf16le')])
    expect(parse(bytes.toString('latin1')).incidents).toHaveLength(2)
    expect(repairUtf16(bytes.toString('utf8')).startsWith('[')).toBe(true)
  })
  it('repairs UTF-16BE too and leaves ordinary text alone', () => {
    const le = Buffer.from('[{"a":"é"}]', 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(repairUtf16(Buffer.concat([Buffer.from([0xfe, 0xff]), be]).toString('latin1'))).toBe('[{"a":"é"}]')
    expect(repairUtf16('[{"a":"é"}]')).toBe('[{"a":"é"}]')
  })
})

describe('aws rejects bodies that are not currentevents', () => {
  it.each([
    ['HTML', '<!DOCTYPE html><html><body>AWS Health Dashboard</body></html>'],
    ['empty', ''],
    ['truncated', synthetic.slice(0, 500)],
    ['an object, not an array', '{"current": [], "archive": []}'],
    ['wrong types', '[{"date": "1772369485", "service": 5, "status": "1"}]'],
    ['unreadable date', '[{"date": "soon", "service": "ec2-us-east-1", "status": "1"}]'],
  ])('%s', (_name, body) => {
    expect(() => parse(body)).toThrow(SourceParseError)
  })
})

describe('aws legacy data.json (recorded 2021, retired format)', () => {
  const s = parseAwsLegacyDataJson(fixture('aws/aws-status-data-json-legacy-2021.json'))

  it('maps 86 archived items as resolved incidents and their services as operational components', () => {
    expect(s.incidents).toHaveLength(86)
    expect(s.incidents.every((i) => i.status === 'resolved' && i.resolvedAt !== null)).toBe(true)
    expect(s.components).toHaveLength(63)
    expect(s.components.every((c) => c.status === 'operational')).toBe(true)
    expect(s.status).toBe('operational')
  })
  it('splits the HTML description into dated updates (PDT, rolling past midnight UTC)', () => {
    const i = incident(s, 'certificatemanager-us-east-1:1624993969')
    expect(i.title).toBe('Increased API Error Rates and Latency') // "[RESOLVED] " dropped
    expect(i.impact).toBe('critical') // status "3"
    expect(iso(i.startedAt)).toBe('2021-06-29T19:12:49.000Z')
    expect(i.updates).toHaveLength(10)
    expect(iso(i.updates[0]?.publishedAt)).toBe('2021-06-29T19:12:00.000Z') // 12:12 PM PDT
    expect(iso(i.updates[7]?.publishedAt)).toBe('2021-06-30T00:47:00.000Z') // 5:47 PM PDT
    expect(iso(i.resolvedAt)).toBe('2021-06-30T02:46:00.000Z')
    expect(i.updates[9]?.status).toBe('resolved')
    expect(i.updates[0]?.body).toBe('We are investigating increased API latency and error rates in the US-EAST-1 Region.')
  })
  it('maps current[] items as open incidents that colour their service', () => {
    const wire = JSON.parse(fixture('aws/aws-status-data-json-legacy-2021.json')) as { archive: Record<string, unknown>[] }
    const first = wire.archive[0]
    if (!first) throw new Error('fixture changed')
    const open = parseAwsLegacyDataJson(JSON.stringify({ archive: wire.archive.slice(1), current: [{ ...first, status: '2', summary: 'Connectivity issues' }] }))
    const i = incident(open, 'internetconnectivity-us-east-2:1624564393')
    expect(i.status).toBe('investigating')
    expect(i.resolvedAt).toBeNull()
    expect(open.components.find((c) => c.externalId === 'internetconnectivity-us-east-2')?.status).toBe('partial_outage')
    expect(open.status).toBe('partial_outage')
  })
  it('moves to the next day when the clock goes backwards', () => {
    const html = '<div><span class="yellowfg">11:50 PM PST</span>&nbsp;a</div><div><span class="yellowfg"> 1:10 AM PST</span>&nbsp;b</div>'
    const steps = splitLegacyDescription(html, new Date('2021-12-01T07:50:30Z'))
    expect(steps.map((st) => [iso(st.at), st.body])).toEqual([
      ['2021-12-01T07:50:00.000Z', 'a'],
      ['2021-12-01T09:10:00.000Z', 'b'],
    ])
  })
  it('rejects an HTML body', () => {
    expect(() => parseAwsLegacyDataJson('<html></html>')).toThrow(SourceParseError)
  })
})
