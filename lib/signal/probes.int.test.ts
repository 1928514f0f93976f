// The probe runner on the real database through the real HTTP client, against a local stand-in of
// a vendor's API (private network allowed only by the test client, as in the ingest tests): what
// is stored, politeness across runs, and what the signal and the pages read back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { PROBE_BASELINE_REUSE_MS, probeBaselines, probedVendorIds, probeSummary, PROBE_RESULT_RETENTION_MS, recentProbeChecks } from '@/lib/data/probes'
import { db } from '@/lib/db/client'
import { addProbe, runProbesAt, startProbeStandIn, testProbeClient, type ProbeStandIn } from '@/lib/testing/probe-standin'
import { resetDatabase } from '@/lib/testing/reset-database'

const T0 = new Date('2026-03-02T09:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let api: ProbeStandIn
let down: ProbeStandIn
let vendorId: string

beforeAll(async () => {
  api = await startProbeStandIn('up')
  down = await startProbeStandIn({ status: 503 })
})

afterAll(async () => {
  testProbeClient().close()
  await api.close()
  await down.close()
})

beforeEach(async () => {
  await resetDatabase()
  await upsertCatalogRows([{ name: 'Acme API', slug: 'acme', statusPageUrl: 'https://status.acme.example', platform: 'statuspage' }])
  vendorId = (await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } })).id
})

const resultsOf = (probeId: string) => db.probeResult.findMany({ where: { probeId }, orderBy: { checkedAt: 'asc' } })

describe('probe runs against a stand-in', () => {
  it('stores each answer: up with its status and latency, a 503 as down, a hang as a timeout with no status', async () => {
    const up = await addProbe(vendorId, api.url)
    const failing = await addProbe(vendorId, down.url)
    const hang = await startProbeStandIn('hang')
    try {
      const hung = await addProbe(vendorId, hang.url)
      expect(await runProbesAt(T0)).toMatchObject({ claimed: 3, checked: 3, up: 1, down: 2, handedBack: 0 })
      const [u] = await resultsOf(up)
      expect(u).toMatchObject({ checkedAt: T0, ok: true, statusCode: 200, error: null })
      expect(u?.latencyMs).toEqual(expect.any(Number))
      expect((await resultsOf(failing))[0]).toMatchObject({ ok: false, statusCode: 503 })
      const [h] = await resultsOf(hung)
      expect(h).toMatchObject({ ok: false, statusCode: null, latencyMs: null })
      expect(h?.error).toMatch(/^timeout: /)
    } finally {
      await hang.close()
    }
  })

  it('requests a probe once per interval however often the runs come, and follows a switch to 503', async () => {
    const probeId = await addProbe(vendorId, api.url)
    const before = api.requests
    await runProbesAt(T0)
    await runProbesAt(at(0.5))
    await runProbesAt(at(0.9))
    expect(api.requests - before).toBe(1)
    api.answer({ status: 503 })
    await runProbesAt(at(1))
    api.answer('up')
    expect(api.requests - before).toBe(2)
    expect((await resultsOf(probeId)).map((r) => [r.checkedAt, r.ok, r.statusCode])).toEqual([
      [T0, true, 200],
      [at(1), false, 503],
    ])
  })

  it('lets two overlapping runs claim each probe once between them', async () => {
    for (let i = 0; i < 6; i++) await addProbe(vendorId, `${api.url}?n=${i}`)
    const before = api.requests
    const [a, b] = await Promise.all([runProbesAt(T0), runProbesAt(T0)])
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(6)
    expect(api.requests - before).toBe(6)
  })

  it('prunes results past the retention, and only those', async () => {
    const probeId = await addProbe(vendorId, api.url)
    const now = at(60)
    const old = new Date(now.getTime() - PROBE_RESULT_RETENTION_MS - 1)
    const kept = new Date(now.getTime() - PROBE_RESULT_RETENTION_MS + 60_000)
    await db.probeResult.createMany({ data: [old, kept].map((checkedAt) => ({ probeId, checkedAt, ok: true, statusCode: 200, latencyMs: 100 })) })
    expect(await runProbesAt(now)).toMatchObject({ pruned: 1, checked: 1 })
    expect((await resultsOf(probeId)).map((r) => r.checkedAt)).toEqual([kept, now])
  })
})

