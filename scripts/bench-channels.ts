// `npm run bench:channels`: one incident on a vendor watched by 5,000 users with 10,000 destinations
// (a signed webhook and a PagerDuty service each; Pro, so both kinds count). The stand-ins run in
// their own process and answer after 100–300 ms. Prints the time until every delivery is recorded
// as sent, deliveries/s, peak RSS, and the time from the change event (as the refresh that saw the
// change writes it) to the last delivery.
//   BENCH_USERS=5000  CHANNELS_SEND_CONCURRENCY (default 100 here)  BENCH_DATABASE_URL / TEST_DATABASE_URL
//   --small-host (or BENCH_SMALL_HOST=1): the sender runs with the 512 MB host's NODE_OPTIONS
//   (scripts/bench/small-host.ts), as bench:notify's does
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import type { MemoryFigures } from './bench/memory'
import { serverChildNodeOptions, SMALL_HOST_NODE_OPTIONS, smallHostRequested } from './bench/small-host'
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs'

const USERS = Number(process.env.BENCH_USERS || 5_000)
const TARGET_S = 60
const TARGET_RSS_MB = 300
const SMALL_HOST = smallHostRequested()
const DATABASE = 'vendorwatch_bench_channels'
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)

async function startStandins(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/channel-standins-process.ts'], {
    env: { ...process.env, STANDIN_RECEIVERS: String(USERS), STANDIN_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /port=(\d+)/.exec(chunk.toString())
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`stand-ins exited (${code})`)))
  })
  process.once('exit', () => child.kill('SIGTERM'))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') }
}

