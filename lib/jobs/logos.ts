// After each refresh cycle, a few vendors that have no logo yet get theirs fetched, once
// (lib/ingest/logo.ts through this process's guarded HTTP client), and stored, so pages serve it
// from our own origin. Bounded per run: a handful of vendors, a few at a time, a time budget.
import { createHash } from 'node:crypto'
import { listVendorsWithoutLogo, saveVendorLogo } from '@/lib/data/vendor-logos'
import { env } from '@/lib/env'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { fetchVendorLogo } from '@/lib/ingest/logo'
import { shutdownSignal } from '@/lib/shutdown'

/** Vendors tried after each cycle: the whole catalog has its logos within a few hours. */
const LOGOS_PER_RUN = 20
const LOGO_CONCURRENCY = 4
const LOGO_BUDGET_MS = 15_000

/** The process's one guarded HTTP client (the refresh's: lib/jobs/refresh.ts shares this key). */
function processHttpClient(): HttpClient {
  const globalForHttp = globalThis as unknown as { __vendorwatchHttp?: HttpClient }
  return (globalForHttp.__vendorwatchHttp ??= createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK }))
}

/** The run after a refresh cycle, as the app does it; a failure is logged and costs nothing else. */
export async function fetchSomeMissingLogos(): Promise<void> {
  try {
    const { tried, stored } = await fetchMissingLogos({
      http: processHttpClient(),
      now: () => new Date(),
      limit: LOGOS_PER_RUN,
      concurrency: LOGO_CONCURRENCY,
      budgetMs: LOGO_BUDGET_MS,
      signal: shutdownSignal(),
    })
    if (tried) console.log(`[logos] ${stored} of ${tried} vendors' logos stored`)
  } catch (e) {
    console.error('[logos] failed:', e)
  }
}

export interface LogoRunOptions {
  http: HttpClient
  now: () => Date
  /** Vendors tried per run. */
  limit: number
  concurrency: number
  /** No vendor is started after this many ms. */
  budgetMs: number
  signal?: AbortSignal
}

export async function fetchMissingLogos(options: LogoRunOptions): Promise<{ tried: number; stored: number }> {
  const started = Date.now()
  const targets = await listVendorsWithoutLogo(options.limit, options.now())
  let next = 0
  let stored = 0
  let tried = 0
  const worker = async () => {
    for (let target = targets[next++]; target; target = targets[next++]) {
      if (options.signal?.aborted || Date.now() - started > options.budgetMs) return
      tried++
      const result = await fetchVendorLogo(options.http, target.statusPageUrl, options.signal)
      // A stop mid-fetch is not the vendor's fault: leave it to try again later.
      if (options.signal?.aborted) return
      const outcome = result.ok ? { ...result, sha256: createHash('sha256').update(result.bytes).digest('hex') } : result
      await saveVendorLogo(target.vendorId, outcome, options.now())
      if (result.ok) stored++
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return { tried, stored }
}
