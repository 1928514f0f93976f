// Issue 17 over the database: the answer sentence on the page, in its metadata source and in the
// API agree; the home page lists what is down now, most-watched first; the reliability history
// reads the stored incidents (spanning days, ongoing, before our first read). Clock injected.
import { beforeAll, describe, expect, it } from 'vitest'
import { vendorReliabilityJson } from '@/lib/api/reliability'
import { vendorDetailJson } from '@/lib/api/vendors'
import { db } from '@/lib/db/client'
import { loadHome } from './home'
import { loadVendorPage } from './vendor-page'

const now = new Date('2026-06-10T11:34:00Z')
const firstRead = new Date('2026-05-20T00:00:00Z')
const lastRead = new Date('2026-06-10T11:33:00Z')
const INTERVAL = 60_000
const source = (over: Record<string, unknown> = {}) => ({
  create: { platform: 'statuspage' as const, apiUrl: 'https://status.example/api/v2/summary.json', baselineAt: firstRead, lastCheckedAt: lastRead, lastSuccessAt: lastRead, ...over },
})

async function vendor(slug: string, name: string, status: 'operational' | 'degraded' | 'partial_outage' | 'major_outage', over: Record<string, unknown> = {}) {
  return db.vendor.create({ data: { slug, name, statusPageUrl: `https://${slug}.example`, status, statusChangedAt: new Date('2026-06-10T10:40:00Z'), source: source(), ...over }, select: { id: true } })
}

async function watchers(vendorId: string, n: number) {
  for (let k = 0; k < n; k++) {
    const user = await db.user.create({ data: { email: `${vendorId}-${k}@example.com` }, select: { id: true } })
    await db.watchlistEntry.create({ data: { userId: user.id, vendorId } })
  }
}

beforeAll(async () => {
  const hub = await vendor('hub', 'Hub', 'partial_outage')
  const comp = async (externalId: string, name: string, position: number) =>
    db.component.create({ data: { vendorId: hub.id, externalId, name, status: 'partial_outage', statusChangedAt: firstRead, position }, select: { id: true } })
  const actions = await comp('actions', 'Actions', 1)
  const prs = await comp('prs', 'Pull Requests', 2)
  await comp('pointer', 'Visit www.hubstatus.example for more information', 3)
  const incident = (externalId: string, data: { impact: 'minor' | 'major' | 'critical'; status: 'investigating' | 'resolved'; startedAt: string; resolvedAt: string | null; components: string[] }) =>
    db.incident.create({
      data: {
        vendorId: hub.id,
        externalId,
        title: `Incident ${externalId}`,
        status: data.status,
        impact: data.impact,
        startedAt: new Date(data.startedAt),
        resolvedAt: data.resolvedAt ? new Date(data.resolvedAt) : null,
        components: { create: data.components.map((componentId) => ({ componentId })) },
      },
    })
  // Open now, on two components, since 10:42 UTC.
  await incident('open', { impact: 'major', status: 'investigating', startedAt: '2026-06-10T10:42:00Z', resolvedAt: null, components: [actions.id, prs.id] })
  // Spans two days, after our first read.
  await incident('long', { impact: 'critical', status: 'resolved', startedAt: '2026-06-01T22:00:00Z', resolvedAt: '2026-06-02T04:00:00Z', components: [actions.id] })
  // Before our first read: known only from the vendor's list.
  await incident('old', { impact: 'minor', status: 'resolved', startedAt: '2026-04-15T10:00:00Z', resolvedAt: '2026-04-15T10:30:00Z', components: [] })

  const busy = await vendor('busy', 'Busy', 'degraded')
  await watchers(busy.id, 3)
  await watchers(hub.id, 1)
  await vendor('calm', 'Calm', 'operational')
  // Down when we last read it, but our reads now fail: not "down now", we do not know.
  await vendor('dark', 'Dark', 'major_outage', { source: source({ consecutiveFailures: 2, lastError: 'queryA ENOTFOUND dark.example' }) })
})

describe('the answer sentence', () => {
  it('is the same words on the page and in the API, and names the affected components without the placeholder', async () => {
    const page = await loadVendorPage('hub', now, INTERVAL)
    const sentence = 'Hub is having a partial outage: Actions and Pull Requests are affected (since 10:42 UTC, 52 min).'
    expect(page?.answer).toBe(sentence)
    const api = await vendorDetailJson('hub', now, INTERVAL)
    expect(api?.vendor.summary).toBe(sentence)
    expect(api?.vendor.components.map((c) => c.name)).toEqual(['Actions', 'Pull Requests'])
  })

  it('says plainly that there are no problems, and never shows a raw error', async () => {
    expect((await vendorDetailJson('calm', now, INTERVAL))?.vendor.summary).toBe('No known problems at Calm right now (checked 1 min ago).')
    const dark = (await loadVendorPage('dark', now, INTERVAL))?.answer
    expect(dark).toBe("We cannot read Dark's status page right now (since 11:33 UTC, 1 min); when we last read it, it reported a major outage.")
  })
})

