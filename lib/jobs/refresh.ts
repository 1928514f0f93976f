// The refresh as the app runs it: the ingest cycle wired to this process's database, HTTP client
// and clock. Called by runScheduledWork (./scheduled-work.ts).
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { refreshDatabaseSlots } from '@/lib/data/connection'
import { refreshData } from '@/lib/data/refresh-data'
import { env, refreshIntervalMs } from '@/lib/env'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { runRefreshCycle, type RefreshOptions, type RefreshSummary } from '@/lib/ingest/refresh'
import { shutdownSignal, trackWork } from '@/lib/shutdown'

const MINUTE = 60_000

// One client per process (its keep-alive agents are shared by every cycle).
const globalForHttp = globalThis as unknown as { __vendorwatchHttp?: HttpClient }
const http = (globalForHttp.__vendorwatchHttp ??= createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK }))

/**
 * Runs one refresh cycle over every due vendor. `timeBudgetMs` bounds how long it keeps claiming
 * vendors (the cron route has a platform time limit); vendors left over are due next time.
 */
export async function refreshDueVendors(trigger: RefreshOptions['trigger'], timeBudgetMs: number, firstVendorSlug?: string): Promise<RefreshSummary> {
  // A stop (SIGTERM) ends the cycle early and waits for it to close its run (./graceful-stop.ts).
  return trackWork(runRefreshCycle(
    { data: refreshData, http, now: () => new Date(), random: Math.random, log: (m) => console.log(m), signal: shutdownSignal() },
    {
      trigger,
      owner: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      concurrency: env.REFRESH_CONCURRENCY,
      // Embedded: one vendor at a time uses the database, so a request's queries never queue behind
      // dozens of the cycle's (db-gate.ts). PostgreSQL: as many as the pool can serve.
      dbConcurrency: Math.min(env.REFRESH_CONCURRENCY, refreshDatabaseSlots),
      // Far above the worst case for one vendor (3 endpoints x 10 s timeout + the write).
      leaseMs: 5 * MINUTE,
      intervalMs: refreshIntervalMs,
      maxBackoffMs: 30 * MINUTE,
      timeBudgetMs,
      firstVendorSlug,
    },
  ))
}
