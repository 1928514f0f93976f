// A probe's usual behaviour over the baseline window (28 days): how often it fails and how fast it
// answers when it is up. The database hands over a latency histogram per probe (lib/data/probes.ts),
// not the ~40,000 checks a probe makes in 28 days, so percentiles are read from the histogram:
// exact to the bucket, which is all a "slower than usual" comparison needs. Pure: no I/O.

/**
 * Upper bounds (ms, exclusive) of the latency buckets; the last bucket is open-ended. Finer where API
 * latencies live (tens to hundreds of ms), coarse towards the probe timeout (4 s).
 */
export const LATENCY_BUCKET_BOUNDS_MS = [25, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000] as const

/** What the database aggregates for one probe over the window. */
export interface ProbeWindowCounts {
  probeId: string
  checks: number
  failures: number
  /**
   * Checks that were up with a measured latency, per bucket: index i counts latencies in
   * [bound[i-1], bound[i]) (index 0 from 0; the last index, bounds.length, from the last bound up).
   */
  latencyBuckets: readonly number[]
}

export interface ProbeBaseline {
  probeId: string
  checks: number
  /** failures / checks, 0..1; null with no checks. */
  failureRate: number | null
  /** Latency percentiles of the checks that were up, in ms; null with none. */
  latencyP50Ms: number | null
  latencyP95Ms: number | null
}

/** The bucket index of a latency (the SQL side uses the same bounds: lib/data/probes.ts). */
export function latencyBucketOf(latencyMs: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => latencyMs < bound)
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index
}

/**
 * The q-quantile (0 < q <= 1) of a histogram by the nearest-rank rule, linearly interpolated
 * inside the bucket holding that rank. The open-ended last bucket answers its lower bound (a
 * latency past the probe timeout is not measured anyway). Null for an empty histogram.
 */
export function histogramQuantile(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0)
  if (total === 0) return null
  const rank = Math.max(1, Math.ceil(q * total))
  let below = 0
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i] ?? 0
    if (count > 0 && below + count >= rank) {
      const lower = i === 0 ? 0 : (LATENCY_BUCKET_BOUNDS_MS[i - 1] ?? 0)
      const upper = LATENCY_BUCKET_BOUNDS_MS[i]
      if (upper === undefined) return lower
      return Math.round(lower + ((upper - lower) * (rank - below)) / count)
    }
    below += count
  }
  return null
}

export function probeBaseline(counts: ProbeWindowCounts): ProbeBaseline {
  return {
    probeId: counts.probeId,
    checks: counts.checks,
    failureRate: counts.checks === 0 ? null : counts.failures / counts.checks,
    latencyP50Ms: histogramQuantile(counts.latencyBuckets, 0.5),
    latencyP95Ms: histogramQuantile(counts.latencyBuckets, 0.95),
  }
}

/** A histogram of latencies, as the database builds it: for tests and for callers holding raw checks. */
export function latencyHistogram(latenciesMs: readonly number[]): number[] {
  const buckets = new Array<number>(LATENCY_BUCKET_BOUNDS_MS.length + 1).fill(0)
  for (const ms of latenciesMs) {
    const i = latencyBucketOf(ms)
    buckets[i] = (buckets[i] ?? 0) + 1
  }
  return buckets
}
