// One app instance of `npm run bench:refresh -- --instances N`: its own process, its own HTTP
// client and connection pool, the same database as the others. It runs a refresh cycle whenever
// the benchmark asks (over IPC) and answers with the cycle's summary and where its time went.
//   node --import tsx scripts/bench/refresh-instance.ts <name> <statusioBase>   (DATABASE_URL set)
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { refreshDatabaseSlots } from '@/lib/data/connection'
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { env, refreshIntervalMs } from '@/lib/env'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { runRefreshCycle } from '@/lib/ingest/refresh'
import { createStageTotals } from '@/lib/ingest/stage-times'
import { benchHttp } from './bench-http'

export type InstanceRequest = { type: 'cycle'; n: number } | { type: 'stop' }
export type InstanceReply =
  | { type: 'ready' }
  | { type: 'done'; n: number; summary: { checked: number; changed: number; unchanged: number; failed: number; stoppedEarly: boolean }; startedAt: number; durationMs: number; stages: ReturnType<ReturnType<typeof createStageTotals>['totals']>; loopDelayP99Ms: number }

const MINUTE = 60_000
const [name = 'instance', statusioBase = ''] = process.argv.slice(2)
const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const { http } = benchHttp(client, statusioBase)
const send = (m: InstanceReply) => process.send?.(m)

process.on('message', async (m: InstanceRequest) => {
  if (m.type === 'stop') {
    client.close()
    await db.$disconnect()
    process.exit(0)
  }
  const stages = createStageTotals()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const startedAt = performance.timeOrigin + performance.now()
  const started = performance.now()
  const summary = await runRefreshCycle(
    { data: refreshData, http, now: () => new Date(), random: Math.random, log: (line) => console.error(`[${name}] ${line}`), stages },
    { trigger: 'manual', owner: `${name}:c${m.n}`, concurrency: env.REFRESH_CONCURRENCY, dbConcurrency: Math.min(env.REFRESH_CONCURRENCY, refreshDatabaseSlots), leaseMs: 5 * MINUTE, intervalMs: refreshIntervalMs, maxBackoffMs: 30 * MINUTE, timeBudgetMs: m.n === 1 ? 10 * MINUTE : 2 * MINUTE },
  )
  loop.disable()
  send({ type: 'done', n: m.n, summary, startedAt, durationMs: performance.now() - started, stages: stages.totals(), loopDelayP99Ms: loop.percentile(99) / 1e6 })
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
