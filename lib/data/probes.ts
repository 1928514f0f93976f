// Probe results as the signal and the pages read them: the recent checks per vendor (the rule's
// "N failed checks in a row"), each probe's baseline over the window (failure rate, latency), and
// the latest check per probe for the vendor page.
import { Prisma } from '@/lib/db/generated/client'
import { db } from '@/lib/db/client'
import { LATENCY_BUCKET_BOUNDS_MS, probeBaseline, type ProbeBaseline } from '@/lib/signal/probe-baseline'
import type { ProbeCheck } from '@/lib/signal/types'

/** The probe baselines' window, like the reports' (issue 19: 28 days). */
export const PROBE_BASELINE_WINDOW_MS = 28 * 24 * 60 * 60 * 1000
/** Results are kept this long: the window plus two days, so a window never starts on pruned rows. */
export const PROBE_RESULT_RETENTION_MS = PROBE_BASELINE_WINDOW_MS + 2 * 24 * 60 * 60 * 1000

/** Every check since `since` of each vendor's probes, per vendor id, oldest first (the contract's order). */
export async function recentProbeChecks(vendorIds: readonly string[], since: Date): Promise<Map<string, ProbeCheck[]>> {
  const result = new Map<string, ProbeCheck[]>()
  if (vendorIds.length === 0) return result
  const rows = await db.probeResult.findMany({
    where: { checkedAt: { gte: since }, probe: { vendorId: { in: [...vendorIds] } } },
    select: { probeId: true, checkedAt: true, ok: true, latencyMs: true, probe: { select: { vendorId: true } } },
    orderBy: [{ checkedAt: 'asc' }, { probeId: 'asc' }],
  })
  for (const row of rows) {
    const list = result.get(row.probe.vendorId) ?? []
    list.push({ probeId: row.probeId, checkedAt: row.checkedAt, ok: row.ok, latencyMs: row.latencyMs })
    result.set(row.probe.vendorId, list)
  }
  return result
}

/** The vendors that have probes: the ones whose checks the signal evaluates each run. */
export async function probedVendorIds(): Promise<string[]> {
  const rows = await db.probe.findMany({ distinct: ['vendorId'], select: { vendorId: true }, orderBy: { vendorId: 'asc' } })
  return rows.map((r) => r.vendorId)
}

/**
 * Baselines are reused this long per vendor: a 28-day aggregate moves by about 1/700 of its window
 * in an hour, and computing it reads ~40,000 index entries per probe (a few seconds for all 50 on a
 * loaded machine), far too much to repeat every cycle.
 */
export const PROBE_BASELINE_REUSE_MS = 60 * 60 * 1000
const baselineCache = new Map<string, { computedAt: number; baselines: ProbeBaseline[] }>()

/**
 * Each probe's baseline over the 28 days before `now`, per vendor id (probes never checked have
 * `checks: 0`; vendors without probes are absent). Reused for PROBE_BASELINE_REUSE_MS of `now` (the
 * caller's clock, so a test's fake clock decides when it is computed again).
 */
export async function probeBaselines(vendorIds: readonly string[], now: Date): Promise<Map<string, ProbeBaseline[]>> {
  const result = new Map<string, ProbeBaseline[]>()
  const stale: string[] = []
  for (const vendorId of new Set(vendorIds)) {
    const cached = baselineCache.get(vendorId)
    if (cached && Math.abs(now.getTime() - cached.computedAt) < PROBE_BASELINE_REUSE_MS) {
      if (cached.baselines.length > 0) result.set(vendorId, cached.baselines)
    } else stale.push(vendorId)
  }
  if (stale.length === 0) return result
  const computed = await computeProbeBaselines(stale, now)
  for (const vendorId of stale) {
    const baselines = computed.get(vendorId) ?? []
    baselineCache.set(vendorId, { computedAt: now.getTime(), baselines })
    if (baselines.length > 0) result.set(vendorId, baselines)
  }
  return result
}

