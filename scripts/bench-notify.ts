// `npm run bench:notify`: one incident on a vendor watched by 10,000 users. Prints the time until
// every email has been handed to the (local) Resend API, how many API calls that took and the
// sender's peak RSS, beside their targets.
//   BENCH_USERS=10000  BENCH_RESEND_LATENCY_MS=150  BENCH_DATABASE_URL / TEST_DATABASE_URL
//   --small-host (or BENCH_SMALL_HOST=1): the sender runs with the 512 MB host's NODE_OPTIONS
// The sender is a process of its own (scripts/bench/notify-process.ts), as the notifier is part of
// the server, so its memory is the notifier's and not this set-up's.
// The stand-in answers after a realistic latency (Resend's API, measured from Europe, is ~100-300
// ms per call) and runs in its own process. The users get a spread of time zones, so the emails
// are rendered several times over, as in production.
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import type { MemoryFigures } from './bench/memory'
import { serverChildNodeOptions, SMALL_HOST_NODE_OPTIONS, smallHostRequested } from './bench/small-host'
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs'

const USERS = Number(process.env.BENCH_USERS || 10_000)
const LATENCY_MS = Number(process.env.BENCH_RESEND_LATENCY_MS ?? 150)
const TARGET_S = 15
const TARGET_RSS_MB = 250
const SMALL_HOST = smallHostRequested()
const DATABASE = 'vendorwatch_bench_notify'
const ZONES = ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney']

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)

async function startResend(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/fake-resend-process.ts'], {
    env: { ...process.env, FAKE_RESEND_LATENCY_MS: String(LATENCY_MS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /port=(\d+)/.exec(chunk.toString())
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`fake Resend exited (${code})`)))
  })
  // Never leave the stand-in behind, whatever ends this process.
  process.once('exit', () => child.kill('SIGTERM'))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') }
}

async function main() {
  console.log(`bench:notify: ${USERS.toLocaleString('en')} watchers, Resend latency ${LATENCY_MS} ms, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log(`sender: node ${SERVER_NODE_FLAGS.join(' ')}, NODE_OPTIONS ${serverChildNodeOptions(SMALL_HOST) || '(none)'}${SMALL_HOST ? ` (the 512 MB host's: ${SMALL_HOST_NODE_OPTIONS})` : ''}`)
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
  const resend = await startResend()
  Object.assign(process.env, { DATABASE_URL: url, EMAIL_TRANSPORT: 'resend', RESEND_API_KEY: 're_bench_key', RESEND_BASE_URL: resend.url, APP_URL: 'https://vendorwatch.example' })
  // Imported after the environment is set: lib/env.ts reads it once.
  const { db } = await import('@/lib/db/client')
  try {
    const setupStart = performance.now()
    const vendor = await db.vendor.create({ data: { slug: 'bench-vendor', name: 'Bench Cloud', statusPageUrl: 'https://status.bench.example', source: { create: { platform: 'statuspage', baselineAt: new Date() } } } })
    const userIds = Array.from({ length: USERS }, () => randomUUID())
    for (let i = 0; i < USERS; i += 2_000) {
      const chunk = userIds.slice(i, i + 2_000)
      await db.user.createMany({ data: chunk.map((id, j) => ({ id, email: `watcher-${i + j}@bench.example`, emailVerified: new Date(), timeZone: ZONES[(i + j) % ZONES.length] as string })) })
      await db.watchlistEntry.createMany({ data: chunk.map((userId) => ({ userId, vendorId: vendor.id })) })
    }
    const incident = await db.incident.create({
      data: {
        vendorId: vendor.id,
        externalId: 'bench-incident',
        title: 'Elevated error rates on the API',
        status: 'investigating',
        impact: 'major',
        startedAt: new Date(Date.now() - 2 * 60_000),
        updates: { create: { externalId: 'u1', status: 'investigating', body: 'We are **investigating** elevated error rates on the API in all regions.', bodyHash: 'x', publishedAt: new Date() } },
      },
    })
    await db.changeEvent.create({ data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: `incident_opened:${vendor.id}:bench`, incidentId: incident.id, occurredAt: new Date(), data: { firstSeenOver: false } } })
    console.log(`setup: ${USERS.toLocaleString('en')} users watching one vendor, one new incident (${((performance.now() - setupStart) / 1000).toFixed(1)} s)`)

    const { result, seconds, cpuSeconds, memory, startRssMb } = await runSender()
    const stats = (await (await fetch(`${resend.url}/__stats`)).json()) as { messages: number; calls: number; acceptedCalls: number }
    const sent = await db.delivery.count({ where: { status: 'sent' } })

    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
    console.log('')
    console.log(`deliveries created        ${result.deliveriesCreated.toLocaleString('en')}`)
    console.log(`emails accepted by Resend ${stats.messages.toLocaleString('en')} (recorded as sent: ${sent.toLocaleString('en')})`)
    console.log(`API calls                 ${stats.calls} (${stats.acceptedCalls} accepted; batches of up to 100)`)
    console.log('')
    console.log('| figure | result | target |')
    console.log('| --- | --- | --- |')
    console.log(`| time until all ${USERS.toLocaleString('en')} emails were accepted | ${seconds.toFixed(1)} s (${Math.round(stats.messages / seconds)} emails/s) | <= ${TARGET_S} s: ${verdict(seconds <= TARGET_S && stats.messages === USERS)} |`)
    console.log(`| CPU time of the sender (user + system) | ${cpuSeconds.toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)} | |`)
    console.log(`| peak RSS of the sender | ${memory.peakRssMb} MB | <= ${TARGET_RSS_MB} MB: ${verdict(memory.peakRssMb <= TARGET_RSS_MB)} |`)
    console.log(`| peak V8 heap (total / used), external | ${memory.peakHeapTotalMb} / ${memory.peakHeapUsedMb} MB, ${memory.peakExternalMb} MB | |`)
    console.log(`| RSS before the pass (modules loaded) | ${startRssMb} MB | |`)
    console.log(`| after the pass: RSS, heap used | ${memory.rssMb} MB, ${memory.heapUsedMb} MB | |`)
  } finally {
    await db.$disconnect()
    resend.stop()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

interface SenderReport {
  result: { deliveriesCreated: number; sent: number; failed: number }
  seconds: number
  cpuSeconds: number
  startRssMb: number
  memory: MemoryFigures
}

/** One notifier pass in its own process (the environment set above: database, Resend stand-in). */
function runSender(): Promise<SenderReport> {
  return new Promise((resolve, reject) => {
    // The server's own Node flags: the notifier runs inside it.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'scripts/bench/notify-process.ts'], {
      env: { ...process.env, NODE_OPTIONS: serverChildNodeOptions(SMALL_HOST) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('result='))
      if (code !== 0 || !line) return reject(new Error(`the sender exited (${signal ?? code}) without a result:\n${out}`))
      resolve(JSON.parse(line.slice('result='.length)) as SenderReport)
    })
  })
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
