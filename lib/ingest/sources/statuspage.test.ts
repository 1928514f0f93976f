import { describe, expect, it } from 'vitest'
import { incident, iso, readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { readSnapshot } from './read-snapshot'
import { parseStatuspageIncident, statuspageSource } from './statuspage'
import { SourceParseError, type ParseContext } from './types'

const sp = (name: string) => fixture(`statuspage/${name}`)
const json = (text: string) => JSON.parse(text) as Record<string, unknown>

const ctx: ParseContext = {
  now: new Date('2030-01-01T00:00:00Z'),
  target: { apiUrl: 'https://www.githubstatus.com/api/v2/summary.json', statusPageUrl: 'https://www.githubstatus.com', settings: {} },
}

function parse(bodies: Record<string, string | null>): StatusSnapshot {
  return snapshotOf(statuspageSource.parse(bodies, ctx))
}



describe('statuspage endpoints', () => {
  it('asks for the summary plus the any-state incident and maintenance lists beside it', () => {
    expect(statuspageSource.endpoints(ctx.target)).toEqual([
      { key: 'summary', url: 'https://www.githubstatus.com/api/v2/summary.json' },
      { key: 'incidents', url: 'https://www.githubstatus.com/api/v2/incidents.json', optional: true },
      { key: 'maintenances', url: 'https://www.githubstatus.com/api/v2/scheduled-maintenances.json', optional: true },
    ])
  })
  it('derives the summary URL from the status page when the catalog has no apiUrl', () => {
    const [summary] = statuspageSource.endpoints({ apiUrl: null, statusPageUrl: 'https://status.example.com', settings: {} })
    expect(summary?.url).toBe('https://status.example.com/api/v2/summary.json')
  })
})

describe('statuspage summary.json', () => {
  it('reads an all-operational page', () => {
    const s = parse({ summary: sp('github-summary-operational.json') })
    expect(s.status).toBe('operational')
    expect(s.statusText).toBe('All Systems Operational')
    expect(s.components).toHaveLength(12)
    expect(new Set(s.components.map((c) => c.status))).toEqual(new Set(['operational']))
    expect(s.groups).toEqual([])
    expect(s.incidents).toEqual([])
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })

  it('maps Twilio groups to NormalizedGroups, converts -07:00 times to UTC and keeps only_show_if_degraded', () => {
    const s = parse({ summary: sp('twilio-summary-component-groups-degraded.json') })
    expect(s.status).toBe('degraded') // indicator "minor"
    expect(s.groups).toHaveLength(8)
    expect(s.groups.find((g) => g.externalId === 'j8hlnyphbbs0')?.name).toBe('CARRIER NETWORK')
    expect(s.components).toHaveLength(65) // 73 rows minus the 8 groups
    expect(s.components.some((c) => s.groups.some((g) => g.externalId === c.externalId))).toBe(false)
    expect(s.components.find((c) => c.externalId === '39mb8cmw8y2v')).toMatchObject({
      name: 'SMS Short Code, North America',
      status: 'degraded',
      groupExternalId: 'j8hlnyphbbs0',
    })
    expect(s.components.find((c) => c.externalId === 'b81y83zrvglj')).toMatchObject({ onlyShowIfDegraded: true, groupExternalId: 't26k1dqws96h' })

    const sprint = incident(s, 'r0f0vdz8vrgm')
    expect(sprint).toMatchObject({ status: 'monitoring', impact: 'minor', resolvedAt: null, url: 'http://stspg.io/xwv6rz0r1yll' })
    expect(iso(sprint.startedAt)).toBe('2020-06-16T13:41:44.672Z') // 06:41:44.672-07:00
    expect(iso(sprint.updatedAt)).toBe('2020-06-16T19:09:47.186Z')
    expect([...sprint.componentExternalIds].sort()).toEqual(['39mb8cmw8y2v', 'd1j2nx64rpq3', 'h0fl7prwfhvm', 'yvvy3vlp4djf'])
    expect(sprint.updates).toHaveLength(5)
    expect(iso(sprint.updates.at(-1)?.publishedAt)).toBe('2020-06-16T19:09:47.174Z')

    expect(s.maintenances).toHaveLength(9)
    const m = s.maintenances.find((x) => x.externalId === '9szb6ydlg10w')
    expect(m).toMatchObject({ status: 'scheduled', impact: 'none', startedAt: null, completedAt: null })
    expect(iso(m?.scheduledFor)).toBe('2020-06-16T23:00:00.000Z')
    expect(iso(m?.scheduledUntil)).toBe('2020-06-17T03:00:00.000Z')
  })

  it('reads a major outage with an open critical incident of 35 updates', () => {
    const s = parse({ summary: sp('github-summary-major-outage-35-updates.json') })
    expect(s.status).toBe('partial_outage') // indicator "major"
    expect(s.components.find((c) => c.name === 'Copilot')?.status).toBe('major_outage')
    const i = incident(s, 'zkxwbgr0cnmx')
    expect(i).toMatchObject({ status: 'investigating', impact: 'critical', resolvedAt: null, url: 'https://stspg.io/y1fl26l6wpzr' })
    expect(i.componentExternalIds).toHaveLength(8)
    expect(new Set(i.updates.map((u) => u.externalId)).size).toBe(35)
    const times = i.updates.map((u) => u.publishedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('tells degraded_performance and major_outage apart', () => {
    const s = parse({ summary: sp('github-summary-degraded-and-major-outage.json') })
    const byName = new Map(s.components.map((c) => [c.name, c.status]))
    expect(byName.get('Issues')).toBe('degraded')
    expect(byName.get('Copilot')).toBe('major_outage')
  })

  it('keeps a component outage reported without any incident', () => {
    const s = parse({ summary: sp('github-summary-partial-outage-without-incident.json') })
    expect(s.status).toBe('degraded')
    expect(s.incidents).toEqual([])
    expect(s.components.filter((c) => c.status === 'partial_outage')).toHaveLength(1)
  })

  it('does not let a "maintenance" indicator hide a concurrent open incident (edge case 8)', () => {
    const s = parse({ summary: sp('github-summary-incident-plus-maintenance.json') })
    expect(s.statusText).toBe('Service Under Maintenance')
    expect(s.status).toBe('partial_outage') // the open incident has impact "major"
    expect(incident(s, 'p1rf575rlqml').impact).toBe('major')
    const m = s.maintenances[0]
    expect(m).toMatchObject({ externalId: 'nwjwwhj118sf', status: 'in_progress', componentExternalIds: ['h2ftsgbw7kmk'] })
    expect(iso(m?.startedAt)).toBe('2025-05-29T21:30:21.445Z') // the in_progress update, not started_at (creation)
    expect(m?.body).toMatch(/^Scheduled maintenance is currently in progress/)
  })

  it('reports maintenance when maintenance is all there is', () => {
    const s = parse({ summary: sp('github-summary-maintenance-in-progress.json') })
    expect(s.status).toBe('maintenance')
    expect(s.components.find((c) => c.externalId === 'h2ftsgbw7kmk')?.status).toBe('maintenance')
    const cloudamqp = parse({ summary: sp('cloudamqp-summary-under-maintenance.json') })
    expect(cloudamqp.status).toBe('maintenance')
    expect(cloudamqp.maintenances[0]?.title).toBe('Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”')
  })

  it('reads an upcoming maintenance as scheduled and not started', () => {
    const s = parse({ summary: sp('github-summary-scheduled-maintenance-upcoming.json') })
    expect(s.status).toBe('operational')
    expect(s.maintenances[0]).toMatchObject({ status: 'scheduled', startedAt: null, impact: 'none' })
    expect(iso(s.maintenances[0]?.scheduledFor)).toBe('2025-05-29T21:30:00.000Z')
  })
})

describe('statuspage incidents.json and scheduled-maintenances.json', () => {
  const single = (name: string) => json(sp(name)).incident as Record<string, unknown>
  const incidentsBody = (...incidents: unknown[]) => JSON.stringify({ page: { id: 'kctbh9vrtdwd' }, incidents })

  it('merges the recent list with the summary, keeping the copy updated last', () => {
    const older = (json(sp('github-summary-degraded-and-major-outage.json')).incidents as unknown[])[0] // 32 updates
    const resolved = single('github-incident-rgy28jwprr1c-critical-full-lifecycle.json')
    const s = parse({ summary: sp('github-summary-major-outage-35-updates.json'), incidents: incidentsBody(older, resolved) })
    // The summary lists every open incident; the recent list adds ended ones: still 'active'.
    expect(s.coverage.incidents).toBe('active')
    expect(s.incidents).toHaveLength(2)
    expect(incident(s, 'zkxwbgr0cnmx').updates).toHaveLength(35) // the summary's copy is newer
    expect(iso(incident(s, 'rgy28jwprr1c').resolvedAt)).toBe('2019-09-23T16:37:46.707Z')

    const newer = (json(sp('github-summary-major-outage-35-updates.json')).incidents as unknown[])[0]
    const flipped = parse({ summary: sp('github-summary-degraded-and-major-outage.json'), incidents: incidentsBody(newer) })
    expect(incident(flipped, 'zkxwbgr0cnmx').updates).toHaveLength(35) // now the list's copy is newer
  })

  it('reads a published postmortem and treats status "postmortem" as resolved', () => {
    const raw = { ...single('github-incident-rgy28jwprr1c-critical-full-lifecycle.json'), status: 'postmortem' }
    const withPostmortem = { ...raw, postmortem_body: '  ## What happened\n\nA config push.  ', postmortem_published_at: '2019-09-25T10:00:00-07:00' }
    const s = parse({ summary: sp('github-summary-operational.json'), incidents: incidentsBody(withPostmortem) })
    const i = incident(s, 'rgy28jwprr1c')
    expect(i.status).toBe('postmortem')
    expect(iso(i.resolvedAt)).toBe('2019-09-23T16:37:46.707Z')
    expect(i.postmortem?.body).toBe('## What happened\n\nA config push.')
    expect(iso(i.postmortem?.publishedAt)).toBe('2019-09-25T17:00:00.000Z')
    const draft = parse({ summary: sp('github-summary-operational.json'), incidents: incidentsBody({ ...raw, status: 'resolved', postmortem_body: 'draft' }) })
    expect(incident(draft, 'rgy28jwprr1c').postmortem).toBeNull()
  })

  it('reads scheduled-maintenances.json through verifying to completed', () => {
    const recorded = json(sp('claude-scheduled-maintenances-completed-verifying.json'))
    const items = recorded.scheduled_maintenances as { components: { id: string }[] }[]
    const components = [...new Map(items.flatMap((m) => m.components).map((c) => [c.id, c])).values()]
    const summary = JSON.stringify({ page: recorded.page, status: { indicator: 'none' }, components, incidents: [], scheduled_maintenances: [] })
    const s = parse({ summary, maintenances: sp('claude-scheduled-maintenances-completed-verifying.json') })
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
    const m = s.maintenances.find((x) => x.externalId === 'x017628t2rl5')
    expect(m).toMatchObject({ status: 'completed', impact: 'none', url: 'https://stspg.io/kzxt8ykxyx3j', componentExternalIds: ['rwppv331jlwc'] })
    expect(m?.body).toBe('The scheduled maintenance has been completed.')
    expect(iso(m?.startedAt)).toBe('2025-08-29T01:25:21.416Z')
    expect(iso(m?.completedAt)).toBe('2025-08-29T02:40:21.277Z')
    // Joined on id, although the update still shows the component's old name.
    expect(s.maintenances.find((x) => x.externalId === '16z0qdmy3qv2')?.componentExternalIds.sort()).toEqual(['0qbwn08sd68x', 'rwppv331jlwc'])
  })
})

describe('parseStatuspageIncident (incidents/<id>.json)', () => {
  it('keeps all 30 updates with their ids, oldest first, whatever the input order', () => {
    const text = sp('github-incident-f0mhbz9xn497-30-updates-8-components.json')
    const i = parseStatuspageIncident(text)
    expect(i).toMatchObject({ status: 'resolved', impact: 'major', url: 'https://stspg.io/1w6xkcj8fplt' })
    expect(i.updates).toHaveLength(30)
    expect(new Set(i.updates.map((u) => u.externalId)).size).toBe(30)
    expect(i.updates[0]).toMatchObject({ externalId: '8hllgkhhk8yp', status: 'investigating' })
    expect(i.updates.at(-1)).toMatchObject({ externalId: 'vwpvkx2409fm', status: 'resolved' })
    expect(i.componentExternalIds).toHaveLength(8)
    expect(iso(i.resolvedAt)).toBe('2023-05-09T21:14:09.894Z')

    const payload = json(text) as { incident: { incident_updates: unknown[] } }
    payload.incident.incident_updates.reverse()
    expect(parseStatuspageIncident(JSON.stringify(payload))).toEqual(i)
  })

  it('keeps identical bodies posted as separate updates', () => {
    const i = parseStatuspageIncident(sp('github-incident-39ynqr1xb3s0-duplicate-update-bodies.json'))
    expect(i.updates).toHaveLength(7)
    const same = i.updates.filter((u) => u.body === 'We are continuing remediation work and will post updates as we have them.')
    expect(same.map((u) => u.externalId).sort()).toEqual(['22nnsfzcsj38', 'rqw95r3rh5fl'])
  })

  it('dates a backfilled 2012 update by display_at, not by its 2018 creation, and keeps its HTML raw', () => {
    const i = parseStatuspageIncident(sp('github-incident-02svc292644w-2012-backfilled-no-components.json'))
    expect(iso(i.startedAt)).toBe('2012-10-11T14:31:25.000Z')
    expect(iso(i.resolvedAt)).toBe('2012-10-11T14:31:25.000Z')
    expect(i.componentExternalIds).toEqual([])
    expect(i.updates).toHaveLength(1)
    expect(iso(i.updates[0]?.publishedAt)).toBe('2012-10-11T14:31:25.000Z')
    expect(i.updates[0]?.body).toMatch(/^<ul><li><strong>2012-10-11 14:31:25<\/strong>/)
  })

  it('reads impact none, critical incidents and the full lifecycle', () => {
    expect(parseStatuspageIncident(sp('github-incident-1cdsggtd2q5k-impact-none.json'))).toMatchObject({ impact: 'none', status: 'resolved' })
    const critical = parseStatuspageIncident(sp('github-incident-gqx5l06jjxhp-critical-10-components.json'))
    expect(critical.impact).toBe('critical')
    expect(critical.componentExternalIds).toHaveLength(10)
    const lifecycle = parseStatuspageIncident(sp('github-incident-rgy28jwprr1c-critical-full-lifecycle.json'))
    expect(lifecycle.updates.map((u) => u.status)).toEqual(['investigating', 'identified', 'monitoring', 'resolved'])
    // components: [] but every update names Notifications in affected_components.
    expect(lifecycle.componentExternalIds).toEqual(['5bfcr2x9x8kc'])
    expect(parseStatuspageIncident(sp('github-incident-00lscqwb6ht5-with-reminder-intervals.json')).updates).toHaveLength(5)
  })
})

describe('incident.io pages through the Statuspage-compatible API', () => {
  const openaiCtx: ParseContext = { ...ctx, target: { apiUrl: null, statusPageUrl: 'https://status.openai.com', settings: {} } }

  it('parses the thin compatible summary and does not read the missing lists as empty', () => {
    const out = statuspageSource.parse({ summary: fixture('incidentio/openai-summary-statuspage-compat.json'), incidents: null, maintenances: null }, openaiCtx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    const s = out.snapshot
    expect(s.status).toBe('operational')
    expect(s.groups).toEqual([])
    expect(s.components).toHaveLength(25)
    expect(s.components[0]).toEqual({
      externalId: '01JMXBRMFE4MAP2BHSJNZ787WX',
      name: 'Images',
      description: null,
      status: 'operational',
      groupExternalId: null,
      position: 0,
      onlyShowIfDegraded: false,
    })
    // No incidents/scheduled_maintenances key at all: absence says nothing about what is open.
    expect(s.coverage).toEqual({ incidents: 'recent', maintenances: 'recent' })
  })

  it('reads compatible incidents without started_at, resolved_at, shortlink or components', () => {
    const out = statuspageSource.parse(
      { summary: fixture('incidentio/openai-summary-statuspage-compat.json'), incidents: fixture('incidentio/synthetic-incidents-statuspage-compat.json') },
      openaiCtx,
    )
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    const resolved = incident(out.snapshot, '01KXSYNTH1NC1DENTRES0LVED0')
    expect(iso(resolved.startedAt)).toBe('2026-07-08T09:00:00.000Z')
    expect(iso(resolved.resolvedAt)).toBe('2026-07-08T10:12:00.000Z') // from the resolved update
    expect(resolved.url).toBe('https://status.openai.com/incidents/01KXSYNTH1NC1DENTRES0LVED0')
    expect(resolved.componentExternalIds).toEqual([])
    expect(out.snapshot.coverage.incidents).toBe('recent')
  })
})

describe('statuspage per-item tolerance (issue 14 #1)', () => {
  // incidents.json built from a real GitHub incident, with the placeholder Statuspage served on
  // older incidents: an affected component without a code.
  const real = json(sp('github-incident-f0mhbz9xn497-30-updates-8-components.json')).incident as Record<string, unknown>
  const placeholder = { name: 'No components were affected by this update.' }
  const withPlaceholder = {
    ...real,
    incident_updates: (real.incident_updates as Record<string, unknown>[]).map((u, n) => (n === 0 ? { ...u, affected_components: [placeholder] } : u)),
  }
  const incidentsJson = (incidents: unknown[]) => JSON.stringify({ page: { id: 'kctbh9vrtdwd', url: 'https://www.githubstatus.com' }, incidents })

  it('reads an incident whose update names the "No components were affected" placeholder, without a warning', () => {
    const out = readSnapshot(statuspageSource, { summary: sp('github-summary-operational.json'), incidents: incidentsJson([withPlaceholder]) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents.map((i) => i.externalId)).toEqual([real.id])
    expect(out.snapshot.readWarnings ?? []).toEqual([])
  })

  it('leaves out one incident with a null name, counts it, and stops trusting absences in the list', () => {
    const broken = { ...real, id: 'broken1', name: null }
    const out = readSnapshot(statuspageSource, { summary: sp('github-summary-operational.json'), incidents: incidentsJson([withPlaceholder, broken]) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents.map((i) => i.externalId)).toEqual([real.id])
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'statuspage incident', count: 1 })])
    expect(out.snapshot.coverage.incidents).toBe('recent')
  })

  it('leaves out one unreadable component and marks the component list partial', () => {
    const raw = json(sp('github-summary-operational.json'))
    const components = (raw.components as Record<string, unknown>[]).map((c, n) => (n === 0 ? { ...c, name: null } : c))
    const out = readSnapshot(statuspageSource, { summary: JSON.stringify({ ...raw, components }) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(components[0]?.group).not.toBe(true)
    expect(out.snapshot.components).toHaveLength(parse({ summary: sp('github-summary-operational.json') }).components.length - 1)
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'statuspage component', count: 1 })])
    expect(out.snapshot.componentsPartial).toBe(true)
  })

  it('still fails when no component at all can be read (the core of the page)', () => {
    const raw = json(sp('github-summary-operational.json'))
    const components = (raw.components as Record<string, unknown>[]).map((c) => ({ ...c, id: null }))
    expect(() => parse({ summary: JSON.stringify({ ...raw, components }) })).toThrow(SourceParseError)
  })
})

describe('statuspage hostile input', () => {
  const summary = (patch: Record<string, unknown>) => JSON.stringify({ ...json(sp('github-summary-incident-plus-maintenance.json')), ...patch })

  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Moved</body></html>'],
    ['an empty body', ''],
    ['truncated JSON', sp('github-summary-operational.json').slice(0, 500)],
    ['components of the wrong type', summary({ components: 'x' })],
    ['no status block', summary({ status: undefined })],
    ['a status.json body', sp('github-status-none.json')],
  ])('rejects %s with a SourceParseError', (_, body) => {
    expect(() => parse({ summary: body })).toThrow(SourceParseError)
  })

  it('rejects a garbage optional list instead of silently dropping it', () => {
    expect(() => parse({ summary: sp('github-summary-operational.json'), incidents: '<html>Not found</html>' })).toThrow(SourceParseError)
    expect(() => parseStatuspageIncident('{"page":{}}')).toThrow(SourceParseError)
  })

  it('maps unknown enum values to unknown, never to operational', () => {
    const raw = json(sp('github-summary-incident-plus-maintenance.json'))
    const components = (raw.components as Record<string, unknown>[]).map((c, n) => (n === 0 ? { ...c, status: 'exploding' } : c))
    const incidents = (raw.incidents as Record<string, unknown>[]).map((i) => ({ ...i, status: 'pondering', impact: 'catastrophic' }))
    const maintenances = (raw.scheduled_maintenances as Record<string, unknown>[]).map((m) => ({ ...m, status: 'paused' }))
    const s = parse({ summary: summary({ status: { indicator: 'apocalyptic' }, components, incidents, scheduled_maintenances: maintenances }) })
    expect(s.status).toBe('unknown')
    expect(s.components[0]?.status).toBe('unknown')
    expect(s.incidents[0]).toMatchObject({ status: 'unknown', impact: 'unknown', resolvedAt: null })
    expect(s.maintenances[0]?.status).toBe('unknown')
    expect(parse({ summary: summary({ status: { indicator: 'constructor' } }) }).status).toBe('unknown')
  })

  it('leaves out (and counts) an update without any timestamp, keeping its incident', () => {
    const raw = json(sp('github-summary-incident-plus-maintenance.json'))
    const incidents = (raw.incidents as { incident_updates: Record<string, unknown>[] }[]).map((i) => ({
      ...i,
      incident_updates: i.incident_updates.map((u, n) => (n === 0 ? { ...u, display_at: null, created_at: null, updated_at: null } : u)),
    }))
    const out = readSnapshot(statuspageSource, { summary: summary({ incidents }) }, ctx)
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(out.snapshot.incidents).toHaveLength(incidents.length)
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: 'statuspage update', count: incidents.length })])
  })
})
