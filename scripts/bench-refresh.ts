// `npm run bench:refresh`: the refresh cycle against 2,000 imitation vendors on PostgreSQL.
//   BENCH_CYCLES=6 npm run bench:refresh     (default 50 cycles, about 30 minutes)
//   npm run bench:refresh -- --instances 2   (two app processes share each cycle through the leases)
//   npm run bench:refresh -- --history-days 365   (a year of history added after the baseline cycle)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
// Prints cycle time and its ratio to the floor measured in the same run (a plain fetch of the same
// URLs at the same concurrency, no parse or writes), where the time went per stage, event-loop
// delay, statements and row writes per unchanged vendor, peak RSS and RSS growth, beside the
// issue's targets. The exit code says only whether the benchmark itself ran.
//
// The vendors are served by a child process (scripts/bench/status-farm.ts), and the catalog is
// imported by another, so this process holds nothing but the refresh. Cycles run with the
// production settings; instead of waiting out the 60 s interval, every vendor is made due again.
import { execFileSync, fork, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { getHeapSpaceStatistics } from 'node:v8'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CatalogRow } from '@/lib/catalog/catalog-row'
import type { HttpClient } from '@/lib/ingest/http'
import type { RefreshDeps, RefreshOptions, RefreshSummary } from '@/lib/ingest/refresh'
import type { RefreshData } from '@/lib/ingest/ports'
import { createStageTotals } from '@/lib/ingest/stage-times'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { benchHttp } from './bench/bench-http'
import { startFarm, type Farm } from './bench/farm-client'
import { addWrites, diffWrites, machineCpu, settledMemory, settledWriteStats, startRssSampler, withPg, type WriteStats } from './bench/measure'
import { memoryMapLine, processMemoryMap } from './bench/memory-map'
import { measureFloor, vendorEndpoints } from './bench/refresh-floor'
import { addHistory, timeVendorPages } from './bench/refresh-history'
import type { InstanceReply, InstanceRequest } from './bench/refresh-instance'
import { serverProcess } from './server-node-flags.mjs'
import { cycleHeader, cycleLine, instanceLines, setupLines, stageLines, summaryLines, type CycleRecord, type InstanceCycle } from './bench/refresh-report'

// The cycle runs in this process, which is to be measured as the server `npm start` runs it: the
// same Node flags and NODE_OPTIONS defaults (scripts/server-node-flags.mjs; the caller's
// NODE_OPTIONS still win), plus --expose-gc for gc() before each memory sample. Run again so.
if (process.env.BENCH_REFRESH_AS_SERVER !== '1') {
  const node = serverProcess(process.env)
  const again = spawnSync(process.execPath, ['--expose-gc', ...node.flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...node.env, BENCH_REFRESH_AS_SERVER: '1' } })
  process.exit(again.status ?? 1)
}

const VENDORS = 2_000
const CYCLES = Number(process.env.BENCH_CYCLES || 50)
const instancesArg = process.argv.indexOf('--instances')
/** App processes sharing each cycle (1: the cycle runs in this process, memory measured). */
const INSTANCES = instancesArg > 0 ? Number(process.argv[instancesArg + 1]) : 1
const historyArg = process.argv.indexOf('--history-days')
/** Days of generated history added after the baseline (0: none); see bench/refresh-history.ts. */
const HISTORY_DAYS = historyArg > 0 ? Number(process.argv[historyArg + 1]) : 0
const MINUTE = 60_000
/** Upstream changes per cycle: about 1% of vendors move to another state of their page. */
const CHANGES_PER_CYCLE = Math.round(VENDORS * 0.01)
/**
 * Pause between cycles, just over the HTTP client's 4 s idle-socket timeout: in production ~40 s
 * pass between cycles, so every cycle opens fresh connections; back-to-back cycles would reuse them.
 */
const PAUSE_MS = 4_500
/** Cycle 2 (right after the baseline) and every 10th cycle change nothing upstream. */
const isQuiet = (n: number) => n === 2 || n % 10 === 0

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
/** Named after the server URL's database, so benchmarks run from several checkouts on one server do not drop each other's. */
const DATABASE = `vendorwatch_bench_refresh_${new URL(serverUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, '_') || 'default'}`
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

