// The imitation vendor farm for `npm run bench:refresh`, run as a child process (forked with IPC)
// so its CPU and memory are not counted against the refresh it serves.
//
// Every vendor gets its own loopback address (127.0.A.B; all of 127/8 reaches loopback on Linux)
// because the HTTP client limits requests per hostname: one shared host would serialise 2,000
// vendors behind 2 slots, which production never does. The exception is the one place production
// does share a host: every status.io vendor is polled on api.status.io, imitated by STATUSIO_HOST.
// Every answer waits 100-300 ms; ETag + If-None-Match gives 304 (incident.io pages send no ETag,
// as the recorded notes say, so those vendors exercise the same-bytes path instead).
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CatalogRow } from '@/lib/catalog/catalog-row'
import { decodeBody } from '@/lib/ingest/http'
import { SOURCES } from '@/lib/ingest/sources'
import type { SourceTarget } from '@/lib/ingest/sources/types'
import { API_PATHS, buildFamilies, htmlPayload, type Family, type Payload, type PolledPlatform, type Variant } from './farm-payloads'
import { FARM_FAULT_SHARE, FARM_LATENCY_MS, FAULT_KINDS, type FarmMessage, type FarmRequest, type FarmStats, type FaultKind } from './farm-protocol'

const STATUSIO_HOST = '127.0.0.2'
const STATUSIO_API = 'https://api.status.io/1.0/status/'

interface FarmVendor {
  platform: PolledPlatform
  family: Family
  variant: number
  /** Per-vendor payloads laid over the variant's (a status.io vendor's own HTML page). */
  own: Variant
  fault: FaultKind | null
  /** The endpoint a broken vendor breaks on: its primary one. */
  primaryKey: string
}

/** Deterministic PRNG (mulberry32) so every run imitates the same farm and the same changes. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(20261124)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

/** The platform mix of the real catalog (prisma/seed/vendors.json), scaled to `total` by largest remainder. */
function platformMix(total: number): [PolledPlatform, number][] {
  const seed = JSON.parse(readFileSync(new URL('../../prisma/seed/vendors.json', import.meta.url), 'utf8')) as { platform: string }[]
  const counts = new Map<PolledPlatform, number>()
  for (const { platform } of seed) if (platform in SOURCES) counts.set(platform as PolledPlatform, (counts.get(platform as PolledPlatform) ?? 0) + 1)
  const pollable = [...counts.values()].reduce((a, b) => a + b, 0)
  const shares = [...counts].map(([p, n]) => ({ p, exact: (n * total) / pollable, n: Math.floor((n * total) / pollable) }))
  let left = total - shares.reduce((a, s) => a + s.n, 0)
  for (const s of [...shares].sort((a, b) => b.exact - b.n - (a.exact - a.n))) if (left-- > 0) s.n++
  return shares.map((s) => [s.p, s.n])
}

/** Drops variants the platform's own parser rejects: a benchmark of failures we caused is useless. */
function keepParseable(platform: PolledPlatform, families: Family[]): Family[] {
  const target: SourceTarget = { apiUrl: null, statusPageUrl: 'https://status.example.com', settings: { pageId: '0'.repeat(24) } }
  const parses = (v: Variant) => {
    try {
      const bodies = Object.fromEntries(Object.entries(v).map(([k, p]) => [k, decodeBody(p.body, p.contentType)]))
      return SOURCES[platform].parse(bodies, { now: new Date(), target }).kind === 'snapshot'
    } catch (e) {
      process.stderr.write(`[farm] ${platform}: dropping a variant that does not parse: ${(e as Error).message.slice(0, 200)}\n`)
      return false
    }
  }
  const kept = families.map((f) => ({ ...f, variants: f.variants.filter(parses) })).filter((f) => f.variants.length > 0)
  if (kept.length === 0) throw new Error(`no parseable payload for ${platform}`)
  return kept
}

const total = Number(process.argv[2] ?? 2000)
const stats: FarmStats = { requests: 0, ok: 0, notModified: 0, errors: 0, hung: 0, bytesOut: 0, cpuMs: 0 }
/** `${hostname}${path}` -> the vendor and endpoint key it serves. */
const routes = new Map<string, { vendor: FarmVendor; key: string }>()
const vendors: FarmVendor[] = []

function answer(req: http.IncomingMessage, res: http.ServerResponse, vendor: FarmVendor, key: string) {
  const send = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer) => {
    res.writeHead(status, headers).end(body)
    if (status === 304) stats.notModified++
    else if (status < 300) stats.ok++
    else stats.errors++
    stats.bytesOut += body?.length ?? 0
  }
  if (vendor.fault && key === vendor.primaryKey) {
    if (vendor.fault === 'timeout') return void stats.hung++
    if (vendor.fault === 'http500') return send(500, { 'content-type': 'text/plain' }, Buffer.from('internal server error'))
    return send(200, { 'content-type': 'text/html' }, Buffer.from('<!doctype html><title>Just a moment...</title><p>Checking your browser</p>'))
  }
  const payload: Payload | undefined = vendor.own[key] ?? vendor.family.variants[vendor.variant]?.[key]
  if (!payload) return send(404, { 'content-type': 'text/plain' }, Buffer.from('not found'))
  const etag = vendor.platform === 'incidentio' ? undefined : payload.etag
  if (etag && req.headers['if-none-match'] === etag) return send(304, { etag })
  const gzip = payload.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  send(200, { 'content-type': payload.contentType, ...(etag && { etag }), ...(gzip && { 'content-encoding': 'gzip' }), vary: 'Accept-Encoding' }, gzip ? (payload.gzip as Buffer) : payload.body)
}

