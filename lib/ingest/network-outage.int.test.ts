// The refresh says once per cycle when outbound network looks unreachable (issue 11, finding 8):
// most vendors failing to connect is our problem, not theirs, and one line says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { unusedPort } from '@/lib/testing/ports'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from './http'
import { runRefreshCycle } from './refresh'

const MINUTE = 60_000
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 3_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
let server: StatusServer
let clock = new Date('2026-05-05T05:00:00Z')
const logs: string[] = []
let cycle = 0
const run = () =>
  runRefreshCycle(
    { data: refreshData, http, now: () => clock, random: () => 0.5, log: (m) => logs.push(m) },
    { trigger: 'manual', owner: `net-${++cycle}`, concurrency: 4, leaseMs: 5 * MINUTE, intervalMs: MINUTE, maxBackoffMs: MINUTE, timeBudgetMs: 10 * MINUTE },
  )

beforeAll(async () => {
  server = await startStatusServer()
  server.set('/up/api/v2/summary.json', { body: 'not json', status: 500, contentType: 'text/plain' })
  const dead = `http://127.0.0.1:${await unusedPort()}`
  await upsertCatalogRows([
    ...['a', 'b', 'c'].map((s) => ({ name: s, slug: `dead-${s}`, statusPageUrl: `https://${s}.example`, platform: 'statuspage' as const, apiUrl: `${dead}/${s}/api/v2/summary.json` })),
    { name: 'up', slug: 'up', statusPageUrl: 'https://up.example', platform: 'statuspage', apiUrl: `${server.url}/up/api/v2/summary.json` },
  ])
})

afterAll(async () => {
  http.close()
  await server.close()
})

const outageLines = () => logs.filter((l) => l.includes('outbound network looks unreachable'))

describe('the refresh cycle and an unreachable network', () => {
  it('logs one line when most checks fail to connect', async () => {
    const summary = await run()
    expect(summary).toMatchObject({ checked: 4, failed: 4 })
    expect(outageLines()).toEqual([expect.stringMatching(/3 of 4 vendor checks failed to connect .* e\.g\. dead-/)])
  })

  it('stays quiet when only a minority cannot be reached', async () => {
    logs.length = 0
    await db.statusSource.updateMany({ where: { vendor: { slug: { in: ['dead-a', 'dead-b'] } } }, data: { enabled: false } })
    clock = new Date(clock.getTime() + 10 * MINUTE)
    const summary = await run()
    expect(summary).toMatchObject({ checked: 2, failed: 2 })
    expect(outageLines()).toEqual([])
  })
})
