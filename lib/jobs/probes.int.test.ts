// The probes as the app runs them, in production settings (INGEST_ALLOW_PRIVATE_NETWORK unset): the
// scheduled work requests them after the refresh, and a probe pointing at a private address is
// refused by the guarded client before any connection is made. App modules are imported after the
// environment is set, because lib/env.ts reads it once at import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeStandIn } from '@/lib/testing/probe-standin'

delete process.env.INGEST_ALLOW_PRIVATE_NETWORK
process.env.CRON_SECRET = 'test-cron-secret'
const { runScheduledWork } = await import('./scheduled-work')
const { upsertCatalogRows } = await import('@/lib/data/catalog')
const { db } = await import('@/lib/db/client')
const { addProbe, startProbeStandIn } = await import('@/lib/testing/probe-standin')

let api: ProbeStandIn

beforeAll(async () => {
  api = await startProbeStandIn('up')
})

afterAll(async () => {
  await api.close()
})

describe('probes in the scheduled work', () => {
  it('runs after the refresh, and refuses a probe of a private address without requesting it', async () => {
    await upsertCatalogRows([{ name: 'Intranet', slug: 'intranet', statusPageUrl: 'https://status.intranet.example', platform: 'statuspage' }])
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'intranet' } })
    // The refresh itself has nothing to do: this test is about the probe.
    await db.statusSource.update({ where: { vendorId: vendor.id }, data: { enabled: false } })
    const probeId = await addProbe(vendor.id, api.url)

    const outcome = await runScheduledWork({ authorization: 'Bearer test-cron-secret', refreshBudgetMs: 5_000, notifyBudgetMs: 5_000, dropChangedPages: () => {} })
    expect(outcome.kind).toBe('done')
    const results = await db.probeResult.findMany({ where: { probeId } })
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ ok: false, statusCode: null, latencyMs: null })
    expect(results[0]?.error).toMatch(/^blocked: /)
    expect(api.requests).toBe(0)
  })
})
