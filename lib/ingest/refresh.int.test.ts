import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { resetDatabase } from '@/lib/testing/reset-database'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from './http'
import { runRefreshCycle, type RefreshOptions } from './refresh'

const fixture = (path: string) => fs.readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')
const MINUTE = 60_000

let server: StatusServer
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 3_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
const START = new Date('2026-11-24T12:00:00Z')
let clock = START
const logs: string[] = []

const deps = () => ({ data: refreshData, http, now: () => clock, random: () => 0.5, log: (m: string) => logs.push(m) })
let cycle = 0
const options = (over: Partial<RefreshOptions> = {}): RefreshOptions => ({
  trigger: 'manual',
  owner: `test-${++cycle}`,
  concurrency: 4,
  leaseMs: 5 * MINUTE,
  intervalMs: MINUTE,
  maxBackoffMs: 30 * MINUTE,
  timeBudgetMs: 10 * MINUTE,
  ...over,
})

/** Incidents of the fixture summary, as a Statuspage incidents.json. */
const incidentsJsonOf = (summary: string) => JSON.stringify({ page: JSON.parse(summary).page, incidents: JSON.parse(summary).incidents })

beforeAll(async () => {
  server = await startStatusServer()
})

// Every test starts from the same world: the catalog below, each page serving its first answer,
// the clock at START, nothing checked yet. A test that needs history makes it with the steps below.
beforeEach(async () => {
  await resetDatabase()
  clock = START
  logs.length = 0
  const operational = fixture('statuspage/github-summary-operational.json')
  server.set('/github/api/v2/summary.json', { body: operational })
  server.set('/github/api/v2/incidents.json', { body: JSON.stringify({ page: JSON.parse(operational).page, incidents: [] }) })
  server.set('/github/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page: JSON.parse(operational).page, scheduled_maintenances: [] }) })
  server.set('/broken/api/v2/summary.json', { body: 'oops', status: 500, contentType: 'text/plain' })
  server.set('/htmlpage/api/v2/summary.json', { body: '<!doctype html><title>moved</title>', contentType: 'text/html' })
  server.set('/heroku/api/v4/current-status', { body: fixture('heroku/heroku-current-status-incident.json') })
  await upsertCatalogRows([
    { name: 'GitHub', slug: 'github', statusPageUrl: 'https://www.githubstatus.com', platform: 'statuspage', apiUrl: `${server.url}/github/api/v2/summary.json` },
    { name: 'Broken', slug: 'broken', statusPageUrl: 'https://status.broken.example', platform: 'statuspage', apiUrl: `${server.url}/broken/api/v2/summary.json` },
    { name: 'Moved', slug: 'htmlpage', statusPageUrl: 'https://status.moved.example', platform: 'statuspage', apiUrl: `${server.url}/htmlpage/api/v2/summary.json` },
    { name: 'Heroku', slug: 'heroku', statusPageUrl: 'https://status.heroku.com', platform: 'heroku', apiUrl: `${server.url}/heroku/api/v4/current-status` },
    { name: 'Unlisted', slug: 'unlisted', statusPageUrl: 'https://status.unlisted.example', platform: 'unknown' },
  ])
})

afterAll(async () => {
  http.close()
  await server.close()
})

const vendor = (slug: string) => db.vendor.findUniqueOrThrow({ where: { slug }, include: { source: true } })

// The history tests build on, as steps: each test runs the ones its starting state needs.
/** The first cycle at START: GitHub and Heroku baselined, Broken and Moved failed once. */
const firstCycle = () => runRefreshCycle(deps(), options())
/** One interval later, every vendor due again: nothing changed upstream, Broken and Moved fail again. */
async function cycleOneIntervalLater() {
  clock = new Date(clock.getTime() + MINUTE)
  return runRefreshCycle(deps(), options())
}
/** GitHub's page starts serving the recorded major outage (one incident with 35 updates), read two minutes later. */
async function githubOutageCycle() {
  const outage = fixture('statuspage/github-summary-major-outage-35-updates.json')
  server.set('/github/api/v2/summary.json', { body: outage })
  server.set('/github/api/v2/incidents.json', { body: incidentsJsonOf(outage) })
  clock = new Date(clock.getTime() + 2 * MINUTE)
  return runRefreshCycle(deps(), options())
}

describe('runRefreshCycle', () => {
  it('checks every pollable vendor once, records a baseline, and reports failures without inventing a status', async () => {
    const summary = await runRefreshCycle(deps(), options())
    expect(summary).toMatchObject({ due: 4, checked: 4, changed: 2, unchanged: 0, failed: 2 })

    const github = await vendor('github')
    expect(github.status).toBe('operational')
    expect(github.source?.baselineAt).toEqual(clock)
    expect(await db.component.count({ where: { vendorId: github.id } })).toBe(JSON.parse(fixture('statuspage/github-summary-operational.json')).components.length)

    const heroku = await vendor('heroku')
    expect(heroku.status).not.toBe('unknown')
    expect(await db.incident.count({ where: { vendorId: heroku.id } })).toBeGreaterThan(0)
    // First sight is history, never news.
    const events = await db.changeEvent.findMany({ where: { vendorId: heroku.id } })
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.baseline)).toBe(true)

    const broken = await vendor('broken')
    expect(broken.status).toBe('unknown')
    expect(broken.source).toMatchObject({ consecutiveFailures: 1, lastErrorKind: 'http', lastSuccessAt: null, leaseOwner: null })
    const moved = await vendor('htmlpage')
    expect(moved.source).toMatchObject({ consecutiveFailures: 1, lastErrorKind: 'parse' })
    expect(moved.source?.lastError).toMatch(/HTML/)

    const run = await db.refreshRun.findUniqueOrThrow({ where: { id: summary.runId } })
    expect(run).toMatchObject({ checked: 4, failed: 2, finishedAt: clock })
  })

  it('does not check a vendor again before it is due', async () => {
    await firstCycle()
    clock = new Date(clock.getTime() + 10_000)
    expect(await runRefreshCycle(deps(), options())).toMatchObject({ due: 0, checked: 0 })
  })

  it('writes nothing but the check time when nothing changed upstream (304 or same bytes)', async () => {
    await firstCycle()
    const before = await vendor('github')
    const componentsBefore = await db.component.findMany({ where: { vendorId: before.id }, orderBy: { id: 'asc' } })
    const requestsBefore = server.requests.length
    clock = new Date(clock.getTime() + MINUTE)
    const summary = await runRefreshCycle(deps(), options())
    // The two failing vendors are due again too (one interval of backoff) and fail again.
    expect(summary).toMatchObject({ checked: 4, unchanged: 2, changed: 0, failed: 2, events: 0 })
    const after = await vendor('github')
    expect(after.updatedAt).toEqual(before.updatedAt)
    expect(after.source?.lastCheckedAt).toEqual(clock)
    expect(await db.component.findMany({ where: { vendorId: before.id }, orderBy: { id: 'asc' } })).toEqual(componentsBefore)
    const githubRequests = server.requests.slice(requestsBefore).filter((r) => r.path.startsWith('/github/'))
    expect(githubRequests.length).toBe(3)
    expect(githubRequests.every((r) => r.notModified)).toBe(true)
  })

  it('writes each finished check with the same statement as that worker\'s next claim', async () => {
    await firstCycle()
    clock = new Date(clock.getTime() + MINUTE)
    const calls: string[] = []
    const counted = <T extends object>(module: T): T =>
      new Proxy(module, {
        get: (target, key) => {
          const value = Reflect.get(target, key) as unknown
          return typeof value === 'function' ? (...args: unknown[]) => (calls.push(String(key)), (value as (...a: unknown[]) => unknown)(...args)) : value
        },
      })
    const data = { ...refreshData, statusSources: counted(refreshData.statusSources) }
    const summary = await runRefreshCycle({ ...deps(), data }, options())
    expect(summary).toMatchObject({ checked: 4, unchanged: 2, failed: 2 })
    // Four workers, four vendors: their first claims, then each record with its worker's next
    // (empty) claim. One record and one claim per statement at worst: never a statement each.
    const statements = calls.filter((c) => c === 'recordChecksAndClaim').length
    expect(statements).toBeGreaterThanOrEqual(1)
    expect(statements).toBeLessThanOrEqual(1 + summary.checked)
    expect(calls.filter((c) => ['claimDueSources', 'recordCheckUnchanged', 'recordCheckFailure'].includes(c))).toEqual([])
    expect(await db.statusSource.count({ where: { leaseOwner: { not: null } } })).toBe(0)
  })

  it('backs off a failing vendor instead of hammering it', async () => {
    await firstCycle()
    await cycleOneIntervalLater()
    // Two failures so far: due again two intervals after the last one (jitter is exactly 1.0 here).
    const broken = await vendor('broken')
    expect(broken.source?.consecutiveFailures).toBe(2)
    const lastCheck = broken.source?.lastCheckedAt?.getTime() ?? 0
    expect(broken.source?.nextCheckAt?.getTime()).toBe(lastCheck + 2 * MINUTE)

    clock = new Date(lastCheck + MINUTE)
    await runRefreshCycle(deps(), options())
    expect((await vendor('broken')).source?.consecutiveFailures).toBe(2) // not due yet: left alone

    clock = new Date(lastCheck + 2 * MINUTE)
    await runRefreshCycle(deps(), options())
    const again = await vendor('broken')
    expect(again.source?.consecutiveFailures).toBe(3)
    expect(again.source?.nextCheckAt?.getTime()).toBe(clock.getTime() + 4 * MINUTE)
  })

  it('waits as long as a page’s Retry-After asks, beyond the 30-minute backoff cap', async () => {
    await firstCycle()
    server.set('/broken/api/v2/summary.json', { body: 'slow down', status: 429, contentType: 'text/plain', headers: { 'Retry-After': '7200' } })
    await db.statusSource.updateMany({ where: { vendor: { slug: 'broken' } }, data: { nextCheckAt: null } })
    await runRefreshCycle(deps(), options())
    expect((await vendor('broken')).source?.nextCheckAt?.getTime()).toBe(clock.getTime() + 2 * 60 * MINUTE)
    server.set('/broken/api/v2/summary.json', { body: 'oops', status: 500, contentType: 'text/plain' })
  })

  it('turns a new upstream incident into rows and non-baseline events, once', async () => {
    await firstCycle()
    const summary = await githubOutageCycle()
    expect(summary.changed).toBeGreaterThanOrEqual(1)

    const github = await vendor('github')
    // Indicator "major" (partial outage), but the open incident is critical: the incident sets the
    // floor of the overall status (lib/status/open-incidents.ts).
    expect(github.status).toBe('major_outage')
    const incidents = await db.incident.findMany({ where: { vendorId: github.id }, include: { _count: { select: { updates: true } } } })
    expect(incidents).toHaveLength(1)
    expect(incidents[0]?._count.updates).toBe(35)
    const opened = await db.changeEvent.findMany({ where: { vendorId: github.id, kind: 'incident_opened' } })
    expect(opened).toHaveLength(1)
    expect(opened[0]?.baseline).toBe(false)
    const history = await db.componentStatusChange.count({ where: { component: { vendorId: github.id }, fromStatus: { not: null } } })
    expect(history).toBeGreaterThan(0)

    // The same payload again: nothing new, however often it is read.
    clock = new Date(clock.getTime() + MINUTE)
    await runRefreshCycle(deps(), options())
    clock = new Date(clock.getTime() + MINUTE)
    await runRefreshCycle(deps(), options())
    expect(await db.incident.count({ where: { vendorId: github.id } })).toBe(1)
    expect(await db.incidentUpdate.count({ where: { incident: { vendorId: github.id } } })).toBe(35)
    expect(await db.changeEvent.count({ where: { vendorId: github.id, kind: 'incident_opened' } })).toBe(1)
  })

  it('keeps the last known state when a vendor that was fine starts failing', async () => {
    await firstCycle()
    await githubOutageCycle()
    server.set('/github/api/v2/summary.json', { body: '{"page": {"id": "x"', contentType: 'application/json' })
    clock = new Date(clock.getTime() + MINUTE)
    await runRefreshCycle(deps(), options())
    const github = await vendor('github')
    expect(github.status).toBe('major_outage')
    expect(github.source).toMatchObject({ consecutiveFailures: 1, lastErrorKind: 'parse' })
    expect(github.source?.lastSuccessAt?.getTime()).toBeLessThan(clock.getTime())
    expect(await db.incident.count({ where: { vendorId: github.id } })).toBe(1)
  })

  it('resolves the incident when it leaves the summary and incidents.json reports it resolved', async () => {
    await firstCycle()
    await githubOutageCycle()
    const outage = JSON.parse(fixture('statuspage/github-summary-major-outage-35-updates.json'))
    const resolvedIncident = {
      ...outage.incidents[0],
      status: 'resolved',
      resolved_at: '2026-08-17T18:00:00.000Z',
      updated_at: '2026-08-17T18:00:00.000Z',
      incident_updates: [
        { ...outage.incidents[0].incident_updates[0], id: 'resolvedupdate1', status: 'resolved', body: 'This incident has been resolved.', display_at: '2026-08-17T18:00:00.000Z', created_at: '2026-08-17T18:00:00.000Z' },
        ...outage.incidents[0].incident_updates,
      ],
    }
    const operational = JSON.parse(fixture('statuspage/github-summary-operational.json'))
    server.set('/github/api/v2/summary.json', { body: JSON.stringify(operational) })
    server.set('/github/api/v2/incidents.json', { body: JSON.stringify({ page: operational.page, incidents: [resolvedIncident] }) })
    clock = new Date(clock.getTime() + 3 * MINUTE)
    await runRefreshCycle(deps(), options())
    const github = await vendor('github')
    expect(github.status).toBe('operational')
    const incident = await db.incident.findFirstOrThrow({ where: { vendorId: github.id } })
    expect(incident).toMatchObject({ status: 'resolved', resolvedAt: new Date('2026-08-17T18:00:00.000Z') })
    const resolved = await db.changeEvent.findMany({ where: { vendorId: github.id, kind: 'incident_resolved' } })
    expect(resolved).toHaveLength(1)
    expect(await db.changeEvent.count({ where: { vendorId: github.id, kind: 'incident_updated', incidentId: incident.id } })).toBe(0)
  })
})
