// Single-flight under real concurrency. PGlite runs one transaction at a time and would hide
// exactly the races these tests look for, so they run on PostgreSQL only (CI sets
// TEST_DATABASE_URL; `npm test` runs them whenever it is set).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { db, dbMode } from '@/lib/db/client'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from './http'
import { runRefreshCycle } from './refresh'

const VENDORS = 40
const fixture = (path: string) => fs.readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')
const outage = JSON.parse(fixture('statuspage/github-summary-major-outage-35-updates.json'))
const COMPONENTS = outage.components.filter((c: { group: boolean }) => !c.group).length
const UPDATES = outage.incidents[0].incident_updates.length

let server: StatusServer
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const slug = (i: number) => `vendor-${String(i).padStart(2, '0')}`

function serveVendor(i: number, delayMs: number) {
  const base = `/${slug(i)}/api/v2`
  server.set(`${base}/summary.json`, { body: JSON.stringify(outage), delayMs })
  server.set(`${base}/incidents.json`, { body: JSON.stringify({ page: outage.page, incidents: outage.incidents }), delayMs })
  server.set(`${base}/scheduled-maintenances.json`, { body: JSON.stringify({ page: outage.page, scheduled_maintenances: [] }), delayMs })
}

const cycle = (owner: string, now: Date) =>
  runRefreshCycle(
    { data: refreshData, http, now: () => now, random: () => 0.5, log: () => {} },
    { trigger: 'manual', owner, concurrency: 4, leaseMs: 5 * 60_000, intervalMs: 60_000, maxBackoffMs: 30 * 60_000, timeBudgetMs: 60_000 },
  )

describe.skipIf(dbMode !== 'postgres')('refresh under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    server = await startStatusServer()
    for (let i = 0; i < VENDORS; i++) serveVendor(i, 20 + (i % 5) * 10)
    await upsertCatalogRows(
      Array.from({ length: VENDORS }, (_, i) => ({
        name: `Vendor ${i}`,
        slug: slug(i),
        statusPageUrl: `https://status.${slug(i)}.example`,
        platform: 'statuspage' as const,
        apiUrl: `${server.url}/${slug(i)}/api/v2/summary.json`,
      })),
    )
  })

  afterAll(async () => {
    http.close()
    await server?.close()
  })

  it('four overlapping cycles check each vendor exactly once and never duplicate an incident or update', async () => {
    const now = new Date()
    const summaries = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => cycle(`overlap-${owner}`, now)))
    expect(summaries.reduce((n, s) => n + s.checked, 0)).toBe(VENDORS)
    expect(summaries.reduce((n, s) => n + s.failed, 0)).toBe(0)
    // More than one cycle did real work: the overlap was real.
    expect(summaries.filter((s) => s.checked > 0).length).toBeGreaterThan(1)

    const summaryRequests = server.requests.filter((r) => r.path.endsWith('/summary.json'))
    expect(summaryRequests).toHaveLength(VENDORS)
    expect(new Set(summaryRequests.map((r) => r.path)).size).toBe(VENDORS)

    expect(await db.incident.count()).toBe(VENDORS)
    expect(await db.incidentUpdate.count()).toBe(VENDORS * UPDATES)
    expect(await db.component.count()).toBe(VENDORS * COMPONENTS)
    expect(await db.changeEvent.count({ where: { kind: 'incident_opened' } })).toBe(VENDORS)
    expect(await db.statusSource.count({ where: { leaseOwner: { not: null } } })).toBe(0)
  })

  it('a worker killed mid-cycle leaves nothing half-written, and its vendors are picked up again', async () => {
    // Slow answers so the kill lands while vendors are in flight; make every vendor new again.
    await db.vendor.deleteMany()
    await upsertCatalogRows(
      Array.from({ length: VENDORS }, (_, i) => ({
        name: `Vendor ${i}`,
        slug: slug(i),
        statusPageUrl: `https://status.${slug(i)}.example`,
        platform: 'statuspage' as const,
        apiUrl: `${server.url}/${slug(i)}/api/v2/summary.json`,
      })),
    )
    for (let i = 0; i < VENDORS; i++) serveVendor(i, 250)

    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process that a
    // SIGKILL to the CLI would leave running.
    const worker = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/refresh-worker.ts', 'doomed', '4'], { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] })
    let workerErrors = ''
    let workerExited = false
    worker.stderr.on('data', (chunk: Buffer) => (workerErrors += chunk.toString()))
    worker.once('exit', () => (workerExited = true))
    // Kill it once a few vendors are done and others are certainly in flight. A worker that dies
    // on its own fails the test with its error instead of leaving this loop waiting forever.
    for (let done = 0; done < 6; ) {
      if (workerExited) throw new Error(`the worker exited before it was killed:\n${workerErrors}`)
      await new Promise((r) => setTimeout(r, 50))
      done = await db.statusSource.count({ where: { baselineAt: { not: null } } })
    }
    worker.kill('SIGKILL')
    if (!workerExited) await new Promise((r) => worker.once('exit', r))

    const vendors = await db.vendor.findMany({ include: { source: true, _count: { select: { components: true, incidents: true } } } })
    const finished = vendors.filter((v) => v.source?.baselineAt)
    const untouched = vendors.filter((v) => !v.source?.baselineAt)
    expect(finished.length).toBeGreaterThanOrEqual(6)
    expect(untouched.length).toBeGreaterThan(0)
    // All or nothing per vendor: a finished one has every row, an unfinished one has none.
    for (const v of finished) expect(v._count).toEqual({ components: COMPONENTS, incidents: 1 })
    for (const v of untouched) expect(v._count).toEqual({ components: 0, incidents: 0 })
    // The dead worker still holds leases on vendors it claimed but never finished...
    expect(untouched.some((v) => v.source?.leaseOwner === 'doomed')).toBe(true)

    // ...which nobody may take before they expire,
    const early = await cycle('rescuer-early', new Date())
    const claimedByDead = untouched.filter((v) => v.source?.leaseOwner === 'doomed').length
    expect(early.checked).toBe(untouched.length - claimedByDead)
    // and everyone may take after (by then every other vendor is due again too).
    const later = await cycle('rescuer-late', new Date(Date.now() + 5 * 60_000 + 1_000))
    expect(later.checked).toBe(VENDORS)
    expect(await db.statusSource.count({ where: { baselineAt: null } })).toBe(0)
    expect(await db.incident.count()).toBe(VENDORS)
    expect(await db.incidentUpdate.count()).toBe(VENDORS * UPDATES)
    // Generous: on a loaded 2-core machine the worker alone takes seconds to start.
  }, 180_000)
})
