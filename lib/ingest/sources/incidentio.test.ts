import { describe, expect, it } from 'vitest'
import { incident, iso, readFixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { incidentioSource } from './incidentio'
import { readSnapshot } from './read-snapshot'
import { SourceParseError, type ParseContext } from './types'

// openai-summary-statuspage-compat.json is recorded; the synthetic-*.json fixtures are built from
// docs/status-page-formats.md §3.1 (see fixtures/SOURCES.md) and reuse the recorded component ids.
const fixture = (name: string) => readFixture(`incidentio/${name}`)
const compat = fixture('openai-summary-statuspage-compat.json')
const recentIncidents = fixture('synthetic-incidents-statuspage-compat.json')
const widget = fixture('synthetic-widget-proxy-grouped-outage.json')

const ctx: ParseContext = {
  now: new Date('2030-01-01T00:00:00Z'),
  target: { apiUrl: 'https://status.openai.com/api/v2/summary.json', statusPageUrl: 'https://status.openai.com', settings: {} },
}

const ID = {
  realtime: '01JMXBRMFEQW613TFE89F45035',
  batch: '01JMXBRMFE5ESNNV8JDHVCGSRD',
  embeddings: '01JMXBRMFEV0AJ0VVS68N9CD6R',
  moderations: '01JMXBRMFEVZ7E0X9GD9FWR9WX',
  login: '01JSM5RTJWHRWDTS6Q604VEW3B',
  images: '01JMXBRMFE4MAP2BHSJNZ787WX',
  files: '01JMXBRMFESJCBGJR10PDD3WCQ',
  fedramp: '01KKAD7C71MCCH3FTREMJH4AAS',
  realtimeIncident: '01KXSYNTH1NC1DENTREA1T1ME0',
  batchIncident: '01KXSYNTH1NC1DENTBATCH0000',
}

function parse(bodies: Record<string, string | null>): StatusSnapshot {
  return snapshotOf(incidentioSource.parse(bodies, ctx))
}


/** The recorded compatible summary with another indicator (the recording is all-operational). */
function compatWith(indicator: string): string {
  return JSON.stringify({ ...(JSON.parse(compat) as object), status: { indicator, description: 'Partial System Outage' } })
}

function widgetWith(patch: Record<string, unknown>): string {
  const raw = JSON.parse(widget) as { summary: Record<string, unknown> }
  return JSON.stringify({ summary: { ...raw.summary, ...patch } })
}


describe('incident.io endpoints', () => {
  it('asks for the compatible summary and incidents, and the native widget', () => {
    expect(incidentioSource.endpoints(ctx.target)).toEqual([
      { key: 'summary', url: 'https://status.openai.com/api/v2/summary.json' },
      { key: 'incidents', url: 'https://status.openai.com/api/v2/incidents.json', optional: true },
      { key: 'widget', url: 'https://status.openai.com/proxy/status.openai.com', optional: true },
    ])
  })
})

describe('incident.io without the widget', () => {
  it('falls back to the compatible summary alone, marked as a sample', () => {
    const s = parse({ summary: compat, incidents: null, widget: null })
    expect(s.status).toBe('operational')
    expect(s.groups).toEqual([])
    expect(s.components).toHaveLength(25)
    // 25 of OpenAI's components, in the sample's order: proves no absence, says nothing of layout.
    expect(s).toMatchObject({ componentsPartial: true, componentLayoutUnknown: true })
    expect(s.maintenances).toEqual([])
    expect(s.coverage).toEqual({ incidents: 'recent', maintenances: 'recent' })
  })

  it('reads a list shorter than the sample size as the page\'s every component (its absences count)', () => {
    const raw = JSON.parse(compat) as { components: unknown[] }
    const small = parse({ summary: JSON.stringify({ ...raw, components: raw.components.slice(0, 24) }), incidents: null, widget: null })
    expect(small.components).toHaveLength(24)
    expect(small.componentsPartial).toBeUndefined()
    expect(small.componentLayoutUnknown).toBe(true)
  })
})

describe('incident.io with the widget', () => {
  it('takes groups, hierarchy and statuses from the widget, leaving out what the page hides', () => {
    const s = parse({ summary: compatWith('major'), widget })
    expect(s.status).toBe('partial_outage')
    expect(s.groups).toEqual([
      { externalId: '01KXSYNTHGR0VPAP1S00000000', name: 'API', position: 0 },
      { externalId: '01KXSYNTHGR0VPCHATGPT00000', name: 'ChatGPT', position: 1 },
    ])
    const status = new Map(s.components.map((c) => [c.externalId, c.status]))
    expect(Object.fromEntries(status)).toEqual({
      [ID.realtime]: 'major_outage', // full_outage
      [ID.batch]: 'degraded',
      [ID.embeddings]: 'maintenance',
      [ID.moderations]: 'unknown', // a status this build does not know
      [ID.login]: 'partial_outage',
      '01JMXBNJXGGT5SR5DB9J7GYY48': 'operational', // not in affected_components
      [ID.images]: 'operational',
      [ID.fedramp]: 'operational',
    })
    expect(s.components.find((c) => c.externalId === ID.login)).toMatchObject({ name: 'Login', groupExternalId: '01KXSYNTHGR0VPCHATGPT00000', position: 0 })
    expect(s.components.find((c) => c.externalId === ID.fedramp)).toMatchObject({ groupExternalId: null, position: 3 })
  })

  it('lists the ongoing incidents when incidents.json is missing, as active coverage', () => {
    const s = parse({ summary: compat, incidents: null, widget })
    expect(s.coverage.incidents).toBe('active')
    expect(s.incidents).toHaveLength(2)
    const realtime = incident(s, ID.realtimeIncident)
    expect(realtime).toMatchObject({ status: 'identified', impact: 'major', resolvedAt: null, componentExternalIds: [ID.realtime, ID.login] })
    expect(iso(realtime.startedAt)).toBe('2026-07-10T14:02:11.000Z')
    expect(realtime.updates.map((u) => [u.externalId, iso(u.publishedAt)])).toEqual([
      ['01KXSYNTHUPD0000000000001A', '2026-07-10T14:02:11.000Z'],
      ['01KXSYNTHUPD0000000000002A', '2026-07-10T14:40:00.000Z'], // 16:40+02:00
    ])
    const batch = incident(s, ID.batchIncident)
    expect(batch).toMatchObject({ impact: 'minor', url: `https://status.openai.com/incidents/${ID.batchIncident}` })
    // No update id upstream: derived from the incident and the time, so an edited body keeps it.
    expect(batch.updates[0]?.externalId).toBe(`${ID.batchIncident}@2026-07-10T15:30:00.000Z`)
  })

  it('prefers the compatible incident history and adds the widget components it lacks', () => {
    const s = parse({ summary: compat, incidents: recentIncidents, widget })
    expect(s.coverage.incidents).toBe('active')
    expect(s.incidents.map((i) => i.externalId).sort()).toEqual([ID.batchIncident, ID.realtimeIncident, '01KXSYNTH1NC1DENTRES0LVED0'].sort())
    const realtime = incident(s, ID.realtimeIncident)
    expect(realtime.componentExternalIds).toEqual([ID.realtime, ID.login])
    expect(realtime.updates.map((u) => u.body)).toEqual([
      'We are investigating elevated error rates on the Realtime API.',
      'We have identified the cause and are rolling out a fix.',
    ])
    expect(iso(incident(s, '01KXSYNTH1NC1DENTRES0LVED0').resolvedAt)).toBe('2026-07-08T10:12:00.000Z')
  })

  it('reads running and upcoming maintenances from the widget, converting offsets to UTC', () => {
    const s = parse({ summary: compat, widget })
    expect(s.coverage.maintenances).toBe('active')
    const running = s.maintenances.find((m) => m.externalId === '01KXSYNTHMA1NTENANCEEMB000')
    expect(running).toMatchObject({ status: 'in_progress', impact: 'none', body: 'The migration is under way.', componentExternalIds: [ID.embeddings] })
    expect(iso(running?.scheduledFor)).toBe('2026-07-10T13:00:00.000Z') // 15:00+02:00
    expect(iso(running?.startedAt)).toBe('2026-07-10T13:00:00.000Z')
    expect(iso(running?.scheduledUntil)).toBe('2026-07-10T15:00:00.000Z')
    const upcoming = s.maintenances.find((m) => m.externalId === '01KXSYNTHMA1NTENANCEF1LES0')
    expect(upcoming).toMatchObject({ status: 'scheduled', startedAt: null, url: 'https://status.openai.com/incidents/01KXSYNTHMA1NTENANCEF1LES0' })
    // Files sits in a hidden group, so it is not a component of this snapshot.
    expect(upcoming?.componentExternalIds).toEqual([])
  })

  it('lists a component the structure does not place as ungrouped, and never one the page hides', () => {
    const raw = JSON.parse(widget) as { summary: { components: { id: string; name: string }[] } }
    raw.summary.components.push({ id: '01KXSYNTHUNGR0UPED0000000', name: 'Status API' })
    const s = parse({ summary: compat, widget: JSON.stringify(raw) })
    expect(s.components.find((c) => c.externalId === '01KXSYNTHUNGR0UPED0000000')).toMatchObject({ name: 'Status API', groupExternalId: null, status: 'operational' })
    // Files sits in the hidden "Internal" group: placed, hidden, not listed.
    expect(s.components.map((c) => c.externalId)).not.toContain(ID.files)
  })

  it('reads a maintenance that names its start scheduled_start_at', () => {
    const body = widgetWith({
      scheduled_maintenances: [{ id: 'm1', name: 'DB upgrade', status: 'maintenance_scheduled', scheduled_start_at: '2030-01-02T10:00:00Z', scheduled_end_at: '2030-01-02T11:00:00Z' }],
      in_progress_maintenances: [],
    })
    const s = parse({ summary: compat, widget: body })
    expect(s.maintenances.map((m) => [m.externalId, m.status, iso(m.scheduledFor), m.scheduledUntil && iso(m.scheduledUntil)])).toEqual([
      ['m1', 'scheduled', '2030-01-02T10:00:00.000Z', '2030-01-02T11:00:00.000Z'],
    ])
  })

  it('keeps components with the same name apart by id, each under its own group', () => {
    const raw = JSON.parse(widget) as { summary: { structure: { items: unknown[] } } }
    const loginElsewhere = { component_id: '01KXSYNTH0L0G1NSORA0000000', name: 'Login' }
    raw.summary.structure.items.push({ group: { id: 'g-sora', name: 'Sora', components: [loginElsewhere, { component_id: ID.login, name: 'Login' }] } })
    const s = parse({ summary: compat, widget: JSON.stringify(raw) })
    const logins = s.components.filter((c) => c.name === 'Login')
    const groupName = (id: string | null | undefined) => s.groups.find((g) => g.externalId === id)?.name
    // The second "Login" is its own component; the first, placed twice, keeps its first place.
    expect(logins.map((c) => [c.externalId, groupName(c.groupExternalId)])).toEqual([
      [ID.login, 'ChatGPT'],
      [loginElsewhere.component_id, 'Sora'],
    ])
    expect(s.componentsPartial).toBeUndefined()
    expect(s.componentLayoutUnknown).toBeUndefined()
  })

  it('overlays widget statuses on the compatible components when the widget has no structure', () => {
    const s = parse({ summary: compat, widget: widgetWith({ structure: null }) })
    expect(s.groups).toEqual([])
    // The compatible sample plus every component the widget names: the whole list, without layout.
    expect(s.components.length).toBeGreaterThanOrEqual(25)
    expect(s.componentsPartial).toBeUndefined()
    expect(s.componentLayoutUnknown).toBe(true)
    expect(s.components.find((c) => c.externalId === ID.realtime)?.status).toBe('major_outage')
    expect(s.components.find((c) => c.externalId === ID.images)?.status).toBe('operational')
  })

  it('lets an open outage win over a "maintenance" indicator', () => {
    expect(parse({ summary: compatWith('maintenance'), widget }).status).toBe('major_outage')
  })
})

describe('incident.io hostile input', () => {
  it.each([
    ['HTML', '<html><body>Just a moment...</body></html>'],
    ['an empty body', '   '],
    ['truncated JSON', widget.slice(0, 300)],
    ['a body without summary', '{}'],
    ['structure of the wrong type', widgetWith({ structure: 'x' })],
  ])('reads a widget with %s as no widget: the compatible reading, with a read warning', (_, body) => {
    const out = readSnapshot(incidentioSource, { summary: compat, widget: body }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.components).toHaveLength(25)
    expect(out.snapshot.groups).toEqual([])
    expect(out.snapshot).toMatchObject({ componentsPartial: true, componentLayoutUnknown: true })
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'incident.io widget', count: 1 })])
  })

  it('leaves out (and counts) a maintenance without any time instead of failing the vendor', () => {
    const body = widgetWith({ scheduled_maintenances: [{ id: 'm', name: 'M', status: 'maintenance_scheduled' }] })
    const out = readSnapshot(incidentioSource, { summary: compat, widget: body }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.maintenances.map((m) => m.externalId)).not.toContain('m')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'incident.io maintenance', count: 1 })])
  })

  it('rejects a broken compatible summary even when the widget is fine', () => {
    expect(() => parse({ summary: '<!DOCTYPE html>', widget })).toThrow(SourceParseError)
    expect(() => parse({ summary: JSON.stringify({ status: { indicator: 'none' }, components: 'x' }), widget })).toThrow(SourceParseError)
  })

  it('maps unknown widget values to unknown', () => {
    const s = parse({
      summary: compat,
      widget: widgetWith({
        ongoing_incidents: [{ id: 'i', name: 'I', status: 'brewing', published_at: '2026-07-10T10:00:00Z', current_worst_impact: 'cosmic' }],
        in_progress_maintenances: [{ id: 'm', name: 'M', status: 'maintenance_paused', started_at: '2026-07-10T10:00:00Z' }],
        scheduled_maintenances: [],
      }),
    })
    expect(incident(s, 'i')).toMatchObject({ status: 'unknown', impact: 'unknown' })
    expect(s.maintenances).toHaveLength(1)
    expect(s.maintenances[0]?.status).toBe('unknown')
  })
})
