// `npm run bench:search`: the vendor search and the directory under load, on PostgreSQL.
//   BENCH_SECONDS=10 npm run bench:search    (default 15 s per scenario)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
// Generates 3,000 vendors with their components (the real catalog first, then synthetic ones; the
// catalog's aliases), then measures with 20 concurrent clients:
//   1. the search function itself (searchVendors, in this process, Prisma over PostgreSQL);
//   2. GET /api/v1/vendors?q= and the directory page (/vendors?q=, ?category=, no query) against
//      the production server `npm start` runs (scripts/server.mjs on the build), clients in a separate process.
// Queries: exact names, name prefixes, aliases, typos (a letter dropped or swapped) and
// "vendor component" pairs. Prints p50/p95 beside the targets; never fails on timing.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { generateHistory } from './bench/generate-history'
import { seededRandom, type Random } from './bench/history-words'
import { percentile, type LoadResult } from './bench/load-protocol'
import { startLoadGenerator } from './bench/load-generator'
import { withPg } from './bench/measure'
import { ensureBuild, startNextServer, type NextServer } from './bench/next-server'
import { cores, waitForIdle } from './bench/proc-cpu'

const VENDORS = 3_000
const CLIENTS = 20
const TARGET_P95_MS = 50
const SECONDS = Number(process.env.BENCH_SECONDS || 15)
const DATABASE = 'vendorwatch_bench_search'
const SEED = 20_261_207

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')

interface Query {
  kind: 'exact' | 'prefix' | 'alias' | 'typo' | 'component'
  q: string
}

const pickFrom = <T>(random: Random, items: T[]): T => items[Math.floor(random() * items.length)] as T

function typo(random: Random, name: string): string {
  const s = name.toLowerCase()
  const i = 1 + Math.floor(random() * (s.length - 2))
  return random() < 0.5 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i - 1) + s.charAt(i) + s.charAt(i - 1) + s.slice(i + 1)
}

async function buildQueries(random: Random): Promise<Query[]> {
  return withPg(url, async (c) => {
    const names = (await c.query<{ name: string }>(`SELECT name FROM "Vendor" WHERE length(name) >= 5 ORDER BY md5(id) LIMIT 600`)).rows.map((r) => r.name)
    const aliases = (await c.query<{ alias: string }>(`SELECT alias FROM "VendorAlias" ORDER BY alias`)).rows.map((r) => r.alias)
    const pairs = (
      await c.query<{ vendor: string; component: string }>(
        `SELECT v.name AS vendor, c.name AS component FROM "Component" c JOIN "Vendor" v ON v.id = c."vendorId" ORDER BY md5(c.id) LIMIT 300`,
      )
    ).rows
    const queries: Query[] = []
    for (let i = 0; i < 120; i++) queries.push({ kind: 'exact', q: pickFrom(random, names) })
    for (let i = 0; i < 120; i++) {
      const n = pickFrom(random, names).toLowerCase()
      queries.push({ kind: 'prefix', q: n.slice(0, 2 + Math.floor(random() * 3)) })
    }
    for (const a of aliases) queries.push({ kind: 'alias', q: a })
    for (let i = 0; i < 120; i++) queries.push({ kind: 'typo', q: typo(random, pickFrom(random, names)) })
    for (let i = 0; i < 120; i++) {
      const p = pickFrom(random, pairs)
      queries.push({ kind: 'component', q: `${p.vendor.split(/\s+/)[0]} ${p.component.split(/\s+/).slice(0, 2).join(' ')}`.slice(0, 100) })
    }
    // Distinct queries only: a repeated one would be a cache hit in the "first time" runs.
    const seen = new Set<string>()
    return queries.filter((x) => !seen.has(x.q.toLowerCase()) && seen.add(x.q.toLowerCase()))
  })
}

/**
 * CLIENTS callers, each calling the next query as soon as its last answered: `each` asks every
 * query once, after the kept rankings were dropped (every search a first time); `mix` asks random
 * queries of the list for `seconds` (repeats within a minute are kept rankings).
 */
async function measureInProcess(queries: Query[], mode: 'each' | 'mix', seconds: number) {
  const { searchVendors } = await import('@/lib/data/vendors')
  const { clearSearchCache } = await import('@/lib/data/vendor-search')
  if (mode === 'each') clearSearchCache()
  let nextIndex = 0
  const { vendorQuerySchema } = await import('@/lib/validation/vendor-query')
  const byKind = new Map<string, number[]>()
  const misses = new Map<string, number>()
  const deadline = performance.now() + seconds * 1000
  const random = seededRandom(SEED + 2)
  const client = async () => {
    for (;;) {
      if (mode === 'mix' && performance.now() >= deadline) return
      const query = mode === 'each' ? queries[nextIndex++] : pickFrom(random, queries)
      if (!query) return
      const started = performance.now()
      const page = await searchVendors(vendorQuerySchema.parse({ q: query.q }))
      const ms = performance.now() - started
      const list = byKind.get(query.kind) ?? []
      list.push(ms)
      byKind.set(query.kind, list)
      if (page.total === 0) misses.set(query.kind, (misses.get(query.kind) ?? 0) + 1)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, client))
  const elapsed = performance.now() - started
  const all = [...byKind.values()].flat().sort((a, b) => a - b)
  return { all, byKind, misses, elapsed }
}

