// What the refresh benchmark measures besides time: row writes per table (from PostgreSQL's own
// statistics) and the memory of the benchmark process.
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

export const MB = 1024 * 1024

export async function withPg<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export interface TableWrites {
  ins: number
  upd: number
  /** Updates that touched no index (heap-only tuples): the cheap kind. */
  hot: number
  del: number
}
export type WriteStats = Map<string, TableWrites>

const readWriteStats = (url: string): Promise<WriteStats> =>
  // A fresh connection each time: a backend caches the stats snapshot it read first.
  withPg(url, async (c) => {
    const { rows } = await c.query<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
      'SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables',
    )
    return new Map(rows.map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd), hot: Number(r.hot), del: Number(r.del) }]))
  })

const same = (a: WriteStats, b: WriteStats) => [...a].every(([table, w]) => JSON.stringify(w) === JSON.stringify(b.get(table)))

/**
 * Write counters once every backend has reported. Since PostgreSQL 15 a busy backend flushes its
 * pending counts at most once a second and an idle one only after 10 s (PGSTAT_IDLE_INTERVAL), or
 * when it exits (the pool closes idle connections after 10 s too). So: wait past that, then until
 * two readings a second apart agree.
 */
export async function settledWriteStats(url: string): Promise<WriteStats> {
  const started = Date.now()
  let previous = await readWriteStats(url)
  for (;;) {
    await sleep(1_000)
    const current = await readWriteStats(url)
    if (Date.now() - started >= 11_000 && same(previous, current)) return current
    if (Date.now() - started > 30_000) throw new Error('write statistics did not settle within 30 s')
    previous = current
  }
}

export function diffWrites(before: WriteStats, after: WriteStats): WriteStats {
  const out: WriteStats = new Map()
  for (const [table, a] of after) {
    const b = before.get(table) ?? { ins: 0, upd: 0, hot: 0, del: 0 }
    const d = { ins: a.ins - b.ins, upd: a.upd - b.upd, hot: a.hot - b.hot, del: a.del - b.del }
    if (d.ins || d.upd || d.del) out.set(table, d)
  }
  return out
}

export function addWrites(into: WriteStats, more: WriteStats): void {
  for (const [table, w] of more) {
    const t = into.get(table) ?? { ins: 0, upd: 0, hot: 0, del: 0 }
    into.set(table, { ins: t.ins + w.ins, upd: t.upd + w.upd, hot: t.hot + w.hot, del: t.del + w.del })
  }
}

/** Peak resident memory, sampled every 100 ms, overall and since the last resetCyclePeak(). */
export function startRssSampler() {
  let peak = process.memoryUsage.rss()
  let cyclePeak = peak
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss()
    peak = Math.max(peak, rss)
    cyclePeak = Math.max(cyclePeak, rss)
  }, 100)
  timer.unref()
  return {
    peakBytes: () => peak,
    cyclePeakBytes: () => Math.max(cyclePeak, process.memoryUsage.rss()),
    resetCyclePeak: () => {
      cyclePeak = process.memoryUsage.rss()
    },
    stop: () => clearInterval(timer),
  }
}

/** Resident and heap memory after a full collection, so cycle-to-cycle growth is not garbage. */
export function settledMemory(): { rss: number; heap: number } {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run node with --expose-gc')
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heap: heapUsed }
}

/** Busy and total CPU time of the whole machine, in ms summed over cores (to see who else was busy). */
export function machineCpu(): { busy: number; total: number } {
  let busy = 0
  let total = 0
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle
    total += all
    busy += all - times.idle
  }
  return { busy, total }
}
