// `npm run bench:pages`: the public pages under load, against the production server (scripts/server.mjs, as `npm start` runs it) on PostgreSQL.
//   BENCH_SECONDS=5 npm run bench:pages      (default 15 s per loaded scenario)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
// Generates 2,000 vendors with 90 days of history, starts the production build, and measures the
// vendor page (cached and first view), the incident page, the directory, the home page and a
// published stack page of 50 vendors with 20 concurrent clients, then how long a database change
// takes to reach a cached page. Prints p50/p95/p99 and
// throughput beside the issue's target; the exit code says only whether the benchmark itself ran.
//
// The clients run in a child process (scripts/bench/load.ts) so their event loop is not shared.
// Everything runs on this machine: the server, PostgreSQL, the clients and whatever else is
// running, so the report prints the load average and where the CPU went.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { generateHistory } from './bench/generate-history'
import { seededRandom } from './bench/history-words'
import type { LoadRun } from './bench/load-protocol'
import { startLoadGenerator } from './bench/load-generator'
import { withPg } from './bench/measure'
import { ensureBuild, startNextServer, type NextServer } from './bench/next-server'
import { pageWeight, weightLines } from './bench/page-weight'
import { cpuTable, scenarioTable, targetLines, TARGET, type ScenarioRecord } from './bench/pages-report'
import { cores, cpuWindow, waitForIdle } from './bench/proc-cpu'

const VENDORS = 2_000
const DAYS = 90
const SECONDS = Number(process.env.BENCH_SECONDS || 15)
const CLIENTS = TARGET.clients
/** Vendors (and incidents) per sample: the pages a warm scenario cycles through. */
const SAMPLE = 200
/** First views measured one at a time, and profiled in-process afterwards. */
const SOLO = 30
/**
 * Pages for the cache-hits-only run: few enough to render and then load inside one revalidate
 * window, so no copy goes stale meanwhile (the 200-page sample takes longer than that to fill).
 */
const HOT = 20
/** The pages' ISR window (export const revalidate in app/vendors/[slug]/page.tsx). */
const REVALIDATE_S = 60
// BENCH_DATABASE_NAME: another name, so two checkouts sharing one PostgreSQL server do not drop each other's data.
const DATABASE = process.env.BENCH_DATABASE_NAME ?? 'vendorwatch_bench_pages'
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error(`BENCH_DATABASE_NAME must be a plain PostgreSQL name (a-z, 0-9, _), not ${JSON.stringify(DATABASE)}`)
/** The stack page scenario: one user's watchlist of this many vendors, published under STACK_SLUG. */
const STACK_VENDORS = 50
const STACK_SLUG = 'bench-stack'
const SEED = 20_261_124

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/**
 * Seconds from a database change until the cached vendor page shows it, polling once a second.
 * ISR keeps serving the copy for `revalidate` seconds after it was rendered; the first request
 * after that still gets the old copy (STALE) and starts a regeneration, a later one gets the new page.
 */
async function measureFreshness(server: NextServer, slug: string): Promise<string[]> {
  const page = `${server.baseUrl}/vendors/${slug}`
  const get = async () => {
    const res = await fetch(page, { cache: 'no-store' })
    return { cache: res.headers.get('x-nextjs-cache') ?? 'none', html: await res.text() }
  }
  const first = await get() // renders and caches the page now
  const renderedAt = Date.now()
  const marker = `Bench freshness check ${renderedAt}`
  await withPg(url, (c) => c.query(`UPDATE "Vendor" SET status = 'major_outage', "statusText" = $1, "statusChangedAt" = now() WHERE slug = $2`, [marker, slug]))
  const changedAt = Date.now()
  const seconds = (at: number) => ((at - changedAt) / 1000).toFixed(1)
  let firstStale: { poll: number; at: number } | null = null
  for (let poll = 1; Date.now() - changedAt < (REVALIDATE_S + 30) * 1000; poll++) {
    await sleep(1_000)
    const { cache, html } = await get()
    if (html.includes(marker)) {
      // One poll may land while the regeneration is still running.
      const ok = firstStale !== null && poll - firstStale.poll <= 2 && firstStale.at - renderedAt >= REVALIDATE_S * 1000
      return [
        `  vendor ${slug}: rendered on first request (${first.cache}), status changed in the database ${((changedAt - renderedAt) / 1000).toFixed(1)} s later`,
        `  old copy served until ${firstStale ? `the first STALE answer at ${seconds(firstStale.at)} s` : 'no STALE answer seen'}; new status on the page at ${seconds(Date.now())} s (poll ${poll}, 1/s)`,
        `  expected: old copy for ${REVALIDATE_S} s after the render, new page one or two requests after the first STALE   ${ok ? 'OK' : 'UNEXPECTED'}`,
      ]
    }
    if (cache === 'STALE' && !firstStale) firstStale = { poll, at: Date.now() }
  }
  return [`  vendor ${slug}: the change did not appear within ${REVALIDATE_S + 30} s   UNEXPECTED`]
}

