// The world of an ingest integration test that runs the refresh end to end: the local status-page
// server (started before the file's tests, closed after them), an HTTP client that may reach it
// (loopback allowed, short timeouts), a clock the test moves by hand, the log lines, and one call
// that runs a refresh cycle with the settings these tests share. One copy here instead of one per
// lib/ingest/*.int.test.ts, so they cannot drift apart. Call it at the top of a test file.
import { afterAll, beforeAll } from 'vitest'
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { runRefreshCycle, type RefreshOptions, type RefreshSummary } from '@/lib/ingest/refresh'
import { startStatusServer, type StatusServer } from './status-server'

export const MINUTE = 60_000

export interface RefreshHarnessSettings {
  /** Prefix of each cycle's lease owner (`<owner>-1`, `<owner>-2`, …). */
  owner: string
  /** Where the clock starts (the test may set it again: `setNow`). */
  start: string | Date
  /** Vendors in flight at once (default 1). */
  concurrency?: number
  /** Longest wait after repeated failures (default 30 minutes). */
  maxBackoffMs?: number
  /** The client's total time per fetch (default 3 s). */
  timeoutMs?: number
  /** Rewrites a URL before fetching it, for a source that only reads from one public host (status.io). */
  rewriteUrl?: (url: string, server: StatusServer) => string
}

export interface RefreshHarness {
  /** The status-page server; available from the file's beforeAll on. */
  readonly server: StatusServer
  readonly http: HttpClient
  /** Every line the cycles logged, in order; tests may clear it. */
  readonly logs: string[]
  now(): Date
  setNow(at: string | Date): void
  /** Moves the clock on by `ms` and makes every vendor due again. */
  later(ms: number): Promise<void>
  /** One refresh cycle at the harness clock. */
  run(over?: Partial<RefreshOptions>): Promise<RefreshSummary>
}

export function useRefreshHarness(settings: RefreshHarnessSettings): RefreshHarness {
  let server: StatusServer | undefined
  let clock = new Date(settings.start)
  let cycle = 0
  const logs: string[] = []
  const client = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: settings.timeoutMs ?? 3_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
  const rewrite = settings.rewriteUrl
  const http: HttpClient = rewrite ? { fetchText: (url, options) => client.fetchText(rewrite(url, harness.server), options), close: () => client.close() } : client

  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(async () => {
    http.close()
    await server?.close()
  })

  const harness: RefreshHarness = {
    get server() {
      if (!server) throw new Error('the status server starts in beforeAll')
      return server
    },
    http,
    logs,
    now: () => clock,
    setNow: (at) => {
      clock = new Date(at)
    },
    later: async (ms) => {
      clock = new Date(clock.getTime() + ms)
      await db.statusSource.updateMany({ data: { nextCheckAt: null } })
    },
    run: (over = {}) =>
      runRefreshCycle(
        { data: refreshData, http, now: () => clock, random: () => 0.5, log: (m) => logs.push(m) },
        {
          trigger: 'manual',
          owner: `${settings.owner}-${++cycle}`,
          concurrency: settings.concurrency ?? 1,
          leaseMs: 5 * MINUTE,
          intervalMs: MINUTE,
          maxBackoffMs: settings.maxBackoffMs ?? 30 * MINUTE,
          timeBudgetMs: 10 * MINUTE,
          ...over,
        },
      ),
  }
  return harness
}
