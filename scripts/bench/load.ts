// The page benchmark's load generator, run as a child process so the clients' event loop is not
// shared with the benchmark's own work. Node's `http` with a keep-alive agent rather than fetch:
// it asks for gzip like a browser but never decompresses, so the client spends its CPU on
// requests, not on inflating bodies (bytes are counted as they arrive).
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { percentile, type LoadMessage, type LoadRequest, type LoadResult, type LoadRun, type Slice } from './load-protocol'

const send = (message: LoadMessage) => process.send?.(message)

interface Sample {
  ok: boolean
  kind: string
  ms: number
  bytes: number
  cache: string
  error?: string
}

/** "/vendors?q=ab" -> "?q", "/vendors/stripe" -> "(no query)". */
const kindOf = (url: URL) => (url.search ? `?${[...url.searchParams.keys()].join('&')}` : '(no query)')

function request(agent: http.Agent, url: URL): Promise<Sample> {
  const started = performance.now()
  const kind = kindOf(url)
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip', accept: 'text/html' } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => {
        const ok = res.statusCode === 200
        const cache = String(res.headers['x-nextjs-cache'] ?? 'none')
        resolve({ ok, kind, ms: performance.now() - started, bytes, cache, ...(!ok && { error: `HTTP ${res.statusCode} ${url.pathname}${url.search}` }) })
      })
      res.on('error', (e) => resolve({ ok: false, kind, ms: performance.now() - started, bytes, cache: 'none', error: e.message }))
    })
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout ${url.pathname}`)))
    req.on('error', (e) => resolve({ ok: false, kind, ms: performance.now() - started, bytes: 0, cache: 'none', error: e.message }))
  })
}

function slices(samples: Sample[], key: (s: Sample) => string): Record<string, Slice> {
  const groups = new Map<string, number[]>()
  for (const s of samples) {
    const list = groups.get(key(s)) ?? []
    list.push(s.ms)
    groups.set(key(s), list)
  }
  return Object.fromEntries(
    [...groups].map(([k, ms]) => {
      const sorted = ms.sort((a, b) => a - b)
      return [k, { count: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) }]
    }),
  )
}

async function run(job: LoadRun): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency })
  const samples: Sample[] = []
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const deadline = started + (job.durationMs ?? 0)
  let next = 0
  const nextPath = (): string | undefined => {
    if (job.mode === 'each') return job.paths[next++]
    if (performance.now() >= deadline) return undefined
    return job.paths[Math.floor(Math.random() * job.paths.length)]
  }
  const client = async () => {
    for (let path = nextPath(); path !== undefined; path = nextPath()) samples.push(await request(agent, new URL(path, job.baseUrl)))
  }
  await Promise.all(Array.from({ length: job.concurrency }, client))
  const elapsedMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  agent.destroy()

  const good = samples.filter((s) => s.ok)
  const latencies = good.map((s) => s.ms).sort((a, b) => a - b)
  const cache: Record<string, number> = {}
  for (const s of good) cache[s.cache] = (cache[s.cache] ?? 0) + 1
  const errors = samples.filter((s) => !s.ok)
  return {
    requests: samples.length,
    errors: errors.length,
    errorSamples: [...new Set(errors.map((s) => s.error ?? 'error'))].slice(0, 5),
    elapsedMs,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? 0,
    meanBytes: good.length ? good.reduce((a, s) => a + s.bytes, 0) / good.length : 0,
    cache,
    byCache: slices(good, (s) => s.cache),
    byKind: slices(good, (s) => s.kind),
    cpuMs: (cpu.user + cpu.system) / 1000,
  }
}

process.on('message', (message: LoadRequest) => {
  if (message.type === 'stop') process.exit(0)
  run(message).then(
    (result) => send({ type: 'result', result }),
    (e: unknown) => {
      console.error(`load generator failed: ${(e as Error).stack ?? String(e)}`)
      process.exit(1)
    },
  )
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
