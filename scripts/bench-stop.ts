// How long `npm start` takes to stop on SIGTERM while a refresh cycle is in flight, and whether it
// stopped cleanly. The default configuration (embedded database, in-process scheduler, the whole
// seed catalog, whose hosts are unreachable without a network) plus 20 vendors whose status pages
// accept the request and answer only after a minute, so the first cycle is surely mid-flight.
//   npm run bench:stop            (builds first if the bundle is stale, like npm start)
// Exits non-zero when the stop took longer than STOP_LIMIT_MS (a container runtime's usual 10 s
// grace) or did not leave the database clean; prints whether the 5 s target was met.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

const STOP_LIMIT_MS = 10_000
const STOP_TARGET_MS = 5_000
const SLOW_VENDORS = 20
const mode = process.argv[2]

if (mode === '--prepare') {
  // Child process: the embedded database is single-process, so it is written before the app starts.
  const { seedCatalogIfChanged } = await import('@/lib/catalog/seed')
  const { upsertCatalogRows } = await import('@/lib/data/catalog')
  const { db } = await import('@/lib/db/client')
  const base = process.argv[3] as string
  await seedCatalogIfChanged()
  await upsertCatalogRows(
    Array.from({ length: SLOW_VENDORS }, (_, i) => ({ name: `Slow ${i}`, slug: `slow-${i}`, statusPageUrl: `https://status.slow-${i}.example`, platform: 'statuspage' as const, apiUrl: `${base}/slow-${i}/api/v2/summary.json` })),
  )
  await db.$disconnect()
  process.exit(0)
}

if (mode === '--verify') {
  // Child process: opening the embedded database at all proves the server released it.
  const { db } = await import('@/lib/db/client')
  const runs = await db.refreshRun.findMany({ orderBy: { startedAt: 'desc' }, select: { status: true, checked: true, finishedAt: true } })
  const leased = await db.statusSource.count({ where: { leaseOwner: { not: null }, leaseExpiresAt: { gt: new Date() } } })
  await db.$disconnect()
  console.log(JSON.stringify({ runs, leased }))
  process.exit(0)
}

const port = Number(process.env.STOP_PORT ?? 3360)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-stop-'))
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  PGLITE_DIR: path.join(dir, 'db'),
  AUTH_SECRET: 'bench-stop-auth-secret-at-least-32-characters',
  INGEST_ALLOW_PRIVATE_NETWORK: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
}
delete env.DATABASE_URL
delete env.REFRESH_SCHEDULER

let arrived = 0
const slow = http.createServer((_req, res) => {
  arrived++
  setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 60_000).unref()
})
await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
const tsx = path.join('node_modules', '.bin', 'tsx')

let failed = false
// The app under test, to stop on the way out whatever threw: a bench that failed midway must not
// leave a server (and its scheduler) running. Its own process group, so the server it starts
// (scripts/start.ts -> scripts/server.mjs) goes too.
let app: ChildProcess | undefined
let exited: Promise<number | null> | undefined
try {
  const prepared = spawnSync(tsx, ['scripts/bench-stop.ts', '--prepare', base], { stdio: 'inherit', env })
  if (prepared.status !== 0) throw new Error('preparing the database failed')

  const started = spawn(tsx, ['scripts/start.ts'], { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true })
  app = started
  const log: { at: number; line: string }[] = []
  for (const stream of [started.stdout, started.stderr]) {
    stream.on('data', (b: Buffer) => log.push(...b.toString('utf8').split('\n').filter(Boolean).map((line) => ({ at: performance.now(), line }))))
  }
  exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)))

  const deadline = Date.now() + 300_000 // a first start may build the bundle
  while (arrived < 2) {
    if (Date.now() > deadline) throw new Error(`no refresh reached the slow pages in time:\n${log.slice(-30).map((l) => l.line).join('\n')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  await new Promise((r) => setTimeout(r, 1_000)) // well inside the cycle

  const sentAt = performance.now()
  started.kill('SIGTERM')
  const code = await exited
  const stopMs = Math.round(performance.now() - sentAt)

  const verify = spawnSync(tsx, ['scripts/bench-stop.ts', '--verify'], { env, encoding: 'utf8' })
  const line = verify.stdout.trim().split('\n').at(-1) ?? ''
  const state = verify.status === 0 ? (JSON.parse(line) as { runs: { status: string }[]; leased: number }) : null

  // The server's lines, stamped with when they reached us relative to the SIGTERM.
  const stamp = (at: number) => (at >= sentAt ? `+${Math.round(at - sentAt)} ms` : 'before')
  console.log(log.filter((l) => /\[stop\]|\[refresh\]|\[start\] server/.test(l.line)).map((l) => `${stamp(l.at).padStart(9)}  ${l.line}`).join('\n'))
  console.log(`\nSIGTERM to exit: ${stopMs} ms (target ${STOP_TARGET_MS} ms: ${stopMs <= STOP_TARGET_MS ? 'met' : 'missed'}; limit ${STOP_LIMIT_MS} ms), exit code ${code}, ${arrived} slow pages were being read`)
  console.log(`after the stop: runs ${JSON.stringify(state?.runs.map((r) => r.status))}, leases still held: ${state?.leased}`)
  if (stopMs > STOP_LIMIT_MS) failed = (console.error('FAIL: the stop took too long'), true)
  if (code !== 0) failed = (console.error(`FAIL: exit code ${code}`), true)
  if (!state) failed = (console.error(`FAIL: the database could not be opened after the stop:\n${verify.stderr}`), true)
  else {
    if (state.runs[0]?.status !== 'interrupted') failed = (console.error('FAIL: the cycle was not closed as interrupted'), true)
    if (state.leased !== 0) failed = (console.error('FAIL: leases were left behind'), true)
  }
} finally {
  if (app?.pid !== undefined && app.exitCode === null && app.signalCode === null) {
    app.kill('SIGTERM')
    const stopped = await Promise.race([exited?.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))])
    if (!stopped) process.kill(-app.pid, 'SIGKILL')
  }
  slow.closeAllConnections()
  slow.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
