// `npm run bench:memory`: the memory of the real `npm start` on the embedded database with the
// whole seed catalog. Starts it on a fresh data directory (migrated and seeded by start itself),
// then measures the server process (scripts/server.mjs, the one `npm start` spawns):
//   1. right after start (the first request opens the database), then after BENCH_IDLE_SECONDS idle;
//   2. after public traffic (home, directory, search, 40 vendor pages, the JSON API) and idle again;
//   3. its peak over the whole run, from the kernel (VmHWM), so no spike between samples is missed.
// Prints each figure beside its target. `--small-host` (or BENCH_SMALL_HOST=1) runs `npm start`
// with the NODE_OPTIONS the README recommends for a 512 MB host, which proves the app serves under
// them. The in-process scheduler is off (REFRESH_SCHEDULER=external) unless `--with-schedule`: then
// `npm start` runs as users start it (the schedule on), and after the traffic the bench waits for
// SCHEDULE_CYCLES of its refresh cycles (here every catalog page is unreachable, as in this
// machine's default configuration; a cycle over real pages is bench:refresh's figure) and reports
// the peak over them too.
// Needs a current production build (`npm run build`): building is not what is measured.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { unusedPort } from '@/lib/testing/ports'
import { kernelPeakRssMb, processRssMb } from './bench/memory'
import { memoryMapLine, processMemoryMap } from './bench/memory-map'
import { treeCpuMs } from './bench/proc-cpu'
import { ensureBuild } from './bench/next-server'
import { childNodeOptions, SMALL_HOST_NODE_OPTIONS, smallHostRequested } from './bench/small-host'

const TARGET_IDLE_MB = 300
const TARGET_PEAK_MB = 300
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS || 20)
const SMALL_HOST = smallHostRequested()
const WITH_SCHEDULE = process.argv.includes('--with-schedule')
const SCHEDULE_CYCLES = 2

interface Catalog {
  slug: string
  name: string
}