describe('the home page', () => {
  it('lists what is down now, most-watched first, in each vendor page’s own words; not vendors we cannot read', async () => {
    const home = await loadHome(now, INTERVAL)
    expect(home.downNow.map((v) => [v.slug, v.watchers])).toEqual([
      ['busy', 3],
      ['hub', 1],
    ])
    expect(home.downNow[1]?.answer).toBe((await loadVendorPage('hub', now, INTERVAL))?.answer)
    expect(home.downNow[1]?.incident).toMatchObject({ title: 'Incident open', others: 0 })
    expect(home.possibleOutages).toEqual([])
    // Plain JSON: it is kept in Next's data cache.
    expect(JSON.parse(JSON.stringify(home))).toEqual(home)
  })
})

describe('reliability history', () => {
  it('counts the stored incidents per window, spanning days, ongoing, and before our first read', async () => {
    const body = await vendorReliabilityJson('hub', now)
    expect(body?.observedSince).toBe(firstRead.toISOString())
    const [d30, d90, d365] = body!.windows
    expect(d30).toMatchObject({ days: 30, incidents: 2, ongoing: 1, fromVendorHistory: 0, totalDurationMs: (6 * 60 + 52) * 60_000 })
    expect(d30?.byImpact).toEqual([
      { impact: 'critical', incidents: 1, totalDurationMs: 6 * 3_600_000, medianDurationMs: 6 * 3_600_000 },
      { impact: 'major', incidents: 1, totalDurationMs: 52 * 60_000, medianDurationMs: 52 * 60_000 },
    ])
    expect(d30?.components.map((c) => [c.name, c.incidents])).toEqual([
      ['Actions', 2],
      ['Pull Requests', 1],
    ])
    expect(d90).toMatchObject({ incidents: 3, fromVendorHistory: 1 })
    expect(d90?.months.map((m) => [m.month, m.incidents, m.source])).toEqual([
      ['2026-03', 0, 'history'],
      ['2026-04', 1, 'history'],
      ['2026-05', 0, 'partial'],
      ['2026-06', 2, 'observed'],
    ])
    expect(d365?.incidents).toBe(3)
    const page = await loadVendorPage('hub', now, INTERVAL)
    expect(page?.reliability?.windows.map((w) => w.incidents)).toEqual([2, 3, 3])
  })

  it('answers null for an unknown or invalid slug', async () => {
    expect(await vendorReliabilityJson('nope', now)).toBeNull()
    expect(await vendorReliabilityJson('../etc', now)).toBeNull()
  })
})

describe('the answer sentence with our early warning', () => {
  const evidence = { reports: 23, windowMinutes: 15, baseline: 3, ratio: 7.7, probesFailing: 0, probesTotal: 3, probeFailStreak: 0 }
  beforeAll(async () => {
    const quiet = await vendor('rumor', 'Rumor', 'operational')
    await db.possibleOutage.create({ data: { vendorId: quiet.id, openKey: quiet.id, openedAt: new Date('2026-06-10T10:42:00Z'), trigger: 'reports', evidence } })
    const moved = await vendor('moved', 'Moved', 'operational', {
      source: source({ sourceChange: { kind: 'moved', detail: 'status.moved.example redirects to moved.instatus.example', since: '2026-06-10T09:00:00.000Z' } }),
    })
    await db.possibleOutage.create({ data: { vendorId: moved.id, openKey: moved.id, openedAt: new Date('2026-06-10T10:42:00Z'), trigger: 'reports', evidence } })
  })

  it('names the open possible outage as unofficial, in the same words on the page, its metadata and the API', async () => {
    const sentence = "Users report problems with Rumor (unofficial, since 10:42 UTC, 52 min); Rumor's status page reports no problems (checked 1 min ago)."
    expect((await loadVendorPage('rumor', now, INTERVAL))?.answer).toBe(sentence)
    expect((await vendorDetailJson('rumor', now, INTERVAL))?.vendor.summary).toBe(sentence)
  })

  it('claims nothing about a page that seems to have moved', async () => {
    const sentence = "Users report problems with Moved (unofficial, since 10:42 UTC, 52 min); Moved's status page seems to have moved, so we cannot say what it reports now (checked 1 min ago)."
    expect((await loadVendorPage('moved', now, INTERVAL))?.answer).toBe(sentence)
    expect((await vendorDetailJson('moved', now, INTERVAL))?.vendor.summary).toBe(sentence)
  })
})