describe('what the signal and the pages read', () => {
  it('recentProbeChecks: every check since the given time, per vendor, oldest first', async () => {
    const probeId = await addProbe(vendorId, api.url)
    await runProbesAt(T0)
    down.answer({ status: 503 })
    await db.probe.update({ where: { id: probeId }, data: { url: down.url } })
    await runProbesAt(at(1))
    await runProbesAt(at(2))
    const checks = await recentProbeChecks([vendorId, 'no-such-vendor'], at(0.5))
    expect(checks.get(vendorId)?.map((c) => [c.checkedAt, c.ok])).toEqual([
      [at(1), false],
      [at(2), false],
    ])
    expect(checks.has('no-such-vendor')).toBe(false)
    expect(await probedVendorIds()).toEqual([vendorId])
    expect(await recentProbeChecks([], T0)).toEqual(new Map())
  })

  it('probeSummary: the latest check of each probe, and probes never checked yet', async () => {
    const checked = await addProbe(vendorId, api.url)
    await runProbesAt(T0)
    await runProbesAt(at(1))
    const fresh = await addProbe(vendorId, `${api.url}?new`)
    const summary = await probeSummary(vendorId)
    expect(summary.find((s) => s.probeId === checked)).toMatchObject({ checkedAt: at(1), ok: true, statusCode: 200, latencyMs: expect.any(Number) })
    expect(summary.find((s) => s.probeId === fresh)).toMatchObject({ checkedAt: null, ok: null, latencyMs: null })
  })

  it('probeBaselines: failure rate and latency percentiles over the 28 days before now, per probe', async () => {
    const probeId = await addProbe(vendorId, api.url)
    const quiet = await addProbe(vendorId, `${api.url}?never`)
    const now = at(60 * 24 * 30)
    // 27 days of checks every 10 minutes: 1 in 10 failing, latencies 100–199 ms when up.
    const data = Array.from({ length: 27 * 144 }, (_, i) => {
      const ok = i % 10 !== 0
      return { probeId, checkedAt: new Date(now.getTime() - (i + 1) * 600_000), ok, statusCode: ok ? 200 : 503, latencyMs: ok ? 100 + (i % 100) : 80 }
    })
    // And one old failure, outside the window.
    data.push({ probeId, checkedAt: new Date(now.getTime() - 29 * 24 * 3_600_000), ok: false, statusCode: 503, latencyMs: 50 })
    await db.probeResult.createMany({ data })
    const baselines = await probeBaselines([vendorId], now)
    const b = baselines.get(vendorId)?.find((x) => x.probeId === probeId)
    expect(b?.checks).toBe(27 * 144)
    expect(b?.failureRate).toBeCloseTo(0.1, 3)
    // Up latencies run 101–199 ms: the histogram reads them to its bucket (100–150, 150–200).
    expect(b?.latencyP50Ms).toBeGreaterThanOrEqual(100)
    expect(b?.latencyP50Ms).toBeLessThanOrEqual(160)
    expect(b?.latencyP95Ms).toBeGreaterThanOrEqual(150)
    expect(b?.latencyP95Ms).toBeLessThanOrEqual(200)
    expect(baselines.get(vendorId)?.find((x) => x.probeId === quiet)).toEqual({ probeId: quiet, checks: 0, failureRate: null, latencyP50Ms: null, latencyP95Ms: null })

    // Reused within the hour (a 28-day figure), computed again after it.
    await db.probeResult.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ probeId: quiet, checkedAt: new Date(now.getTime() - (i + 1) * 60_000), ok: false })) })
    const failureRateOfQuiet = async (when: Date) => (await probeBaselines([vendorId], when)).get(vendorId)?.find((x) => x.probeId === quiet)?.failureRate
    expect(await failureRateOfQuiet(new Date(now.getTime() + 60_000))).toBeNull()
    expect(await failureRateOfQuiet(new Date(now.getTime() + PROBE_BASELINE_REUSE_MS))).toBe(1)
  })
})
