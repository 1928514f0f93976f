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
    orderBy: [{ checkedAt: 'asc' }, { id: 'asc' }],
  })
  for (const row of rows) {
    const list = result.get(row.probe.vendorId) ?? []
    list.push({ probeId: row.probeId, checkedAt: row.checkedAt, ok: row.ok, latencyMs: row.latencyMs })
    result.set(row.probe.vendorId, list)
  }
  return result
}

/**
 * Each probe's baseline over the 28 days before `now`, per vendor id (probes never checked have
 * `checks: 0`). The database sums a latency histogram per probe (the bounds of
 * lib/signal/probe-baseline.ts) instead of sending ~40,000 rows per probe.
 */
export async function probeBaselines(vendorIds: readonly string[], now: Date): Promise<Map<string, ProbeBaseline[]>> {
  const result = new Map<string, ProbeBaseline[]>()
  if (vendorIds.length === 0) return result
  const from = new Date(now.getTime() - PROBE_BASELINE_WINDOW_MS)
  const bounds = [...LATENCY_BUCKET_BOUNDS_MS]
  // width_bucket(x, bounds) is 0 below the first bound and i for bounds[i-1] <= x < bounds[i]:
  // the same index latencyBucketOf gives.
  const rows = await db.$queryRaw<{ vendorId: string; probeId: string; bucket: number | null; checks: number; failures: number; up: number }[]>(Prisma.sql`
    SELECT p."vendorId", p."id" AS "probeId",
           CASE WHEN r."ok" AND r."latencyMs" IS NOT NULL THEN width_bucket(r."latencyMs", ${bounds}::int[]) END AS "bucket",
           count(r."id")::int AS "checks",
           (count(r."id") FILTER (WHERE NOT r."ok"))::int AS "failures",
           (count(r."id") FILTER (WHERE r."ok" AND r."latencyMs" IS NOT NULL))::int AS "up"
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

/** The latest check of each of the vendor's probes (for the vendor page; unofficial, our own). */
export async function probeSummary(vendorId: string): Promise<ProbeSummaryItem[]> {
  const probes = await db.probe.findMany({
    where: { vendorId },
    orderBy: { url: 'asc' },
    select: { id: true, url: true, results: { orderBy: { checkedAt: 'desc' }, take: 1, select: { checkedAt: true, ok: true, statusCode: true, latencyMs: true } } },
  })
  return probes.map((p) => {
    const last = p.results[0]
    return { probeId: p.id, url: p.url, checkedAt: last?.checkedAt ?? null, ok: last?.ok ?? null, statusCode: last?.statusCode ?? null, latencyMs: last?.latencyMs ?? null }
  })
}
