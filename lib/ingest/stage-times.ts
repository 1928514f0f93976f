// Where a cycle's time goes, stage by stage (the benchmark prints it; nothing decides on it).
// Times are wall-clock per vendor and stage, summed: stages that run concurrently (fetches) add
// up to more than the cycle, while synchronous ones (parse, diff) are time the event loop spent.
export type Stage = 'claim + record' | 'fetch' | 'parse' | 'load state' | 'diff' | 'write'

export interface StageTimes {
  add(stage: Stage, ms: number): void
}

/** Runs `work`, adding its wall time to `stage` (when timing is on). */
export async function timed<T>(times: StageTimes | undefined, stage: Stage, work: () => Promise<T>): Promise<T> {
  if (!times) return work()
  const started = performance.now()
  try {
    return await work()
  } finally {
    times.add(stage, performance.now() - started)
  }
}

export function timedSync<T>(times: StageTimes | undefined, stage: Stage, work: () => T): T {
  if (!times) return work()
  const started = performance.now()
  try {
    return work()
  } finally {
    times.add(stage, performance.now() - started)
  }
}

/** A StageTimes that sums: { stage: { count, ms } }. */
export function createStageTotals() {
  const totals = new Map<Stage, { count: number; ms: number }>()
  return {
    add(stage: Stage, ms: number) {
      const t = totals.get(stage) ?? { count: 0, ms: 0 }
      t.count++
      t.ms += ms
      totals.set(stage, t)
    },
    totals: () => Object.fromEntries(totals) as Partial<Record<Stage, { count: number; ms: number }>>,
  }
}