/** The server process `npm start` spawned (its only child running scripts/server.mjs). */
function findServerPid(startPid: number): number | null {
  try {
    const children = fs.readFileSync(`/proc/${startPid}/task/${startPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    return children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('scripts/server.mjs')) ?? null
  } catch {
    return null
  }
}

async function get(base: string, pathname: string): Promise<{ status: number; ms: number }> {
  const started = performance.now()
  const res = await fetch(base + pathname, { redirect: 'manual' })
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - started }
}

async function waitForHealth(base: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs
  while (Date.now() < until) {
    try {
      if ((await get(base, '/api/health')).status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`the server did not answer /api/health within ${deadlineMs / 1000} s`)
}

async function main() {
  const build = ensureBuild()
  if (build.sourcesNewer) console.log(`note: sources changed after the build of ${build.builtAt.toISOString()}; this measures the build`)
  const port = await unusedPort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-bench-memory-'))
  const nodeOptions = childNodeOptions(SMALL_HOST)
  console.log(`bench:memory: npm start, embedded database (fresh, whole seed catalog), ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  if (WITH_SCHEDULE) console.log(`with the in-process schedule: the peak over its first ${SCHEDULE_CYCLES} refresh cycles is reported too`)
  console.log(`NODE_OPTIONS: ${nodeOptions || '(none)'}${SMALL_HOST ? ` (the 512 MB host's: ${SMALL_HOST_NODE_OPTIONS})` : ''}`)
  const start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
      PORT: String(port),
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      DATABASE_URL: '',
      REFRESH_SCHEDULER: WITH_SCHEDULE ? 'in-process' : 'external', // in-process: the default
      AUTH_SECRET: 'bench-memory-secret-bench-memory-secret-0123',
      EMAIL_LOG_DIR: path.join(dataDir, 'mail'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  /** The server's line at the end of each refresh cycle ("[refresh] 870 checked (…), … ms"). */
  const cycleLogLines = () => log.match(/\[refresh\] \d+ checked[^\n]*/g) ?? []
  start.stdout.on('data', (c: Buffer) => (log += c.toString()))
  start.stderr.on('data', (c: Buffer) => (log += c.toString()))
  const base = `http://127.0.0.1:${port}`
  let serverPid: number | null = null
  const samples: { phase: string; rss: number }[] = []
  let phase = 'start'
  const sampler = setInterval(() => {
    serverPid ??= findServerPid(start.pid as number)
    const rss = serverPid ? processRssMb(serverPid) : null
    if (rss !== null) samples.push({ phase, rss })
  }, 250)
  try {
    const startedAt = performance.now()
    await waitForHealth(base, 360_000) // a first start migrates and seeds the catalog: minutes on a busy 2-core host
    const startSeconds = (performance.now() - startedAt) / 1000
    if (!serverPid) throw new Error('could not find the server process')
    const afterStart = processRssMb(serverPid)
    // Where the server's RSS is at each stage, by kind of mapping (scripts/bench/memory-map.ts).
    const maps: [string, string][] = [['right after start', memoryMapLine(processMemoryMap(serverPid))]]
    phase = 'idle'
    await sleep(IDLE_SECONDS * 1000)
    const idle = processRssMb(serverPid)
    maps.push([`idle, ${IDLE_SECONDS} s after start`, memoryMapLine(processMemoryMap(serverPid))])
    const peakBeforeTraffic = kernelPeakRssMb(serverPid)

    phase = 'traffic'
    const catalog = JSON.parse(fs.readFileSync('prisma/seed/vendors.json', 'utf8')) as Catalog[]
    const step = Math.floor(catalog.length / 40)
    const vendors = Array.from({ length: 40 }, (_, i) => catalog[i * step] as Catalog)
    const paths = ['/', '/vendors', '/vendors?q=cloud', '/vendors?q=pay', '/api/v1/vendors?limit=200', ...vendors.map((v) => `/vendors/${v.slug}`), ...vendors.slice(0, 10).map((v) => `/api/v1/vendors/${v.slug}`)]
    const statuses = new Map<number, number>()
    const times: number[] = []
    // The server's CPU time for the traffic: what its heap settings cost (more, smaller collections).
    const cpuBefore = treeCpuMs(serverPid)
    for (const p of paths) {
      const { status, ms } = await get(base, p)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
      times.push(ms)
    }
    const cpuAfter = treeCpuMs(serverPid)
    maps.push(['right after the traffic', memoryMapLine(processMemoryMap(serverPid))])
    phase = 'idle after traffic'
    await sleep(IDLE_SECONDS * 1000)
    const afterTraffic = processRssMb(serverPid)
    maps.push([`idle, ${IDLE_SECONDS} s after the traffic`, memoryMapLine(processMemoryMap(serverPid))])
    const peak = kernelPeakRssMb(serverPid)

    // The schedule's cycles (the first may have run during the phases above; counted from the log).
    let cyclesRss: number | null = null
    if (WITH_SCHEDULE) {
      phase = 'cycles'
      const deadline = Date.now() + 600_000
      while (cycleLogLines().length < SCHEDULE_CYCLES) {
        if (Date.now() > deadline) throw new Error(`the schedule did not finish ${SCHEDULE_CYCLES} cycles in 10 minutes`)
        await sleep(1_000)
      }
      maps.push([`after ${SCHEDULE_CYCLES} refresh cycles`, memoryMapLine(processMemoryMap(serverPid))])
      cyclesRss = kernelPeakRssMb(serverPid)
    }

    const verdict = (v: number | null, target: number) => (v !== null && v <= target ? 'met' : 'MISSED')
    const peakOf = (p: string) => Math.max(0, ...samples.filter((s) => s.phase === p).map((s) => s.rss))
    const trafficCpu = cpuBefore !== null && cpuAfter !== null ? `, server CPU ${((cpuAfter - cpuBefore) / 1000).toFixed(1)} s` : ''
    console.log(`started in ${startSeconds.toFixed(1)} s (migrate, seed, open); traffic: ${paths.length} requests, ${[...statuses].map(([s, n]) => `${n}x ${s}`).join(', ')}, slowest ${Math.round(Math.max(...times))} ms${trafficCpu}`)
    console.log('')
    console.log('| figure (server process) | result | target |')
    console.log('| --- | --- | --- |')
    console.log(`| RSS right after start (database open) | ${afterStart} MB | |`)
    console.log(`| RSS idle, ${IDLE_SECONDS} s after start | ${idle} MB | <= ${TARGET_IDLE_MB} MB: ${verdict(idle, TARGET_IDLE_MB)} |`)
    console.log(`| peak RSS from start to idle (kernel) | ${peakBeforeTraffic} MB | <= ${TARGET_PEAK_MB} MB: ${verdict(peakBeforeTraffic, TARGET_PEAK_MB)} |`)
    console.log(`| RSS during traffic (sampled peak) | ${peakOf('traffic')} MB | |`)
    console.log(`| RSS idle, ${IDLE_SECONDS} s after traffic | ${afterTraffic} MB | <= ${TARGET_IDLE_MB} MB: ${verdict(afterTraffic, TARGET_IDLE_MB)} |`)
    console.log(`| peak RSS over the whole run (kernel) | ${peak} MB | <= ${TARGET_PEAK_MB} MB: ${verdict(peak, TARGET_PEAK_MB)} |`)
    if (WITH_SCHEDULE) {
      const cycles = cycleLogLines().slice(0, SCHEDULE_CYCLES)
      console.log(`| peak RSS including ${SCHEDULE_CYCLES} scheduled refresh cycles (kernel; RSS during them sampled: ${peakOf('cycles')} MB) | ${cyclesRss} MB | <= ${TARGET_PEAK_MB} MB: ${verdict(cyclesRss, TARGET_PEAK_MB)} |`)
      console.log('')
      console.log(`the cycles: ${cycles.join('; ')}`)
    }
    console.log('')
    console.log('where the server\'s RSS is (by mapping, /proc/<pid>/smaps; V8\'s heap is part of "other anonymous"):')
    for (const [when, line] of maps) console.log(`  ${when}: ${line}`)
    const bad = [...statuses.keys()].filter((s) => s >= 500)
    if (bad.length) throw new Error(`the server answered ${bad.join(', ')}; log:\n${log}`)
  } catch (e) {
    console.error(log)
    throw e
  } finally {
    clearInterval(sampler)
    start.kill('SIGTERM')
    await new Promise((resolve) => start.once('exit', resolve))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