const f = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1))
const verdict = (p95: number) => `${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} (target p95 ≤ ${TARGET_P95_MS} ms)`

async function main() {
  const loadAtStart = loadAverage()
  const build = ensureBuild()
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  const load = startLoadGenerator()
  let server: NextServer | null = null
  try {
    execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
    console.error(`generating ${VENDORS} vendors with their components…`)
    const history = await generateHistory(url, { vendors: VENDORS, days: 2, now: new Date(), seed: SEED })
    process.env.DATABASE_URL = url
    const { parseAliases, SEED_ALIASES_FILE } = await import('@/lib/catalog/aliases')
    const { replaceVendorAliases } = await import('@/lib/data/vendor-aliases')
    const aliases = parseAliases(fs.readFileSync(SEED_ALIASES_FILE, 'utf8')).rows
    await replaceVendorAliases(aliases.map((a) => ({ alias: a.alias, vendorSlug: a.vendor, component: a.component ?? null, source: a.source })))
    await withPg(url, (c) => c.query('ANALYZE'))
    const queries = await buildQueries(seededRandom(SEED + 1))

    console.error(`search function, ${CLIENTS} callers in this process, ${SECONDS} s…`)
    await measureInProcess(queries.slice(0, 40), 'each', 0) // warm up: Prisma's connections and query plans
    const fn = await measureInProcess(queries, 'each', 0)
    console.error(`  search function, each query once: p50 ${f(percentile(fn.all, 0.5))} ms, p95 ${f(percentile(fn.all, 0.95))} ms`)
    const fnMix = await measureInProcess(queries, 'mix', SECONDS)
    console.error(`  search function, mix: p50 ${f(percentile(fnMix.all, 0.5))} ms, p95 ${f(percentile(fnMix.all, 0.95))} ms`)

    console.error('starting the production server…')
    server = await startNextServer(url)
    await load.ready
    const q = (query: Query) => encodeURIComponent(query.q)
    const apiPaths = queries.map((query) => `/api/v1/vendors?q=${q(query)}`)
    const directoryPaths = [
      ...queries.slice(0, 120).map((query) => `/vendors?q=${q(query)}`),
      ...history.categories.map((c) => `/vendors?category=${encodeURIComponent(c)}`),
      ...Array.from({ length: 20 }, () => '/vendors'),
    ]
    // Warm the server (compiled routes, pools) before measuring.
    await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: 4, mode: 'each', paths: [...apiPaths.slice(0, 20), ...directoryPaths.slice(0, 20)] })
    await waitForIdle(server.pid)
    // One client, queries nobody asked yet: what one search costs without queueing behind 19 others.
    const apiSolo = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: 1, mode: 'each', paths: apiPaths.slice(-40) })
    const pageSolo = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: 1, mode: 'each', paths: queries.slice(80, 120).map((query) => `/vendors?q=${q(query)}`) })
    await waitForIdle(server.pid)
    console.error(`GET /api/v1/vendors?q=, ${CLIENTS} clients, each query once…`)
    const apiCold = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: CLIENTS, mode: 'each', paths: apiPaths.slice(20, -40) })
    await waitForIdle(server.pid)
    console.error(`GET /api/v1/vendors?q=, ${CLIENTS} clients, mix for ${SECONDS} s…`)
    const api = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: CLIENTS, mode: 'random', durationMs: SECONDS * 1000, paths: apiPaths })
    await waitForIdle(server.pid)
    console.error(`/vendors?q=, ${CLIENTS} clients, each search once…`)
    const pageCold = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: CLIENTS, mode: 'each', paths: queries.slice(120).map((query) => `/vendors?q=${q(query)}`) })
    await waitForIdle(server.pid)
    console.error(`/vendors (search, category, none), ${CLIENTS} clients, mix for ${SECONDS} s…`)
    const page = await load.run({ type: 'run', baseUrl: server.baseUrl, concurrency: CLIENTS, mode: 'random', durationMs: SECONDS * 1000, paths: directoryPaths })

    const counts = await withPg(url, async (c) => {
      const one = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]?.n ?? 0)
      return { vendors: await one(`SELECT count(*) n FROM "Vendor"`), components: await one(`SELECT count(*) n FROM "Component"`), aliases: await one(`SELECT count(*) n FROM "VendorAlias"`) }
    })
    const kinds = (r: typeof fn) => [...r.byKind].map(([kind, list]) => {
      const sorted = list.sort((a, b) => a - b)
      return `    ${kind.padEnd(10)} n ${String(sorted.length).padStart(5)}  p50 ${f(percentile(sorted, 0.5)).padStart(6)} ms  p95 ${f(percentile(sorted, 0.95)).padStart(6)} ms  no result ${r.misses.get(kind) ?? 0}`
    })
    const httpLine = (name: string, r: LoadResult) =>
      `  ${name.padEnd(44)} ${String(r.requests).padStart(6)} reqs ${((r.requests * 1000) / Math.max(1, r.elapsedMs)).toFixed(1).padStart(7)} req/s  p50 ${f(r.p50Ms).padStart(6)} ms  p95 ${f(r.p95Ms).padStart(6)} ms  p99 ${f(r.p99Ms).padStart(6)} ms  errors ${r.errors}`
    const kindLines = (r: LoadResult) => Object.entries(r.byKind).map(([k, s]) => `      ${k.padEnd(12)} n ${String(s.count).padStart(5)}  p50 ${f(s.p50Ms).padStart(6)} ms  p95 ${f(s.p95Ms).padStart(6)} ms`)
    const fnP95 = percentile(fn.all, 0.95)
    const fnMixP95 = percentile(fnMix.all, 0.95)
    console.log(
      [
        '',
        `search benchmark: PostgreSQL ${new URL(serverUrl).host}/${DATABASE}; scripts/server.mjs (production build of ${build.builtAt.toISOString()})`,
        `  machine: ${cores()} cores, node ${process.version}; load average ${loadAtStart} at start, ${loadAverage()} at end (other work shares these cores)`,
        ...(build.sourcesNewer ? ['  NOTE: app sources changed after this build; the HTTP figures are for the build (run `npm run build` to measure the working tree)'] : []),
        `  data: ${counts.vendors.toLocaleString('en')} vendors, ${counts.components.toLocaleString('en')} components, ${counts.aliases} aliases; ${queries.length} queries (exact, prefix, alias, typo, vendor + component)`,
        '',
        `search function (searchVendors, ${CLIENTS} concurrent callers in one process)`,
        `  each query once (no kept ranking): ${fn.all.length} searches, ${((fn.all.length * 1000) / fn.elapsed).toFixed(0)}/s, p50 ${f(percentile(fn.all, 0.5))} ms, p95 ${f(fnP95)} ms, p99 ${f(percentile(fn.all, 0.99))} ms`,
        ...kinds(fn),
        `  random mix for ${SECONDS} s (repeats within a minute use the kept ranking): ${fnMix.all.length} searches, ${((fnMix.all.length * 1000) / fnMix.elapsed).toFixed(0)}/s, p50 ${f(percentile(fnMix.all, 0.5))} ms, p95 ${f(fnMixP95)} ms`,
        '',
        `over HTTP (${CLIENTS} keep-alive clients in a separate process, ${SECONDS} s each)`,
        httpLine('GET /api/v1/vendors?q=, one client, each once', apiSolo),
        httpLine('/vendors?q=, one client, each once', pageSolo),
        httpLine('GET /api/v1/vendors?q=, each query once', apiCold),
        httpLine('GET /api/v1/vendors?q=, mix', api),
        httpLine('/vendors?q=, each search once', pageCold),
        httpLine('/vendors (?q=, ?category=, none), mix', page),
        ...kindLines(page),
        '',
        'targets',
        `  directory search p95 at ${CLIENTS} clients over ${counts.vendors.toLocaleString('en')} vendors and their components:`,
        `    search function: each query once ${f(fnP95)} ms — ${verdict(fnP95)}; mix ${f(fnMixP95)} ms — ${verdict(fnMixP95)}`,
        `    GET /api/v1/vendors?q=: each query once ${f(apiCold.p95Ms)} ms — ${verdict(apiCold.p95Ms)}; mix ${f(api.p95Ms)} ms — ${verdict(api.p95Ms)}`,
        `  directory page /vendors p95 at ${CLIENTS} clients: each search once ${f(pageCold.p95Ms)} ms — ${verdict(pageCold.p95Ms)}; mix of search, category and none ${f(page.p95Ms)} ms — ${verdict(page.p95Ms)}`,
      ].join('\n'),
    )
  } finally {
    load.stop()
    await server?.stop()
    const { db } = await import('@/lib/db/client').catch(() => ({ db: null }))
    await db?.$disconnect()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

main().catch((e: unknown) => {
  console.error(`bench:search failed: ${(e as Error).stack ?? String(e)}`)
  process.exit(1)
})