/** One cycle's result as the benchmark sees it: the summary, where its time went, its statements. */
interface CycleRun {
  summary: RefreshSummary
  stages: ReturnType<ReturnType<typeof createStageTotals>['totals']>
  /** recordChecksAndClaim statements (each carries records and claims) and all data-port calls. */
  claimStatements: number
  portCalls: number
}

/** The refresh's data port with every call counted (one call is one statement, a transaction, or a read of a vendor's state). */
function countingData(data: RefreshData, counts: { claimStatements: number; portCalls: number }): RefreshData {
  const wrap = <T extends object>(module: T): T =>
    new Proxy(module, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          counts.portCalls++
          if (key === 'recordChecksAndClaim') counts.claimStatements++
          return (value as (...a: unknown[]) => unknown)(...args)
        }
      },
    })
  return { statusSources: wrap(data.statusSources), vendorSnapshots: wrap(data.vendorSnapshots), refreshRuns: wrap(data.refreshRuns) }
}

/**
 * Right before a cycle: fetches what the cycle is about to fetch (the vendors due now, with their
 * validators), without the refresh, then waits out the idle-socket timeout so the cycle, too,
 * starts on fresh connections. Reads nothing back into the database, so the cycle's due set is the same.
 */
async function floor(http: HttpClient, concurrency: number) {
  const f = await measureFloor(http, await vendorEndpoints(url), concurrency)
  await sleep(PAUSE_MS)
  return f
}

async function prepareCycle(farm: Farm, n: number) {
  const quiet = isQuiet(n)
  if (n > 1) {
    if (!quiet) await farm.mutate(CHANGES_PER_CYCLE)
    await sleep(PAUSE_MS)
    await makeDue(quiet)
  }
  return quiet
}

async function measureCycles(
  farm: Farm,
  runCycle: (n: number) => Promise<CycleRun>,
  lastTimeoutSentAt: () => number,
  measureFloorNow: () => Promise<{ ms: number }>,
  afterBaseline: () => Promise<void>,
) {
  const sampler = startRssSampler()
  const cycles: CycleRecord[] = []
  const quietWrites: WriteStats = new Map()
  let quietUnchanged = 0
  let quietClaimStatements = 0
  let farmBefore = await farm.stats()
  for (let n = 1; n <= CYCLES; n++) {
    const quiet = await prepareCycle(farm, n)
    const floorMs = (await measureFloorNow()).ms
    farmBefore = await farm.stats()
    const writesBefore = quiet ? await settledWriteStats(url) : null
    sampler.resetCyclePeak()
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const [cpuBefore, machineBefore, started] = [process.cpuUsage(), machineCpu(), performance.now()]
    const { summary, stages, claimStatements, portCalls } = await runCycle(n)
    const [durationMs, cpu, machine] = [performance.now() - started, process.cpuUsage(cpuBefore), machineCpu()]
    loop.disable()
    const peakRss = sampler.cyclePeakBytes()
    const farmAfter = await farm.stats()
    if (writesBefore) {
      addWrites(quietWrites, diffWrites(writesBefore, await settledWriteStats(url)))
      quietUnchanged += summary.unchanged
      quietClaimStatements += claimStatements
    }
    const record: CycleRecord = {
      ...summary,
      n,
      quiet,
      durationMs,
      floorMs,
      lastTimeoutAtMs: lastTimeoutSentAt() > started ? lastTimeoutSentAt() - started : null,
      cpuMs: (cpu.user + cpu.system) / 1000,
      farmCpuMs: farmAfter.cpuMs - farmBefore.cpuMs,
      machineBusyPct: (100 * (machine.busy - machineBefore.busy)) / Math.max(1, machine.total - machineBefore.total),
      requests: farmAfter.requests - farmBefore.requests,
      notModified: farmAfter.notModified - farmBefore.notModified,
      hung: farmAfter.hung - farmBefore.hung,
      peakRss,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
      stages,
      claimStatements,
      portCalls,
      ...settledMemory(),
    }
    cycles.push(record)
    console.log(cycleLine(record))
    console.log(memoryLine())
    if (n === 1) await afterBaseline()
  }
  sampler.stop()
  return { cycles, quietWrites, quietUnchanged, quietClaimStatements, peakSampledRss: sampler.peakBytes() }
}

