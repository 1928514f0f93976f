// A local stand-in for a vendor's probed API endpoint, whose answer a test switches at will: up
// (200), any status (503), or a hang (no answer: the client's timeout ends it). For the probe
// runner's integration tests and the signal's scenario test ("a fixture vendor's probes start
// failing at t0"):
//
//   const api = await startProbeStandIn()
//   await addProbe(vendorId, api.url)
//   await runProbesAt(t0)            // up
//   api.answer({ status: 503 })
//   await runProbesAt(t1)            // down, and so on each interval
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { probeRunData } from '@/lib/data/probe-runs'
import { PROBE_RESULT_RETENTION_MS } from '@/lib/data/probes'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { probeThroughClient, PROBE_MAX_BODY_BYTES } from '@/lib/signal/probe-request'
import { runDueProbes, type ProbeRunOptions, type ProbeRunSummary } from '@/lib/signal/probes'

export type StandInAnswer = 'up' | 'hang' | { status: number }

export interface ProbeStandIn {
  /** The endpoint to probe (http://127.0.0.1:port/probe). */
  url: string
  answer(next: StandInAnswer): void
  /** Requests received so far. */
  readonly requests: number
  close(): Promise<void>
}

export async function startProbeStandIn(initial: StandInAnswer = 'up'): Promise<ProbeStandIn> {
  let current = initial
  let requests = 0
  const hanging = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    requests++
    if (current === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    const status = current === 'up' ? 200 : current.status
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/probe`,
    answer: (next) => (current = next),
    get requests() {
      return requests
    },
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A probe of `vendorId` at `url` (the catalog's are seeded from prisma/seed/probes.csv). */
export async function addProbe(vendorId: string, url: string, upBelow = 500): Promise<string> {
  const probe = await db.probe.create({ data: { vendorId, url, upBelow } })
  return probe.id
}

/** Short timeouts, so a hanging stand-in costs a test one second, not four. */
export const TEST_PROBE_TIMEOUT_MS = 1_000
let testClient: HttpClient | undefined

/** The test client: private network allowed (the ingest tests' setting), probe-sized limits. */
export function testProbeClient(): HttpClient {
  return (testClient ??= createHttpClient({
    ...DEFAULT_HTTP_OPTIONS,
    timeoutMs: TEST_PROBE_TIMEOUT_MS,
    connectTimeoutMs: TEST_PROBE_TIMEOUT_MS,
    maxBytes: PROBE_MAX_BODY_BYTES,
    allowPrivateNetwork: true,
  }))
}

/** One probe run as the schedule does it, at `now` (a fake clock), against the real database. */
export function runProbesAt(now: Date, overrides: Partial<ProbeRunOptions> = {}): Promise<ProbeRunSummary> {
  return runDueProbes({
    data: probeRunData,
    request: probeThroughClient(testProbeClient()),
    now: () => now,
    monotonicMs: () => performance.now(),
    intervalMs: 60_000,
    budgetMs: 10_000,
    requestTimeoutMs: TEST_PROBE_TIMEOUT_MS,
    concurrency: 4,
    limit: 100,
    retentionMs: PROBE_RESULT_RETENTION_MS,
    ...overrides,
  })
}
