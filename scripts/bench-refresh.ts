// `npm run bench:refresh`: the refresh cycle against 2,000 imitation vendors on PostgreSQL.
//   BENCH_CYCLES=6 npm run bench:refresh     (default 50 cycles)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
// Prints vendors/second, cycle time, row writes per unchanged vendor, peak RSS and RSS growth
// beside the issue's targets. The exit code says only whether the benchmark itself ran.
//
// The vendors are served by a child process (scripts/bench/status-farm.ts) so that this process
// holds nothing but the refresh. Cycles run with the production settings; instead of waiting the
// 60 s interval, every vendor is made due again between cycles.
import { execFileSync, fork, spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { RefreshSummary } from '@/lib/ingest/refresh'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { FARM_FAULT_SHARE, FARM_LATENCY_MS, type FarmMessage, type FarmRequest, type FarmStats } from './bench/farm-protocol'
import { addWrites, diffWrites, settledMemory, settledWriteStats, startRssSampler, withPg, type WriteStats } from './bench/measure'
import { cycleHeader, cycleLine, summaryLines, type CycleRecord } from './bench/report'

// gc() before each memory sample needs --expose-gc: run again with it when it was not given.
if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(again.status ?? 1)
}

const VENDORS = 2_000
const CYCLES = Number(process.env.BENCH_CYCLES || 50)
const DATABASE = 'vendorwatch_bench_refresh'
const MINUTE = 60_000
/** Upstream changes per cycle: about 1% of vendors move to another state of their page. */
const CHANGES_PER_CYCLE = Math.round(VENDORS * 0.01)
/**
 * Pause between cycles, just over the HTTP client's 4 s idle-socket timeout: in production ~40 s
 * pass between cycles, so every cycle opens fresh connections; back-to-back cycles would reuse them.
 */
const PAUSE_MS = 4_500
const STATUSIO_API = 'https://api.status.io/1.0/status/'
/** Cycle 2 (right after the baseline) and every 10th cycle change nothing upstream. */
const isQuiet = (n: number) => n === 2 || n % 10 === 0

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)

/** The farm, with one request in flight at a time per reply type. */
function startFarm() {
  const child = fork(fileURLToPath(new URL('./bench/status-farm.ts', import.meta.url)), [String(VENDORS)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = <T extends FarmMessage['type']>(type: T) =>
    new Promise<Extract<FarmMessage, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`status farm exited (code ${code})`))
      const onMessage = (m: FarmMessage) => {
        if (m.type !== type) return
        child.off('message', onMessage).off('exit', onExit)
        resolve(m as Extract<FarmMessage, { type: T }>)
      }
      child.on('message', onMessage).once('exit', onExit)
    })
  const ask = <T extends FarmMessage['type']>(request: FarmRequest, reply: T) => {
    const answer = next(reply)
    child.send(request)
    return answer
  }
  return {
    ready: next('ready'),
    mutate: async (count: number) => (await ask({ type: 'mutate', count }, 'mutated')).count,
    stats: async (): Promise<FarmStats> => (await ask({ type: 'stats' }, 'stats')).stats,
    stop: () => child.connected && child.send({ type: 'stop' } satisfies FarmRequest),
  }
}

/** Due now, as if the interval had passed. A quiet cycle parks broken vendors, so it sees only unchanged ones. */
const makeDue = (quiet: boolean) =>
  withPg(url, (c) =>
    c.query(
      quiet
        ? `UPDATE "StatusSource" SET "nextCheckAt" = CASE WHEN "consecutiveFailures" = 0 THEN now() - interval '1 second' ELSE now() + interval '1 hour' END`
        : `UPDATE "StatusSource" SET "nextCheckAt" = now() - interval '1 second'`,
    ),
  )

