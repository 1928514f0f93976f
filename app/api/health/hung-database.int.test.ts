// A PostgreSQL server that accepts connections and never answers (issue 11, finding 6): health
// and the JSON API must answer 503 within seconds instead of hanging. The app is pointed at a
// silent local socket with the shipped default timeouts, before any app module is imported
// (lib/env.ts reads the environment once).
import { afterAll, describe, expect, it } from 'vitest'
import { startSilentPostgres } from '@/lib/testing/silent-postgres'

const silent = await startSilentPostgres()
process.env.DATABASE_URL = silent.url
for (const name of ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_IDLE_TIMEOUT_MS']) delete process.env[name]
;(globalThis as { __vendorwatchDb?: unknown }).__vendorwatchDb = undefined
const { GET: health } = await import('./route')
const { GET: listVendors } = await import('@/app/api/v1/vendors/route')
const { GET: vendorDetail } = await import('@/app/api/v1/vendors/[slug]/route')

afterAll(() => silent.close())

async function timed(call: () => Promise<Response>) {
  const started = performance.now()
  const res = await call()
  return { res, ms: performance.now() - started }
}

describe('a database that accepts connections and never answers', () => {
  it('GET /api/health answers 503 within 5 s', { timeout: 15_000 }, async () => {
    const { res, ms } = await timed(() => health(new Request('http://localhost/api/health')))
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'error' })
    expect(ms).toBeLessThan(5_000)
    expect(silent.connections()).toBeGreaterThan(0)
  })

  it('GET /api/v1/vendors answers 503 database_unavailable within 5 s', { timeout: 15_000 }, async () => {
    const { res, ms } = await timed(() => listVendors(new Request('http://localhost/api/v1/vendors')))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(await res.json()).toMatchObject({ error: 'database_unavailable' })
    expect(ms).toBeLessThan(5_000)
  })

  it('GET /api/v1/vendors/{slug} answers 503 too', { timeout: 15_000 }, async () => {
    const { res, ms } = await timed(() => vendorDetail(new Request('http://localhost/api/v1/vendors/github'), { params: Promise.resolve({ slug: 'github' }) }))
    expect(res.status).toBe(503)
    expect(ms).toBeLessThan(5_000)
  })
})
