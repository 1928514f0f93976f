// Messages between `npm run bench:pages` and its load generator (scripts/bench/load.ts).

export interface LoadRun {
  type: 'run'
  baseUrl: string
  paths: string[]
  concurrency: number
  /**
   * `each`: every path exactly once, `concurrency` at a time (first views, cache fills).
   * `random`: closed loop for `durationMs`: each client requests a random path, waits for the whole
   * response, then requests the next.
   */
  mode: 'each' | 'random'
  durationMs?: number
}

export type LoadRequest = LoadRun | { type: 'stop' }

export interface LoadResult {
  requests: number
  /** Non-200 answers and failed requests; not in the latency figures. */
  errors: number
  errorSamples: string[]
  elapsedMs: number
  /** Latency from sending the request to the last byte of the response, over the 200 answers. */
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Bytes on the wire (gzip when the server compressed), per 200 answer. */
  meanBytes: number
  /** Counts of the `x-nextjs-cache` header (HIT, STALE, MISS, or "none" for dynamic pages). */
  cache: Record<string, number>
  /** The 200 answers split by `x-nextjs-cache` value and by kind of URL (its query parameter names). */
  byCache: Record<string, Slice>
  byKind: Record<string, Slice>
  /** CPU the load generator itself used during the run. */
  cpuMs: number
}

export interface Slice {
  count: number
  p50Ms: number
  p95Ms: number
}

export type LoadMessage = { type: 'ready' } | { type: 'result'; result: LoadResult }

/** Nearest-rank percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0
