// The cron route end to end: auth, one real cycle against a local status page, and what the
// health and vendor APIs report afterwards. App modules are imported after the environment is set,
// because lib/env.ts reads it once at import.
import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { shiftTimes } from '@/lib/testing/shift-times'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'

process.env.CRON_SECRET = 'test-cron-secret'
process.env.INGEST_ALLOW_PRIVATE_NETWORK = 'true'
// One vendor at a time, so the order of requests to the fixture server is the order of checks.
process.env.REFRESH_CONCURRENCY = '1'
const { GET } = await import('./route')
const { GET: health } = await import('@/app/api/health/route')
const { GET: vendorDetail } = await import('@/app/api/v1/vendors/[slug]/route')
const { upsertCatalogRows } = await import('@/lib/data/catalog')
const { resetDatabase } = await import('@/lib/testing/reset-database')

const fixture = (path: string) => fs.readFileSync(new URL(`../../../../lib/ingest/fixtures/${path}`, import.meta.url), 'utf8')
let server: StatusServer

beforeAll(async () => {
  server = await startStatusServer()
})

// Every test starts with GitHub in the catalog, its page serving the outage, and nothing checked
// yet; a test that needs the first cycle runs it (firstCycle), so each runs alone (`-t`).
beforeEach(async () => {
  await resetDatabase()
  // The route reads the real clock: the recording is replayed as if it were ten minutes old.
  const summary = shiftTimes(JSON.parse(fixture('statuspage/github-summary-major-outage-35-updates.json')), new Date(Date.now() - 10 * 60_000))
  server.set('/gh/api/v2/summary.json', { body: JSON.stringify(summary) })
  server.set('/gh/api/v2/incidents.json', { body: JSON.stringify({ page: summary.page, incidents: summary.incidents }) })
  server.set('/gh/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page: summary.page, scheduled_maintenances: [] }) })
  await upsertCatalogRows([{ name: 'GitHub', slug: 'github', statusPageUrl: 'https://www.githubstatus.com', platform: 'statuspage', apiUrl: `${server.url}/gh/api/v2/summary.json` }])
})

afterAll(() => server.close())

const call = (authorization?: string) => GET(new Request('http://localhost/api/cron/refresh', { headers: authorization ? { authorization } : {} }))
/** Step: the first cron call, which reads GitHub's outage. */
const firstCycle = () => call('Bearer test-cron-secret')

describe('GET /api/cron/refresh', () => {
  it('answers 401 without the right bearer token, and runs nothing', async () => {
    expect((await call()).status).toBe(401)
    expect((await call('Bearer wrong')).status).toBe(401)
    expect((await call('test-cron-secret')).status).toBe(401)
    expect(server.requests).toHaveLength(0)
  })

  it('runs one cycle and answers its summary', async () => {
    const res = await call('Bearer test-cron-secret')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ due: 1, checked: 1, changed: 1, unchanged: 0, failed: 0, events: expect.any(Number), durationMs: expect.any(Number) })
  })

  it('leaves the vendor API with the real status, components, incidents and updates', async () => {
    await firstCycle()
    const res = await vendorDetail(new Request('http://localhost/api/v1/vendors/github'), { params: Promise.resolve({ slug: 'github' }) })
    const { vendor } = await res.json()
    // Indicator "major", open incident critical: the incident sets the floor (lib/status/open-incidents.ts).
    expect(vendor).toMatchObject({ status: 'major_outage', freshness: 'fresh', lastError: null, readWarnings: [] })
    expect(vendor.lastCheckedAt).toEqual(vendor.lastSuccessfulCheckAt)
    expect(vendor.components.length).toBeGreaterThan(5)
    expect(vendor.components.some((c: { status: string }) => c.status === 'major_outage')).toBe(true)
    expect(vendor.incidents).toHaveLength(1)
    expect(vendor.incidents[0]).toMatchObject({ status: expect.any(String), resolvedAt: null, postmortem: null })
    expect(vendor.incidents[0].updates).toHaveLength(35)
  })

  it('reports the cycle, source health and memory in /api/health to the cron secret', async () => {
    await firstCycle()
    const body = await (await health(new Request('http://localhost/api/health', { headers: { authorization: 'Bearer test-cron-secret' } }))).json()
    expect(body).toMatchObject({
      status: 'ok',
      reasons: [],
      vendors: { total: 1, monitored: 1, checked: 1, stale: 0, failing: 0 },
      lastRefresh: { trigger: 'cron', checked: 1, changed: 1, failed: 0 },
      outbox: { pending: 0, failed: 0, stuck: 0 },
    })
    expect(body.memory.rssMb).toBeGreaterThan(0)
  })

  it('refuses to run in production when no secret is configured', async () => {
    vi.resetModules()
    vi.stubEnv('CRON_SECRET', '')
    vi.stubEnv('NODE_ENV', 'production')
    const { GET: unconfigured } = await import('./route')
    const res = await unconfigured(new Request('http://localhost/api/cron/refresh'))
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ error: 'not_configured' })
    vi.unstubAllEnvs()
  })
})

describe('GET /api/cron/refresh?vendor=', () => {
  it('checks that vendor again now, and 404s an unknown slug', async () => {
    await firstCycle()
    const before = server.requests.length
    const res = await GET(new Request('http://localhost/api/cron/refresh?vendor=github', { headers: { authorization: 'Bearer test-cron-secret' } }))
    expect(await res.json()).toMatchObject({ checked: 1, unchanged: 1 })
    expect(server.requests.length).toBeGreaterThan(before)
    const missing = await GET(new Request('http://localhost/api/cron/refresh?vendor=nope', { headers: { authorization: 'Bearer test-cron-secret' } }))
    expect(missing.status).toBe(404)
  })
})

describe('GET /api/cron/refresh?vendor= with other vendors due', () => {
  it('checks that vendor before any other due vendor', async () => {
    // Never-checked vendors are due (nextCheckAt is null), as the whole catalog is on a fresh install.
    const others = ['alpha', 'bravo', 'charlie', 'delta', 'echo']
    await upsertCatalogRows(others.map((slug) => ({ name: slug, slug, statusPageUrl: `https://${slug}.example`, platform: 'statuspage' as const, apiUrl: `${server.url}/${slug}/api/v2/summary.json` })))
    const before = server.requests.length
    const res = await GET(new Request('http://localhost/api/cron/refresh?vendor=github', { headers: { authorization: 'Bearer test-cron-secret' } }))
    expect(res.status).toBe(200)
    const requested = server.requests.slice(before).map((r) => r.path)
    expect(requested[0]).toMatch(/^\/gh\//)
    // ...and the others still get their turn in the same cycle.
    for (const slug of others) expect(requested.some((p) => p.startsWith(`/${slug}/`))).toBe(true)
  })
})