/**
 * Where the RSS is after a cycle (gc() just ran): V8's live heap, the heap V8 keeps committed, and
 * memory outside it (Buffers; Wasm memory, which Node counts as external and never shrinks). RSS
 * far above the committed heap plus that is memory freed but not handed back to the system.
 */
function memoryLine(): string {
  const m = process.memoryUsage()
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`
  return [
    `       memory after the cycle: rss ${mb(m.rss)}, V8 heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} committed, outside it ${mb(m.external)} (Buffers ${mb(m.arrayBuffers)}, the rest mostly Wasm memory: Prisma's query compiler)`,
    `       V8's heap by space (committed, resident): ${getHeapSpaceStatistics()
      .filter((space) => space.physical_space_size >= 1048576)
      .map((space) => `${space.space_name.replace(/_space$/, '')} ${mb(space.physical_space_size)}`)
      .join(', ')}`,
    `       by mapping (/proc/self/smaps): ${memoryMapLine(processMemoryMap())}`,
  ].join('\n')
}

/** Claims are logged by a trigger (bench database only) so the run can prove no vendor was claimed twice in a cycle. */
const CLAIM_LOG = `
  CREATE TABLE bench_claim (source_id text NOT NULL, owner text NOT NULL);
  CREATE FUNCTION bench_log_claim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO bench_claim VALUES (NEW.id, NEW."leaseOwner"); RETURN NEW; END $$;
  CREATE TRIGGER bench_claim AFTER UPDATE ON "StatusSource" FOR EACH ROW
    WHEN (NEW."leaseOwner" IS NOT NULL AND NEW."leaseOwner" IS DISTINCT FROM OLD."leaseOwner")
    EXECUTE FUNCTION bench_log_claim();`

function startInstance(name: string, statusioBase: string) {
  const node = serverProcess(childEnv())
  const child = fork(fileURLToPath(new URL('./bench/refresh-instance.ts', import.meta.url)), [name, statusioBase], {
    execArgv: [...node.flags, '--import', 'tsx'],
    env: { ...node.env, INGEST_ALLOW_PRIVATE_NETWORK: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = <T extends InstanceReply['type']>(type: T) =>
    new Promise<Extract<InstanceReply, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`instance ${name} exited (code ${code})`))
      const onMessage = (m: InstanceReply) => {
        if (m.type !== type) return
        child.off('message', onMessage).off('exit', onExit)
        resolve(m as Extract<InstanceReply, { type: T }>)
      }
      child.on('message', onMessage).once('exit', onExit)
    })
  const ready = next('ready')
  return {
    name,
    ready,
    cycle: (n: number) => {
      const done = next('done')
      child.send({ type: 'cycle', n } satisfies InstanceRequest)
      return done
    },
    stop: () => {
      if (child.connected) child.send({ type: 'stop' } satisfies InstanceRequest)
    },
  }
}

