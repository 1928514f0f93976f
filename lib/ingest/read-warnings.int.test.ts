// Issue 14 #1 end to end: a page with one unreadable incident is read (not failed), the vendor is
// recorded as read *with warnings*, and the operator sees kind and count in /api/health's report
// and the vendor JSON; a clean read clears them.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { buildHealthReport } from '@/lib/data/health'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { db } from '@/lib/db/client'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from './http'
import { runRefreshCycle } from './refresh'

const fixture = (path: string) => fs.readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')
const MINUTE = 60_000

let server: StatusServer
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 3_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
let clock = new Date('2026-11-24T12:00:00Z')
let cycle = 0
const run = () =>
  runRefreshCycle(
    { data: refreshData, http, now: () => clock, random: () => 0.5, log: () => {} },
    { trigger: 'manual', owner: `warn-${++cycle}`, concurrency: 1, leaseMs: 5 * MINUTE, intervalMs: MINUTE, maxBackoffMs: 30 * MINUTE, timeBudgetMs: 10 * MINUTE },
  )

const summary = fixture('statuspage/github-summary-operational.json')
const page = JSON.parse(summary).page as unknown
const real = (JSON.parse(fixture('statuspage/github-incident-f0mhbz9xn497-30-updates-8-components.json')) as { incident: Record<string, unknown> }).incident
const incidents = (list: unknown[]) => JSON.stringify({ page, incidents: list })

beforeAll(async () => {
  server = await startStatusServer()
  server.set('/gh/api/v2/summary.json', { body: summary })
  server.set('/gh/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page, scheduled_maintenances: [] }) })
  // One real incident and one whose name is null (seen on real Statuspage pages).
  server.set('/gh/api/v2/incidents.json', { body: incidents([real, { ...real, id: 'nullname1', name: null }]) })
  await upsertCatalogRows([
    { name: 'GitHub', slug: 'gh-warn', statusPageUrl: 'https://www.githubstatus.com', platform: 'statuspage', apiUrl: `${server.url}/gh/api/v2/summary.json` },
  ])
})

afterAll(async () => {
  http.close()
  await server.close()
})

describe('read with warnings', () => {
  it('reads the vendor, keeps the readable incident, and shows the operator what was left out', async () => {
    const summary = await run()
    expect(summary.failed).toBe(0)
    const source = await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'gh-warn' } } })
    expect(source.consecutiveFailures).toBe(0)
    expect(source.readWarnings).toEqual([expect.objectContaining({ kind: 'statuspage incident', count: 1 })])
    expect(await db.incident.count({ where: { vendor: { slug: 'gh-warn' } } })).toBe(1)

    const detail = await findVendorStatus('gh-warn', clock)
    if (!detail) throw new Error('no vendor')
    const json = vendorStatusJson(detail, clock, MINUTE)
    expect(json.status).toBe('operational')
    expect(json.lastError).toBeNull()
    expect(json.readWarnings).toEqual([{ kind: 'statuspage incident', count: 1 }])

    const health = await buildHealthReport(clock, MINUTE)
    expect(health.vendors?.readWithWarnings).toBe(1)
    expect(health.readWarnings).toEqual([{ vendor: 'gh-warn', warnings: [expect.objectContaining({ kind: 'statuspage incident', count: 1 })] }])
  })

  it('clears the warnings once the page reads cleanly again', async () => {
    server.set('/gh/api/v2/incidents.json', { body: incidents([real]) })
    clock = new Date(clock.getTime() + 2 * MINUTE)
    await run()
    const source = await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'gh-warn' } } })
    expect(source.readWarnings).toBeNull()
    const detail = await findVendorStatus('gh-warn', clock)
    if (!detail) throw new Error('no vendor')
    expect(vendorStatusJson(detail, clock, MINUTE).readWarnings).toEqual([])
    expect((await buildHealthReport(clock, MINUTE)).vendors?.readWithWarnings).toBe(0)
  })
})
