// scratch experiment (not part of the deliverable): baseline cycle on a platform subset
import { execFileSync, fork } from 'node:child_process'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { diffWrites, settledWriteStats } from '../scripts/bench/measure'
import type { FarmMessage } from '../scripts/bench/farm-protocol'
const only = (process.env.ONLY ?? '').split(',').filter(Boolean)
const skip = (process.env.SKIP ?? '').split(',').filter(Boolean)
const serverUrl = 'postgresql://postgres@127.0.0.1:5432/test'
const DB = 'vendorwatch_bench_scratch'
const url = databaseUrl(serverUrl, DB)
await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`)
await adminQuery(serverUrl, `CREATE DATABASE ${DB}`)
execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
process.env.DATABASE_URL = url
process.env.INGEST_ALLOW_PRIVATE_NETWORK = 'true'
const child = fork('scripts/bench/status-farm.ts', ['2000'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const ready = await new Promise<Extract<FarmMessage, { type: 'ready' }>>((r) => child.on('message', (m: FarmMessage) => m.type === 'ready' && r(m)))
import pg from 'pg'
let queries = 0
const kinds = new Map<string, number>()
const orig = pg.Client.prototype.query
;(pg.Client.prototype as any).query = function (this: any, ...args: any[]) {
  queries++
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text ?? ''
  const k = String(text).trim().split(/\s+/).slice(0, 3).join(' ').slice(0, 40)
  kinds.set(k, (kinds.get(k) ?? 0) + 1)
  return (orig as any).apply(this, args)
}
const { db } = await import('@/lib/db/client')
const { upsertCatalogRows } = await import('@/lib/data/catalog')
const { createHttpClient, DEFAULT_HTTP_OPTIONS } = await import('@/lib/ingest/http')
const { runRefreshCycle } = await import('@/lib/ingest/refresh')
const rows = ready.rows.filter((r) => (!only.length || only.includes(r.platform)) && !skip.includes(r.platform))
await upsertCatalogRows(rows)
const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const A = 'https://api.status.io/1.0/status/'
const http = { fetchText: (u: string, o?: any) => client.fetchText(u.startsWith(A) ? ready.statusioApiBase + u.slice(A.length) : u, o), close: () => client.close() }
const before = await settledWriteStats(url)
queries = 0; kinds.clear()
import fs from 'node:fs'
const status = () => Object.fromEntries(fs.readFileSync('/proc/self/status', 'utf8').split('\n').filter((l) => /^(VmRSS|RssAnon|RssFile|VmHWM)/.test(l)).map((l) => l.split(/:\s+/)))
const mem = () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]))
;(globalThis as any).gc?.()
console.log('before', JSON.stringify({...mem(), ...status()}))
let peak: any = { rss: 0 }
const timer = setInterval(() => { const m = mem(); if (m.rss > peak.rss) peak = { ...m, ...status() } }, 100)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const s = await runRefreshCycle({ db, http, now: () => new Date(), random: Math.random, log: (m) => console.error(m) }, { trigger: 'manual', owner: 'x', concurrency: Number(process.env.CONC ?? 48), leaseMs: 300000, intervalMs: 60000, maxBackoffMs: 1800000, timeBudgetMs: 120000 })
const cpu = process.cpuUsage(cpu0)
clearInterval(timer)
console.log('peak', JSON.stringify(peak))
console.log('after (no gc)', JSON.stringify({...mem(), ...status()}))
;(globalThis as any).gc?.()
console.log('after gc', JSON.stringify({...mem(), ...status()}))
console.log('queries', queries, [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 25))
console.log(rows.length, 'vendors', ((performance.now() - t0) / 1000).toFixed(1), 's', 'cpu', ((cpu.user + cpu.system) / 1e6).toFixed(1), 's', JSON.stringify({ ...s, runId: undefined }))
const w = diffWrites(before, await settledWriteStats(url))
let tot = 0
for (const [t, x] of w) { console.log(t.padEnd(24), x.ins, x.upd, x.del); tot += x.ins + x.upd + x.del }
console.log('total row writes', tot)
client.close(); await db.$disconnect(); child.send({ type: 'stop' })
await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`)