async function main() {
  const concurrency = process.env.CHANNELS_SEND_CONCURRENCY ?? '100'
  console.log(`bench:channels: ${USERS.toLocaleString('en')} watchers, ${(USERS * 2).toLocaleString('en')} destinations, stand-ins 100–300 ms, concurrency ${concurrency}, sender: node ${SERVER_NODE_FLAGS.join(' ')} NODE_OPTIONS=${serverChildNodeOptions(SMALL_HOST)}${SMALL_HOST ? ` (the 512 MB host's: ${SMALL_HOST_NODE_OPTIONS})` : ''}, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
  const standins = await startStandins()
  Object.assign(process.env, {
    DATABASE_URL: url,
    APP_URL: 'https://vendorwatch.example',
    CHANNELS_ALLOW_PRIVATE_NETWORK: 'true',
    CHANNELS_SEND_CONCURRENCY: concurrency,
    PAGERDUTY_EVENTS_URL: `${standins.url}/pagerduty`,
  })
  const { db } = await import('@/lib/db/client')
  const { sealSettings } = await import('@/lib/channels/sealed-settings')
  const { deliverToChannels } = await import('@/lib/jobs/channels')
  try {
    const setupStart = performance.now()
    const vendor = await db.vendor.create({ data: { slug: 'bench-vendor', name: 'Bench Cloud', statusPageUrl: 'https://status.bench.example', source: { create: { platform: 'statuspage', baselineAt: new Date() } } } })
    const userIds = Array.from({ length: USERS }, () => randomUUID())
    for (let i = 0; i < USERS; i += 1_000) {
      const chunk = userIds.slice(i, i + 1_000)
      await db.user.createMany({ data: chunk.map((id, j) => ({ id, email: `watcher-${i + j}@bench.example`, emailVerified: new Date(), timeZone: 'UTC' })) })
      await db.subscription.createMany({ data: chunk.map((userId) => ({ userId, stripeSubscriptionId: `sub_${userId}`, stripeCustomerId: `cus_${userId}`, status: 'active', lastEventAt: new Date() })) })
      await db.watchlistEntry.createMany({ data: chunk.map((userId) => ({ userId, vendorId: vendor.id })) })
      await db.destination.createMany({
        data: chunk.flatMap((userId, j) => [
          { userId, kind: 'webhook' as const, name: 'hook', sealedSettings: sealSettings('webhook', { url: `${standins.url}/hooks/r${i + j}`, secret: SECRET }), maskedTarget: 'x' },
          { userId, kind: 'pagerduty' as const, name: 'pd', sealedSettings: sealSettings('pagerduty', { routingKey: `R${String(i + j).padStart(31, '0')}` }), maskedTarget: 'x' },
        ]),
      })
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
    console.log(`setup: ${USERS.toLocaleString('en')} users, ${(USERS * 2).toLocaleString('en')} destinations (${((performance.now() - setupStart) / 1000).toFixed(1)} s)`)

    // The refresh that saw the change writes this event; the clock starts there.
    const event = await db.changeEvent.create({ data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: `incident_opened:${vendor.id}:bench`, incidentId: incident.id, occurredAt: new Date(), data: { firstSeenOver: false } } })
    // The sender runs in its own process (scripts/bench/channels-sender-process.ts), so its peak RSS
    // is its own and not the set-up's 5,000 users and 10,000 sealed destinations.
    const sender = await new Promise<{ result: { deliveriesCreated: number; retrying: number; failed: number; broken: number }; seconds: number; cpuSeconds: number; memory: MemoryFigures; liveHeapAfterLoadMb: number; liveHeapAfterPassMb: number; peakRssMb: number; startRssMb: number }>((resolve, reject) => {
      // With the server's Node flags: the channel outbox runs inside the server (lib/jobs/channels.ts).
      const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--expose-gc', '--import', 'tsx', 'scripts/bench/channels-sender-process.ts'], { env: { ...process.env, NODE_OPTIONS: serverChildNodeOptions(SMALL_HOST) }, stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.once('exit', (code) => {
        const line = out.trim().split('\n').pop() ?? ''
        if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line))
        else reject(new Error(`sender exited (${code}): ${out.slice(-500)}`))
      })
    })
    const { result, seconds } = sender
    const last = await db.channelDelivery.aggregate({ _max: { sentAt: true }, where: { status: 'sent' } })
    const sent = await db.channelDelivery.count({ where: { status: 'sent' } })
    const fromEvent = last._max.sentAt ? (last._max.sentAt.getTime() - event.createdAt.getTime()) / 1000 : NaN
    const count = (await (await fetch(`${standins.url}/__received`)).json()) as { pagerduty: unknown[]; webhooks: { verified: boolean }[] }

    console.log('')
    console.log(`deliveries created            ${result.deliveriesCreated.toLocaleString('en')}`)
    console.log(`recorded as sent              ${sent.toLocaleString('en')} (retrying ${result.retrying}, failed ${result.failed}, broken ${result.broken})`)
    console.log(`received by the stand-ins     ${count.webhooks.filter((w) => w.verified).length.toLocaleString('en')} verified webhooks, ${count.pagerduty.length.toLocaleString('en')} PagerDuty triggers`)
    console.log(`time until all delivered      ${seconds.toFixed(1)} s  (${Math.round(sent / seconds)} deliveries/s)`)
    console.log(`change event -> last delivery ${fromEvent.toFixed(1)} s`)
    console.log(`peak RSS of the sender        ${sender.peakRssMb} MB (its own process; ${sender.startRssMb} MB once its modules were loaded)`)
    const m = sender.memory
    console.log(`sender's V8 heap, sampled     peak total ${m.peakHeapTotalMb} MB, peak used ${m.peakHeapUsedMb} MB, peak external ${m.peakExternalMb} MB; after the pass RSS ${m.rssMb} MB, heap used ${m.heapUsedMb} MB`)
    console.log(`sender's live heap            ${sender.liveHeapAfterLoadMb} MB once its modules were loaded, ${sender.liveHeapAfterPassMb} MB after the pass (each after a full GC)`)
    console.log(`sender's CPU time             ${sender.cpuSeconds.toFixed(1)} s`)
    const ok = seconds <= TARGET_S && sent === USERS * 2 && sender.peakRssMb <= TARGET_RSS_MB
    console.log(`target                        all ${(USERS * 2).toLocaleString('en')} within ${TARGET_S} s, RSS <= ${TARGET_RSS_MB} MB: ${ok ? 'PASS' : 'MISS'}`)
  } finally {
    await db.$disconnect()
    standins.stop()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
