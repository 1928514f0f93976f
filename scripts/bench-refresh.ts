// `npm run bench:refresh`: the refresh cycle against 2,000 imitation vendors on PostgreSQL.
//   BENCH_CYCLES=6 npm run bench:refresh     (default 50 cycles, about 30 minutes)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
// Prints vendors/second, cycle time, row writes per unchanged vendor, peak RSS and RSS growth
// beside the issue's targets. The exit code says only whether the benchmark itself ran.
//
// The vendors are served by a child process (scripts/bench/status-farm.ts), and the catalog is
// imported by another, so this process holds nothing but the refresh. Cycles run with the
// production settings; instead of waiting out the 60 s interval, every vendor is made due again.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CatalogRow } from '@/lib/catalog/catalog-row'
import type { HttpClient } from '@/lib/ingest/http'
import type { RefreshDeps, RefreshOptions, RefreshSummary } from '@/lib/ingest/refresh'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { startFarm, type Farm } from './bench/farm-client'
import { addWrites, diffWrites, machineCpu, settledMemory, settledWriteStats, startRssSampler, withPg, type WriteStats } from './bench/measure'
import { cycleHeader, cycleLine, setupLines, summaryLines, type CycleRecord } from './bench/refresh-report'

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
const childEnv = () => ({ ...process.env, DATABASE_URL: url })

/**
 * The vendors go in through `catalog:import` in its own process, as production seeds in a process
 * that exits before the server starts: importing 2,000 rows here would leave its memory (Prisma's
 * query compiler keeps its high-water mark) in the figures of the refresh.
 */
function importCatalog(rows: CatalogRow[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vendorwatch-bench-'))
  try {
    const file = path.join(dir, 'catalog.json')
    writeFileSync(file, JSON.stringify(rows))
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/catalog-import.ts', file], { env: childEnv(), stdio: ['ignore', 'ignore', 'inherit'] })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Due now, as if the interval had passed, in a random order: production's jitter spreads vendors
 * over the interval, so which vendors are claimed last (a hanging one holds the cycle open for the
 * whole 10 s timeout) changes from cycle to cycle. A quiet cycle parks broken vendors for an hour,
 * so it sees only unchanged ones.
 */
const DUE = `now() - interval '1 second' - random() * interval '1 second'`
const makeDue = (quiet: boolean) =>
  withPg(url, (c) =>
    c.query(`UPDATE "StatusSource" SET "nextCheckAt" = ${quiet ? `CASE WHEN "consecutiveFailures" = 0 THEN ${DUE} ELSE now() + interval '1 hour' END` : DUE}`),
  )

/**
 * The production client, with status.io's API (one https host in production) sent to the farm's
 * stand-in. It notes when the last request that timed out was sent: a cycle cannot end before
 * that moment plus the timeout, which is what a hanging vendor costs a cycle.
 */
function benchHttp(client: HttpClient, statusioBase: string) {
  let lastTimeoutSentAt = 0
  const http: HttpClient = {
    fetchText: async (u, o) => {
      const sentAt = performance.now()
      try {
        return await client.fetchText(u.startsWith(STATUSIO_API) ? statusioBase + u.slice(STATUSIO_API.length) : u, o)
      } catch (e) {
        if ((e as { kind?: unknown }).kind === 'timeout') lastTimeoutSentAt = Math.max(lastTimeoutSentAt, sentAt)
        throw e
      }
    },
    close: () => client.close(),
  }
  return { http, lastTimeoutSentAt: () => lastTimeoutSentAt }
}

async function measureCycles(farm: Farm, runCycle: (n: number) => Promise<RefreshSummary>, lastTimeoutSentAt: () => number) {
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
    sampler.resetCyclePeak()
    const [cpuBefore, machineBefore, started] = [process.cpuUsage(), machineCpu(), performance.now()]
    const summary = await runCycle(n)
    const [durationMs, cpu, machine] = [performance.now() - started, process.cpuUsage(cpuBefore), machineCpu()]
    const peakRss = sampler.cyclePeakBytes()
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
      lastTimeoutAtMs: lastTimeoutSentAt() > started ? lastTimeoutSentAt() - started : null,
      cpuMs: (cpu.user + cpu.system) / 1000,
      farmCpuMs: farmAfter.cpuMs - farmBefore.cpuMs,
      machineBusyPct: (100 * (machine.busy - machineBefore.busy)) / Math.max(1, machine.total - machineBefore.total),
      requests: farmAfter.requests - farmBefore.requests,
      notModified: farmAfter.notModified - farmBefore.notModified,
      hung: farmAfter.hung - farmBefore.hung,
      peakRss,
      ...settledMemory(),
    }
    farmBefore = farmAfter
    cycles.push(record)
    console.log(cycleLine(record))
  }
  sampler.stop()
  return { cycles, quietWrites, quietUnchanged, peakSampledRss: sampler.peakBytes() }
}

async function main() {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  const farm = startFarm(VENDORS)
  let cleanup = async () => {}
  try {
    execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: childEnv(), stdio: 'inherit' })
    const ready = await farm.ready
    importCatalog(ready.rows)
    // lib/env reads these once, at first import: set them before importing any app module.
    process.env.DATABASE_URL = url
    process.env.INGEST_ALLOW_PRIVATE_NETWORK = 'true'
    const { db } = await import('@/lib/db/client')
    const { env, refreshIntervalMs } = await import('@/lib/env')
    const { createHttpClient, DEFAULT_HTTP_OPTIONS } = await import('@/lib/ingest/http')
    const { runRefreshCycle } = await import('@/lib/ingest/refresh')
    const { refreshData } = await import('@/lib/data/refresh-data')

    const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK })
    cleanup = async () => {
      client.close()
      await db.$disconnect()
    }
    const { http, lastTimeoutSentAt } = benchHttp(client, ready.statusioApiBase)
    const deps: RefreshDeps = { data: refreshData, http, now: () => new Date(), random: Math.random, log: (m) => console.error(m) }
    // The settings lib/jobs/refresh.ts runs in production.
    const options = (n: number): RefreshOptions => ({
      trigger: 'manual',
      owner: `bench:${process.pid}:${n}`,
      concurrency: env.REFRESH_CONCURRENCY,
      leaseMs: 5 * MINUTE,
      intervalMs: refreshIntervalMs,
      maxBackoffMs: 30 * MINUTE,
      timeBudgetMs: 2 * MINUTE,
    })

    console.log(
      setupLines({
        vendors: VENDORS,
        cycles: CYCLES,
        database: `${new URL(serverUrl).host}/${DATABASE}`,
        ready,
        settings: `concurrency ${env.REFRESH_CONCURRENCY}, ${DEFAULT_HTTP_OPTIONS.perHostConcurrency} requests per host, timeout ${DEFAULT_HTTP_OPTIONS.timeoutMs / 1000} s, interval ${refreshIntervalMs / 1000} s`,
        changesPerCycle: CHANGES_PER_CYCLE,
      }).join('\n'),
    )
    console.log(cycleHeader)
    const measured = await measureCycles(farm, (n) => runRefreshCycle(deps, options(n)), lastTimeoutSentAt)
    console.log(summaryLines({ ...measured, maxRssKb: process.resourceUsage().maxRSS, earlyCycle: Math.min(5, CYCLES) }).join('\n'))
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