async function main() {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  const farm = startFarm()
  let cleanup = async () => {}
  try {
    execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
    // lib/env reads these once, at first import: set them before importing any app module.
    process.env.DATABASE_URL = url
    process.env.INGEST_ALLOW_PRIVATE_NETWORK = 'true'
    const { db } = await import('@/lib/db/client')
    const { upsertCatalogRows } = await import('@/lib/data/catalog')
    const { env, refreshIntervalMs } = await import('@/lib/env')
    const { createHttpClient, DEFAULT_HTTP_OPTIONS } = await import('@/lib/ingest/http')
    const { runRefreshCycle } = await import('@/lib/ingest/refresh')

    const ready = await farm.ready
    await upsertCatalogRows(ready.rows)
    const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK })
    cleanup = async () => {
      client.close()
      await db.$disconnect()
    }
    // status.io's API is one https host in production; the farm imitates it on one loopback address.
    const http: typeof client = {
      fetchText: (u, o) => client.fetchText(u.startsWith(STATUSIO_API) ? ready.statusioApiBase + u.slice(STATUSIO_API.length) : u, o),
      close: () => client.close(),
    }
    const deps = { db, http, now: () => new Date(), random: Math.random, log: (m: string) => console.error(m) }

    const mix = Object.entries(ready.vendorsPerPlatform).sort(([, a], [, b]) => b - a)
    console.log(`refresh benchmark: ${VENDORS} vendors, ${CYCLES} cycles, PostgreSQL ${new URL(serverUrl).host}/${DATABASE}`)
    console.log(`  platforms: ${mix.map(([p, n]) => `${p} ${n}`).join(', ')}`)
    console.log(`  payload variants: ${Object.entries(ready.variantsPerPlatform).map(([p, n]) => `${p} ${n}`).join(', ')}`)
    console.log(`  latency ${FARM_LATENCY_MS.min}-${FARM_LATENCY_MS.max} ms per response; broken (${FARM_FAULT_SHARE * 100}%): ${Object.entries(ready.faults).map(([k, n]) => `${n} ${k}`).join(', ')}`)
    console.log(`  settings: concurrency ${env.REFRESH_CONCURRENCY}, ${DEFAULT_HTTP_OPTIONS.perHostConcurrency} requests per host, timeout ${DEFAULT_HTTP_OPTIONS.timeoutMs / 1000} s, interval ${refreshIntervalMs / 1000} s, ~${CHANGES_PER_CYCLE} vendors change upstream per cycle`)
    console.log(`  q = quiet cycle (nothing changed upstream, broken vendors parked); ! = time budget ran out\n`)
    console.log(cycleHeader)

    const sampler = startRssSampler()
    const cycles: CycleRecord[] = []
    const quietWrites: WriteStats = new Map()
    let quietUnchanged = 0
    let farmBefore = await farm.stats()
    for (let n = 1; n <= CYCLES; n++) {
      const quiet = isQuiet(n)
      if (n > 1) {
        if (!quiet) await farm.mutate(CHANGES_PER_CYCLE)
        await sleep(PAUSE_MS)
        await makeDue(quiet)
      }
      const writesBefore = quiet ? await settledWriteStats(url) : null
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      const summary: RefreshSummary = await runRefreshCycle(deps, {
        trigger: 'manual',
        owner: `bench:${process.pid}:${n}`,
        concurrency: env.REFRESH_CONCURRENCY,
        leaseMs: 5 * MINUTE,
        intervalMs: refreshIntervalMs,
        maxBackoffMs: 30 * MINUTE,
        timeBudgetMs: 2 * MINUTE,
      })
      const durationMs = performance.now() - started
      const cpu = process.cpuUsage(cpuBefore)
      const farmAfter = await farm.stats()
      if (writesBefore) {
        addWrites(quietWrites, diffWrites(writesBefore, await settledWriteStats(url)))
        quietUnchanged += summary.unchanged
      }
      const record: CycleRecord = {
        ...summary,
        n,
        quiet,
        durationMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        farmCpuMs: farmAfter.cpuMs - farmBefore.cpuMs,
        requests: farmAfter.requests - farmBefore.requests,
        notModified: farmAfter.notModified - farmBefore.notModified,
        ...settledMemory(),
      }
      farmBefore = farmAfter
      cycles.push(record)
      console.log(cycleLine(record))
    }
    sampler.stop()
    const lines = summaryLines({
      cycles,
      quietWrites,
      quietUnchanged,
      peakSampledRss: sampler.peakBytes(),
      maxRssKb: process.resourceUsage().maxRSS,
      earlyCycle: Math.min(5, CYCLES),
    })
    console.log(lines.join('\n'))
  } finally {
    await cleanup()
    farm.stop()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

main().catch((e: unknown) => {
  console.error(`bench:refresh failed: ${(e as Error).stack ?? String(e)}`)
  process.exit(1)
})
