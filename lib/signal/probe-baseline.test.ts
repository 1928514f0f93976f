import { describe, expect, it } from 'vitest'
import { histogramQuantile, LATENCY_BUCKET_BOUNDS_MS, latencyBucketOf, latencyHistogram, probeBaseline } from './probe-baseline'

/** Exact nearest-rank percentile, the reference the histogram is compared with. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? NaN
}

/** The bucket's width around a value: how far a histogram answer may be from the exact one. */
function bucketWidth(ms: number): number {
  const i = latencyBucketOf(ms)
  const lower = i === 0 ? 0 : (LATENCY_BUCKET_BOUNDS_MS[i - 1] ?? 0)
  return (LATENCY_BUCKET_BOUNDS_MS[i] ?? lower) - lower
}

// A deterministic generator (no Math.random: a failing run must be repeatable).
function* lcg(seed: number): Generator<number> {
  let x = seed
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    yield x / 2 ** 31
  }
}

describe('latencyBucketOf', () => {
  it('puts a latency in the bucket whose upper bound it is below, and past the last bound in the open one', () => {
    expect(latencyBucketOf(0)).toBe(0)
    expect(latencyBucketOf(24)).toBe(0)
    expect(latencyBucketOf(25)).toBe(1)
    expect(latencyBucketOf(3999)).toBe(LATENCY_BUCKET_BOUNDS_MS.length - 1)
    expect(latencyBucketOf(4000)).toBe(LATENCY_BUCKET_BOUNDS_MS.length)
    expect(latencyBucketOf(60_000)).toBe(LATENCY_BUCKET_BOUNDS_MS.length)
  })
})

describe('histogramQuantile', () => {
  it('is null for no checks', () => {
    expect(histogramQuantile(latencyHistogram([]), 0.5)).toBeNull()
  })

  it('lands within one bucket of the exact percentile on a typical API latency spread', () => {
    const random = lcg(7)
    // Mostly 80–200 ms with a slow tail to ~2 s, like an API root seen from one region.
    const latencies = Array.from({ length: 5000 }, () => {
      const r = random.next().value as number
      return r < 0.9 ? 80 + r * 130 : 300 + (r - 0.9) * 17_000
    })
    const histogram = latencyHistogram(latencies)
    for (const q of [0.5, 0.95]) {
      const exact = exactQuantile(latencies, q)
      const estimate = histogramQuantile(histogram, q) ?? NaN
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(bucketWidth(exact))
    }
  })

  it('answers the lower bound of the open-ended bucket rather than inventing a latency past it', () => {
    expect(histogramQuantile(latencyHistogram([5000, 6000, 7000]), 0.5)).toBe(4000)
  })

  it('reads a single check as its bucket', () => {
    const p = histogramQuantile(latencyHistogram([120]), 0.95) ?? NaN
    expect(p).toBeGreaterThanOrEqual(100)
    expect(p).toBeLessThanOrEqual(150)
  })
})

describe('probeBaseline', () => {
  it('gives the failure rate over every check and the latency of the ones that were up', () => {
    const up = Array.from({ length: 90 }, (_, i) => 100 + i)
    const baseline = probeBaseline({ probeId: 'p1', checks: 100, failures: 10, latencyBuckets: latencyHistogram(up) })
    expect(baseline.failureRate).toBeCloseTo(0.1)
    expect(baseline.latencyP50Ms).toBeGreaterThanOrEqual(100)
    expect(baseline.latencyP50Ms).toBeLessThanOrEqual(200)
    expect(baseline.latencyP95Ms).toBeGreaterThanOrEqual(150)
    expect(baseline.latencyP95Ms).toBeLessThanOrEqual(200)
  })

  it('has no rates for a probe never checked, and no latency for one that never answered', () => {
    expect(probeBaseline({ probeId: 'p', checks: 0, failures: 0, latencyBuckets: latencyHistogram([]) })).toEqual({
      probeId: 'p',
      checks: 0,
      failureRate: null,
      latencyP50Ms: null,
      latencyP95Ms: null,
    })
    expect(probeBaseline({ probeId: 'p', checks: 12, failures: 12, latencyBuckets: latencyHistogram([]) })).toMatchObject({ failureRate: 1, latencyP50Ms: null })
  })
})
