// Starts the in-process refresh schedule for self-hosted servers (`npm start`), once per process.
// Each tick runs the scheduled work (./scheduled-work.ts) through GET /api/cron/refresh over
// loopback rather than calling runScheduledWork here: dropping cached pages (revalidatePath,
// revalidateTag) needs a Next.js request. Checked on Next 16.4: outside one, both throw
// "Invariant: static generation store missing", and the only other way in is Next's internal
// incremental cache (globalThis.__incrementalCache), which no public API promises to keep.
import { env, refreshIntervalMs } from '@/lib/env'
import { startScheduler, type Scheduler } from '@/lib/ingest/scheduler'
import { shutdownSignal } from '@/lib/shutdown'
import { internalRefreshToken } from './internal-token'

const STARTED = Symbol.for('vendorwatch.refreshScheduler')
const state = globalThis as unknown as Record<symbol, Scheduler | undefined>

export function startInProcessRefresh(): void {
  if (env.REFRESH_SCHEDULER === 'external') return
  if (state[STARTED]) return // dev-server reloads re-run instrumentation; one schedule is enough
  const url = `http://127.0.0.1:${env.PORT}/api/cron/refresh`
  const token = internalRefreshToken()
  console.log(`[refresh] in-process schedule: every ${refreshIntervalMs / 1000} s (REFRESH_SCHEDULER=external turns it off)`)
  state[STARTED] = startScheduler({
    intervalMs: refreshIntervalMs,
    initialDelayMs: 5_000,
    log: (m) => console.error(m),
    runCycle: async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(120_000) })
      if (res.status === 503 && shutdownSignal().aborted) return // the route refused: we are stopping
      const body = (await res.json()) as Record<string, unknown>
      if (!res.ok) throw new Error(`refresh route answered ${res.status}: ${JSON.stringify(body)}`)
      console.log(`[refresh] ${body.checked} checked (${body.changed} changed, ${body.unchanged} unchanged, ${body.failed} failed), ${body.events} events, ${body.durationMs} ms${body.interrupted ? ' (interrupted: the server is stopping)' : ''}`)
    },
  })
}

/** No new cycles; waits for the running one's request (the stop has already aborted the cycle), at most `graceMs`. */
export async function stopInProcessRefresh(graceMs: number): Promise<void> {
  const scheduler = state[STARTED]
  if (!scheduler) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([scheduler.stop(), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))])
  clearTimeout(timer)
}
