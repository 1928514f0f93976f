// The probe run after each refresh cycle, as the app does it (lib/signal/probes.ts is the runner):
// this process's database, its own guarded HTTP client with probe-sized limits, the real clocks,
// and the process's stop signal. A failure is logged and costs nothing else.
import { performance } from 'node:perf_hooks'
import { probeRunData } from '@/lib/data/probe-runs'
import { PROBE_RESULT_RETENTION_MS } from '@/lib/data/probes'
import { env, refreshIntervalMs } from '@/lib/env'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { shutdownSignal, trackWork } from '@/lib/shutdown'
import { PROBE_MAX_BODY_BYTES, probeThroughClient } from '@/lib/signal/probe-request'
import { runDueProbes, type ProbeRunSummary } from '@/lib/signal/probes'

/**
 * A probe answers within a few seconds or counts as down: a healthy API root answers in well under
 * one. Connect (DNS + TCP + TLS) gets 3 s of the 4.
 */
export const PROBE_TIMEOUT_MS = 4_000
const PROBE_CONNECT_TIMEOUT_MS = 3_000
/**
 * The whole run's time box. It sits between the refresh and the signal's evaluation and the alerts,
 * so it is kept short: with 50 probes, 10 at a time and ~0.3 s each, a run takes ~1.5 s; no probe
 * starts in the last PROBE_TIMEOUT_MS, so the box is rarely the reason one is cut.
 */
const PROBE_RUN_BUDGET_MS = 6_000
const PROBE_CONCURRENCY = 10
const PROBES_PER_RUN = 200
/**
 * Polite: a probe is requested at most once per refresh interval, and never more than once a minute
 * even when the refresh runs more often (REFRESH_INTERVAL_SECONDS may be as low as 10).
 */
const PROBE_MIN_INTERVAL_MS = 60_000

/** Its own client: the refresh's has a 10 s timeout and an 8 MB body cap, far more than a probe needs. */
function probeHttpClient(): HttpClient {
  const g = globalThis as unknown as { __vendorwatchProbeHttp?: HttpClient }
  return (g.__vendorwatchProbeHttp ??= createHttpClient({
    ...DEFAULT_HTTP_OPTIONS,
    timeoutMs: PROBE_TIMEOUT_MS,
    connectTimeoutMs: PROBE_CONNECT_TIMEOUT_MS,
    maxBytes: PROBE_MAX_BODY_BYTES,
    maxRedirects: 3,
    allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK,
  }))
}

export async function probeDueVendors(): Promise<ProbeRunSummary | null> {
  try {
    // A stop waits for the run to write what it measured (it ends at once on the stop signal).
    const summary = await trackWork(
      runDueProbes({
        data: probeRunData,
        request: probeThroughClient(probeHttpClient()),
        now: () => new Date(),
        monotonicMs: () => performance.now(),
        intervalMs: Math.max(refreshIntervalMs, PROBE_MIN_INTERVAL_MS),
        budgetMs: PROBE_RUN_BUDGET_MS,
        requestTimeoutMs: PROBE_TIMEOUT_MS,
        concurrency: PROBE_CONCURRENCY,
        limit: PROBES_PER_RUN,
        retentionMs: PROBE_RESULT_RETENTION_MS,
        signal: shutdownSignal(),
      }),
    )
    if (summary.claimed > 0) console.log(`[probes] ${summary.checked} checked (${summary.up} up, ${summary.down} down), ${summary.handedBack} left for next run`)
    return summary
  } catch (e) {
    console.error('[probes] failed:', e)
    return null
  }
}
