// Stopping a refresh cycle on purpose (SIGTERM) and closing the runs a crash left open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from './http'
import { runRefreshCycle, type RefreshOptions } from './refresh'

const MINUTE = 60_000
const SLOW_VENDORS = 6
let server: StatusServer
// The pages never answer within a test's life (5 min) and the client would wait 10 min: a cycle that
// ends at all after the signal did not wait for a page or a timeout. The bound below is generous on
// purpose (a loaded CI machine must not fail it): the property is "aborted", not a latency figure.
const PAGE_DELAY_MS = 5 * 60_000
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 10 * 60_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
const clock = new Date('2026-11-24T12:00:00Z')
const options = (over: Partial<RefreshOptions> = {}): RefreshOptions => ({
  trigger: 'manual',
  owner: 'stop-test',
  concurrency: 4,
  leaseMs: 5 * MINUTE,
  intervalMs: MINUTE,
  maxBackoffMs: 30 * MINUTE,
  timeBudgetMs: 10 * MINUTE,
  ...over,
})
const slugs = Array.from({ length: SLOW_VENDORS }, (_, i) => `slow-${i}`)

beforeAll(async () => {
  server = await startStatusServer()
  // Each page takes minutes to answer: any cycle over them is mid-flight for a long time.
  for (const slug of slugs) server.set(`/${slug}/api/v2/summary.json`, { body: '{}', delayMs: PAGE_DELAY_MS })
  await upsertCatalogRows(
    slugs.map((slug) => ({ name: slug, slug, statusPageUrl: `https://status.${slug}.example`, platform: 'statuspage' as const, apiUrl: `${server.url}/${slug}/api/v2/summary.json` })),
  )
})

afterAll(async () => {
  http.close()
  await server.close()
})

describe('stopping a refresh cycle', () => {
  it('ends at the signal, without waiting for the pages or their timeout: fetches aborted, leases handed back, the run closed as interrupted', async () => {
    const controller = new AbortController()
    const cycle = runRefreshCycle({ data: refreshData, http, now: () => clock, random: () => 0.5, log: () => {}, signal: controller.signal }, options())
    // Wait until the four workers hold a vendor each: two pages being read, two waiting for the
    // host (two requests per host at a time); the other two vendors are not claimed yet.
    const leased = () => db.statusSource.count({ where: { leaseOwner: 'stop-test' } })
    const deadline = Date.now() + 10_000
    while ((await leased()) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(await leased()).toBe(4)
    await new Promise((r) => setTimeout(r, 200))

    const stoppedAt = performance.now()
    controller.abort()
    const summary = await cycle
    const stopMs = performance.now() - stoppedAt
    console.log(`[stop] cycle ended ${Math.round(stopMs)} ms after the signal`)
    // Seconds at worst on a busy machine, against the pages' minutes: the fetches were aborted.
    expect(stopMs).toBeLessThan(15_000)
    expect(summary).toMatchObject({ interrupted: true, due: SLOW_VENDORS, checked: 0, failed: 0 })

    const run = await db.refreshRun.findUniqueOrThrow({ where: { id: summary.runId } })
    expect(run).toMatchObject({ status: 'interrupted', finishedAt: clock, checked: 0 })
    // Nobody holds a lease, nothing was marked failed, and every vendor is still due now.
    const sources = await db.statusSource.findMany({ where: { vendor: { slug: { in: slugs } } } })
    expect(sources).toHaveLength(SLOW_VENDORS)
    for (const s of sources) {
      expect(s).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, consecutiveFailures: 0, lastErrorKind: null })
      expect(s.nextCheckAt === null || s.nextCheckAt <= clock).toBe(true)
    }
  })

  it('closes a run a crash left open once it is older than its budget and lease, and no sooner', async () => {
    const crashed = await db.refreshRun.create({ data: { trigger: 'scheduler', owner: 'killed-process', startedAt: new Date(clock.getTime() - 20 * MINUTE) } })
    const recent = await db.refreshRun.create({ data: { trigger: 'scheduler', owner: 'other-live-process', startedAt: new Date(clock.getTime() - MINUTE) } })
    const controller = new AbortController()
    controller.abort() // claim nothing: only the bookkeeping at the start of a cycle runs
    await runRefreshCycle({ data: refreshData, http, now: () => clock, random: () => 0.5, log: () => {}, signal: controller.signal }, options({ timeBudgetMs: 35_000 }))
    expect(await db.refreshRun.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({ status: 'abandoned', finishedAt: clock })
    expect(await db.refreshRun.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ status: 'running', finishedAt: null })
  })
})