const server = http.createServer((req, res) => {
  stats.requests++
  const host = (req.headers.host ?? '').replace(/:\d+$/, '')
  const route = routes.get(`${host}${req.url ?? '/'}`)
  const delay = FARM_LATENCY_MS.min + random() * (FARM_LATENCY_MS.max - FARM_LATENCY_MS.min)
  setTimeout(() => {
    if (res.destroyed) return
    if (!route) {
      stats.errors++
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such vendor')
    } else answer(req, res, route.vendor, route.key)
  }, delay)
})
// Node's default idle timeout, above the client's 4 s: the client closes idle sockets first.
server.keepAliveTimeout = 5_000
await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve))
const { port } = server.address() as AddressInfo

const families = buildFamilies()
const rows: CatalogRow[] = []
const vendorsPerPlatform: Record<string, number> = {}
const variantsPerPlatform: Record<string, number> = {}
for (const [platform, count] of platformMix(total)) {
  vendorsPerPlatform[platform] = count
  const usable = keepParseable(platform, families[platform])
  variantsPerPlatform[platform] = usable.reduce((a, f) => a + f.variants.length, 0)
  for (let n = 0; n < count; n++) {
    const r = random()
    let acc = 0
    const family = usable.find((f) => (acc += f.weight) > r * usable.reduce((a, x) => a + x.weight, 0)) ?? (usable[0] as Family)
    const index = vendors.length
    const host = `127.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`
    const apiPath = API_PATHS[platform]
    const row: CatalogRow = { name: `Bench ${platform} ${n + 1}`, slug: `bench-${platform}-${n + 1}`, statusPageUrl: `http://${host}:${port}/`, platform }
    if (apiPath) row.apiUrl = `http://${host}:${port}${apiPath}`
    const pageId = `5e${index.toString(16).padStart(22, '0')}`
    const vendor: FarmVendor = { platform, family, variant: Math.floor(random() * family.variants.length), own: {}, fault: null, primaryKey: '' }
    if (platform === 'statusio') vendor.own.page = htmlPayload(`<!doctype html><html><body><div data-api="${STATUSIO_API}${pageId}"></div></body></html>`)
    // The same endpoints the refresh will ask for, before and after a status.io page id is known.
    const targets: SourceTarget[] = [{ apiUrl: row.apiUrl ?? null, statusPageUrl: row.statusPageUrl, settings: {} }]
    if (platform === 'statusio') targets.push({ ...(targets[0] as SourceTarget), settings: { pageId } })
    for (const target of targets) {
      for (const endpoint of SOURCES[platform].endpoints(target)) {
        const url = new URL(endpoint.url.replace(STATUSIO_API, `http://${STATUSIO_HOST}:${port}/1.0/status/`))
        routes.set(`${url.hostname}${url.pathname}${url.search}`, { vendor, key: endpoint.key })
        vendor.primaryKey ||= endpoint.key
      }
    }
    vendors.push(vendor)
    rows.push(row)
  }
}

// Broken vendors sit on their own hosts (never the shared status.io API), kinds taking turns.
const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>
const breakable = vendors.filter((v) => v.platform !== 'statusio')
for (let i = 0; i < Math.round(total * FARM_FAULT_SHARE); i++) {
  const candidates = breakable.filter((v) => !v.fault)
  const kind = FAULT_KINDS[i % FAULT_KINDS.length] as FaultKind
  pick(candidates).fault = kind
  faults[kind]++
}

// Shuffled so each claim batch mixes platforms as a real catalog does (claims follow row order on ties).
const order = rows.map((_, i) => i).sort(() => random() - 0.5)
const send = (message: FarmMessage) => process.send?.(message)
send({
  type: 'ready',
  rows: order.map((i) => rows[i] as CatalogRow),
  statusioApiBase: `http://${STATUSIO_HOST}:${port}/1.0/status/`,
  vendorsPerPlatform,
  faults,
  variantsPerPlatform,
})

process.on('message', (message: FarmRequest) => {
  if (message.type === 'mutate') {
    // Only healthy vendors whose page has another state to move to can change.
    const changeable = vendors.filter((v) => !v.fault && v.family.variants.length > 1)
    const chosen = new Set<FarmVendor>()
    while (chosen.size < Math.min(message.count, changeable.length)) chosen.add(pick(changeable))
    for (const v of chosen) v.variant = (v.variant + 1) % v.family.variants.length
    send({ type: 'mutated', count: chosen.size })
  } else if (message.type === 'stats') {
    const cpu = process.cpuUsage()
    send({ type: 'stats', stats: { ...stats, cpuMs: (cpu.user + cpu.system) / 1000 } })
  } else {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  }
})
// The benchmark is gone (crashed or killed): do not outlive it.
process.on('disconnect', () => process.exit(0))