/** Drops the reused baselines (a test that rewrites a vendor's history under the same clock). */
export function forgetProbeBaselines(): void {
  baselineCache.clear()
}

/**
 * The database sums a latency histogram per probe (the bounds of lib/signal/probe-baseline.ts)
 * instead of sending ~40,000 rows per probe, reading only the covering index (probeId, checkedAt,
 * ok, latencyMs): no column outside it may be used here.
 */
async function computeProbeBaselines(vendorIds: readonly string[], now: Date): Promise<Map<string, ProbeBaseline[]>> {
  const result = new Map<string, ProbeBaseline[]>()
  if (vendorIds.length === 0) return result
  const from = new Date(now.getTime() - PROBE_BASELINE_WINDOW_MS)
  const bounds = [...LATENCY_BUCKET_BOUNDS_MS]
  // width_bucket(x, bounds) is 0 below the first bound and i for bounds[i-1] <= x < bounds[i]:
  // the same index latencyBucketOf gives.
  const rows = await db.$queryRaw<{ vendorId: string; probeId: string; bucket: number | null; checks: number; failures: number; up: number }[]>(Prisma.sql`
    SELECT p."vendorId", p."id" AS "probeId",
           CASE WHEN r."ok" AND r."latencyMs" IS NOT NULL THEN width_bucket(r."latencyMs", ${bounds}::int[]) END AS "bucket",
           count(r."probeId")::int AS "checks",
           (count(r."probeId") FILTER (WHERE NOT r."ok"))::int AS "failures",
           (count(r."probeId") FILTER (WHERE r."ok" AND r."latencyMs" IS NOT NULL))::int AS "up"
    FROM "Probe" p
    LEFT JOIN "ProbeResult" r ON r."probeId" = p."id" AND r."checkedAt" >= ${from} AND r."checkedAt" < ${now}
    WHERE p."vendorId" = ANY(${[...vendorIds]})
    GROUP BY 1, 2, 3
    ORDER BY 1, 2`)
  const perProbe = new Map<string, { vendorId: string; checks: number; failures: number; buckets: number[] }>()
  for (const row of rows) {
    const entry = perProbe.get(row.probeId) ?? { vendorId: row.vendorId, checks: 0, failures: 0, buckets: new Array<number>(bounds.length + 1).fill(0) }
    entry.checks += row.checks
    entry.failures += row.failures
    if (row.bucket !== null) entry.buckets[row.bucket] = (entry.buckets[row.bucket] ?? 0) + row.up
    perProbe.set(row.probeId, entry)
  }
  for (const [probeId, entry] of perProbe) {
    const list = result.get(entry.vendorId) ?? []
    list.push(probeBaseline({ probeId, checks: entry.checks, failures: entry.failures, latencyBuckets: entry.buckets }))
    result.set(entry.vendorId, list)
  }
  return result
}

export interface ProbeSummaryItem {
  probeId: string
  url: string
  /** null: never checked yet. */
  checkedAt: Date | null
  ok: boolean | null
  statusCode: number | null
  latencyMs: number | null
}

/**
 * The latest check of each of the vendor's probes (for the vendor page; unofficial, our own). One
 * index lookup per probe (LATERAL ... LIMIT 1), never a scan of its 28 days.
 */
export async function probeSummary(vendorId: string): Promise<ProbeSummaryItem[]> {
  return db.$queryRaw<ProbeSummaryItem[]>(Prisma.sql`
    SELECT p."id" AS "probeId", p."url", r."checkedAt", r."ok", r."statusCode", r."latencyMs"
    FROM "Probe" p
    LEFT JOIN LATERAL (
      SELECT "checkedAt", "ok", "statusCode", "latencyMs" FROM "ProbeResult"
      WHERE "probeId" = p."id" ORDER BY "checkedAt" DESC LIMIT 1
    ) r ON true
    WHERE p."vendorId" = ${vendorId}
    ORDER BY p."url"`)
}