/** One user watching `slugs`, their stack published as /stacks/STACK_SLUG. */
async function seedStackPage(c: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, slugs: string[]) {
  await c.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('bench-stack-user', 'bench-stack@example.com', now())`)
  await c.query(
    `INSERT INTO "WatchlistEntry" (id, "userId", "vendorId", "updatedAt") SELECT 'bench-stack-' || v.id, 'bench-stack-user', v.id, now() FROM "Vendor" v WHERE v.slug = ANY($1)`,
    [slugs],
  )
  await c.query(`INSERT INTO "StackPage" (id, "userId", slug, "updatedAt") VALUES ('bench-stack-page', 'bench-stack-user', $1, now())`, [STACK_SLUG])
}

async function main() {
  const loadAtStart = loadAverage()
  const build = ensureBuild()
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  const load = startLoadGenerator()
  let server: NextServer | null = null
  try {
    execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
    let started = performance.now()
    const history = await generateHistory(url, { vendors: VENDORS, days: DAYS, now: new Date(), seed: SEED })
    const generationS = (performance.now() - started) / 1000
    // Generation took a while: mark every source as read just now, so the pages show a fresh status.
    await withPg(url, (c) => c.query(`UPDATE "StatusSource" SET "lastCheckedAt" = now(), "lastSuccessAt" = now()`))

    started = performance.now()
    server = await startNextServer(url)
    const serverStartS = (performance.now() - started) / 1000
    await load.ready

    const random = seededRandom(SEED + 1)
    const vendors = shuffled(history.vendors, random)
    const biggest = [...history.vendors].sort((a, b) => b.components - a.components)[0]
    const warmVendors = vendors.slice(0, SAMPLE).map((v) => `/vendors/${v.slug}`)
    const coldVendors = vendors.slice(SAMPLE, 2 * SAMPLE).map((v) => `/vendors/${v.slug}`)
    const soloVendors = vendors.slice(2 * SAMPLE, 2 * SAMPLE + SOLO)
    const hotVendors = vendors.slice(2 * SAMPLE + SOLO, 2 * SAMPLE + SOLO + HOT).map((v) => `/vendors/${v.slug}`)
    const freshnessVendor = vendors[2 * SAMPLE + SOLO + HOT]
    const incidents = shuffled(history.incidents, random)
      .slice(0, SAMPLE)
      .map((i) => `/vendors/${i.slug}/incidents/${i.id}`)
    const prefixes = vendors.slice(0, 60).map((v) => v.slug.replace(/[^a-z]/g, '').slice(0, 2 + Math.floor(random() * 3)) || 'ab')
    const directory = [
      ...Array.from({ length: 60 }, () => '/vendors'),
      ...prefixes.map((q) => `/vendors?q=${encodeURIComponent(q)}`),
      ...Array.from({ length: 60 }, (_, i) => `/vendors?category=${encodeURIComponent(history.categories[i % history.categories.length] ?? '')}`),
    ]

    const records: ScenarioRecord[] = []
    const scenario = async (name: string, clients: number, job: Omit<LoadRun, 'type' | 'baseUrl' | 'concurrency'>, settle = true) => {
      if (!server) throw new Error('no server')
      const settleS = settle ? await waitForIdle(server.pid) : 0
      const cpu = cpuWindow(server.pid, DATABASE)
      const result = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: clients, ...job })
      const record = { name, clients, result, cpu: cpu(), load1: os.loadavg()[0] ?? 0, settleS }
      records.push(record)
      console.error(`  done: ${name} (${result.requests} requests, p95 ${result.p95Ms.toFixed(1)} ms)`)
      return record
    }
    const duration = { mode: 'random' as const, durationMs: SECONDS * 1000 }
    console.error(`running scenarios (${SECONDS} s each under load)…`)
    const vendorFill = await scenario('vendor page, first view (cache fill)', CLIENTS, { mode: 'each', paths: warmVendors })
    const vendorWarm = await scenario(`vendor page, cached (${SAMPLE} pages)`, CLIENTS, { ...duration, paths: warmVendors })
    const hotFill = await scenario(`vendor page, first view (${HOT} pages)`, CLIENTS, { mode: 'each', paths: hotVendors })
    // No idle wait: the copies age meanwhile. Stop well inside the window they were rendered in.
    const hotSeconds = Math.max(3, Math.min(SECONDS, REVALIDATE_S - 5 - hotFill.result.elapsedMs / 1000))
    const vendorHot = await scenario(`vendor page, cached, fresh copies (${HOT} pages)`, CLIENTS, { mode: 'random', durationMs: hotSeconds * 1000, paths: hotVendors }, false)
    const vendorCold = await scenario('vendor page, first view (fresh sample)', CLIENTS, { mode: 'each', paths: coldVendors })
    const vendorSolo = await scenario('vendor page, first view, one at a time', 1, { mode: 'each', paths: soloVendors.map((v) => `/vendors/${v.slug}`) })
    await scenario('incident page, first view (cache fill)', CLIENTS, { mode: 'each', paths: incidents })
    await scenario('incident page, cached', CLIENTS, { ...duration, paths: incidents })
    await scenario('directory (/vendors, ?q=, ?category=)', CLIENTS, { ...duration, paths: directory })
    // Rendered per request (its CSP nonce); "down right now" comes from Next's data cache.
    await scenario('home page (/, down-now data cached)', CLIENTS, { ...duration, paths: ['/'] })
    // A published stack page watching STACK_VENDORS vendors: a cached page (ISR, like the vendor
    // page), dropped when its owner or one of its vendors changes (lib/pages/stack-page-drops.ts,
    // the vendors' tags). One view renders it first, so the loaded run measures views, not 20
    // clients missing the same page at once.
    await withPg(url, (c) => seedStackPage(c, vendors.slice(0, STACK_VENDORS).map((v) => v.slug)))
    await scenario(`stack page, first view (renders the cached page)`, 1, { mode: 'each', paths: [`/stacks/${STACK_SLUG}`] })
    const stackPage = await scenario(`stack page (${STACK_VENDORS} vendors)`, CLIENTS, { ...duration, paths: [`/stacks/${STACK_SLUG}`] })

    console.error('freshness check (up to a minute)…')
    const freshness = freshnessVendor ? await measureFreshness(server, freshnessVendor.slug) : ['  no vendor left for the freshness check']
    // What the biggest vendor's page is made of (cached copy, as served): bytes by section.
    const weight = biggest ? weightLines(`/vendors/${biggest.slug} (${biggest.components} components)`, pageWeight(await (await fetch(`${server.baseUrl}/vendors/${biggest.slug}`)).text())) : []
    await server.stop()
    server = null

    // In this process, after the server stopped: what the first render spends in the data layer.
    process.env.DATABASE_URL = url
    const { profileVendorQueries, queryProfileLines } = await import('./bench/page-queries')
    const profile = await profileVendorQueries(soloVendors.map((v) => v.slug), biggest?.slug ?? soloVendors[0]?.slug ?? '')

    const rows = Object.entries(history.rows).map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
    const out = [
      '',
      `page benchmark: PostgreSQL ${new URL(serverUrl).host}/${DATABASE}, scripts/server.mjs (production build of ${build.builtAt.toISOString()}${build.builtNow ? ', built now' : ''})`,
      `  machine: ${cores()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, ${os.platform()} ${os.release()}`,
      `  load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end; other work on this machine competes for the same cores`,
      ...(build.sourcesNewer ? ['  NOTE: app sources changed after this build; the figures are for the build, run `npm run build` to measure the working tree'] : []),
      `  data: ${VENDORS.toLocaleString('en')} vendors, ${DAYS} days of history, generated in ${generationS.toFixed(1)} s; ${(history.markdownChars / 2 ** 20).toFixed(1)} MB of Markdown`,
      `    ${rows.join(', ')}`,
      `    components per vendor: 5-40 (20 vendors with 60-80, ${biggest?.slug} ${biggest?.components}); incidents per vendor 0-40; server ready in ${serverStartS.toFixed(1)} s`,
      `  scenarios: ${CLIENTS} concurrent keep-alive clients (gzip accepted, bytes counted as sent); closed loop for ${SECONDS} s (fresh copies: until ${REVALIDATE_S - 5} s after their render), or each URL once for first views`,
      `    samples: ${SAMPLE} vendor pages, ${SAMPLE} other vendors for first views, ${SAMPLE} incident pages, directory: /vendors, ${prefixes.length} name prefixes, ${history.categories.length} categories`,
      '',
      'latency and throughput',
      ...scenarioTable(records),
      '',
      'cpu per request (Linux /proc)',
      ...cpuTable(records, cores()),
      '',
      'page weight of the biggest vendor (scripts/bench-page-weight.ts measures more pages and CPU per render)',
      ...weight,
      '',
      'first render, data layer alone (same calls as the vendor page, one vendor at a time, this process)',
      ...queryProfileLines(profile),
      `  compare: vendor page first view with one client, p50 ${vendorSolo.result.p50Ms.toFixed(1)} ms, p95 ${vendorSolo.result.p95Ms.toFixed(1)} ms`,
      '',
      `freshness: a database change on a cached vendor page (ISR revalidate = ${REVALIDATE_S} s; a refresh that changes a vendor also drops its pages at once via the cron route, not exercised here because nothing polls)`,
      ...freshness,
      '',
      'target',
      ...targetLines([vendorWarm, vendorHot], [vendorFill, vendorCold]),
      `  ${stackPage.name}, ${stackPage.clients} clients: p95 ${stackPage.result.p95Ms.toFixed(1)} ms   target <= ${TARGET.stackPageP95Ms} ms at ${TARGET.clients} clients   ${stackPage.result.p95Ms <= TARGET.stackPageP95Ms && stackPage.result.errors === 0 ? 'PASS' : 'MISS'}`,
    ]
    console.log(out.join('\n'))
  } finally {
    load.stop()
    await server?.stop()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

main().catch((e: unknown) => {
  console.error(`bench:pages failed: ${(e as Error).stack ?? String(e)}`)
  process.exit(1)
})