async function measureInstanceCycles(farm: Farm, instances: ReturnType<typeof startInstance>[], measureFloorNow: () => Promise<{ ms: number }>) {
  const cycles: InstanceCycle[] = []
  for (let n = 1; n <= CYCLES; n++) {
    const quiet = await prepareCycle(farm, n)
    const floorMs = (await measureFloorNow()).ms
    const results = await Promise.all(instances.map((i) => i.cycle(n)))
    const start = Math.min(...results.map((r) => r.startedAt))
    const end = Math.max(...results.map((r) => r.startedAt + r.durationMs))
    // From the database: how often each vendor was claimed in this cycle, by all instances together.
    const twice = await withPg(url, async (c) => {
      const { rows } = await c.query<{ claimed: string; vendors: string; twice: string }>(
        `SELECT count(*) AS claimed, count(DISTINCT source_id) AS vendors, count(*) - count(DISTINCT source_id) AS twice FROM bench_claim WHERE owner LIKE '%:c' || $1::text`,
        [String(n)],
      )
      return rows[0]
    })
    const record: InstanceCycle = {
      n,
      quiet,
      wallMs: end - start,
      floorMs,
      instances: results.map((r, i) => ({ name: instances[i]?.name ?? '?', durationMs: r.durationMs, ...r.summary, loopDelayP99Ms: r.loopDelayP99Ms, stages: r.stages })),
      claims: Number(twice?.claimed ?? 0),
      vendorsClaimed: Number(twice?.vendors ?? 0),
      claimedTwice: Number(twice?.twice ?? 0),
    }
    cycles.push(record)
    console.log(instanceLines([record], false).join('\n'))
  }
  return { cycles }
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
    const { refreshDatabaseSlots } = await import('@/lib/data/connection')

    const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK })
    cleanup = async () => {
      client.close()
      await db.$disconnect()
    }
    const { http, lastTimeoutSentAt } = benchHttp(client, ready.statusioApiBase)
    const measureFloorNow = () => floor(http, env.REFRESH_CONCURRENCY)
    const setup = setupLines({
      vendors: VENDORS,
      cycles: CYCLES,
      instances: INSTANCES,
      database: `${new URL(serverUrl).host}/${DATABASE}`,
      ready,
      settings: `concurrency ${env.REFRESH_CONCURRENCY}, ${DEFAULT_HTTP_OPTIONS.perHostConcurrency} requests per host, timeout ${DEFAULT_HTTP_OPTIONS.timeoutMs / 1000} s, interval ${refreshIntervalMs / 1000} s`,
      changesPerCycle: CHANGES_PER_CYCLE,
    })
    console.log(setup.join('\n'))

    if (INSTANCES > 1) {
      await withPg(url, (c) => c.query(CLAIM_LOG))
      const instances = Array.from({ length: INSTANCES }, (_, i) => startInstance(`instance-${String.fromCharCode(97 + i)}`, ready.statusioApiBase))
      const stopAll = cleanup
      cleanup = async () => {
        for (const i of instances) i.stop()
        await stopAll()
      }
      await Promise.all(instances.map((i) => i.ready))
      const measured = await measureInstanceCycles(farm, instances, measureFloorNow)
      console.log(['', ...instanceLines(measured.cycles, true)].join('\n'))
      return
    }

    const deps: RefreshDeps = { data: refreshData, http, now: () => new Date(), random: Math.random, log: (m) => console.error(m) }
    // The settings lib/jobs/refresh.ts runs in production.
    const options = (n: number): RefreshOptions => ({
      trigger: 'manual',
      owner: `bench:${process.pid}:${n}`,
      concurrency: env.REFRESH_CONCURRENCY,
      dbConcurrency: Math.min(env.REFRESH_CONCURRENCY, refreshDatabaseSlots),
      leaseMs: 5 * MINUTE,
      intervalMs: refreshIntervalMs,
      maxBackoffMs: 30 * MINUTE,
      // The baseline may take longer than production's budget on a busy host: let it finish, so the
      // quiet cycle after it measures unchanged vendors only.
      timeBudgetMs: n === 1 ? 10 * MINUTE : 2 * MINUTE,
    })
    const runCycle = async (n: number): Promise<CycleRun> => {
      const stages = createStageTotals()
      const counts = { claimStatements: 0, portCalls: 0 }
      const summary = await runRefreshCycle({ ...deps, data: countingData(refreshData, counts), stages }, options(n))
      return { summary, stages: stages.totals(), ...counts }
    }
    const { loadVendorPage } = await import('@/lib/pages/vendor-page')
    const pageSlugs = ready.rows.filter((_, i) => i % 20 === 0).map((r) => r.slug)
    const timePages = () => timeVendorPages(pageSlugs, (slug) => loadVendorPage(slug, new Date(), refreshIntervalMs))
    const pageLine = (label: string, t: { p50: number; p95: number; max: number }) =>
      `       vendor page data (loadVendorPage), ${pageSlugs.length} vendors one at a time, ${label}: p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`
    const afterBaseline = async () => {
      if (HISTORY_DAYS <= 0) return
      console.log(pageLine('before the history', await timePages()))
      const history = await addHistory(url, HISTORY_DAYS, new Date())
      console.log(`       history: ${HISTORY_DAYS} days added in ${(history.ms / 1000).toFixed(0)} s: ${Object.entries(history.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`)
      console.log(pageLine(`with ${HISTORY_DAYS} days of history`, await timePages()))
    }
    console.log(cycleHeader)
    const measured = await measureCycles(farm, runCycle, lastTimeoutSentAt, measureFloorNow, afterBaseline)
    console.log(summaryLines({ ...measured, maxRssKb: process.resourceUsage().maxRSS, earlyCycle: Math.min(5, CYCLES) }).join('\n'))
    console.log(stageLines(measured.cycles).join('\n'))
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
