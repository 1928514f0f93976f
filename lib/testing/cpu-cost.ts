// CPU cost of a piece of work, for tests that check how cost GROWS (linear, bounded) instead of a
// wall-clock limit: a ratio of two costs measured on the same machine at the same moment cannot be
// failed by a slow or busy machine, and a fast one cannot hide a quadratic scan.

// This thread's CPU time, not the process's (which counts V8's GC and compiler threads) and not wall
// time (which counts everything else on the machine). threadCpuUsage is Node >= 23.9, newer than
// this project's @types/node; older Nodes fall back to the process's.
const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage ?? process.cpuUsage
const threadCpuMs = () => usage.call(process).user / 1000

/** CPU ms of `times` runs of `run`, after one warm-up run, best of three. */
export function cpuCostMs(run: () => void, times = 1): number {
  run()
  let best = Infinity
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = threadCpuMs()
    for (let i = 0; i < times; i++) run()
    best = Math.min(best, threadCpuMs() - start)
  }
  return best
}

/**
 * Thread CPU time is counted in scheduler ticks (4 ms on these machines): work cheaper than a few
 * ticks measures as 0 or as one tick, and a ratio of such figures is quantisation noise (a CI run
 * saw "40x": one tick over the 0.1 ms floor). Both sides are repeated together until the small one
 * costs at least this much, which keeps one tick under a fifth of it.
 */
const MEASURABLE_MS = 20

/**
 * The cost of one run of `big` over `smallTimes` runs of `small`, the lowest of `attempts`
 * measurements. Noise (a GC pause, a cold cache) only ever inflates a measurement, while a
 * super-linear algorithm inflates every one, so the lowest ratio is the honest one.
 */
export function costRatio(big: () => void, small: () => void, smallTimes: number, attempts = 3): number {
  let repeats = 1
  while (repeats < 4096 && cpuCostMs(small, smallTimes * repeats) < MEASURABLE_MS) repeats *= 2
  let lowest = Infinity
  for (let attempt = 0; attempt < attempts; attempt++) {
    // The small side is floored at 0.1 ms so a run too fast to measure cannot divide by zero.
    lowest = Math.min(lowest, cpuCostMs(big, repeats) / Math.max(cpuCostMs(small, smallTimes * repeats), 0.1))
  }
  return lowest
}
