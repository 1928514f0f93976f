// Starts the in-process refresh schedule for self-hosted servers (`npm start`), once per process.
import { env, refreshIntervalMs } from '@/lib/env'
import { startScheduler } from '@/lib/ingest/scheduler'

const STARTED = Symbol.for('vendorwatch.refreshScheduler')

export function startInProcessRefresh(): void {
  if (env.REFRESH_SCHEDULER === 'external') return
  const state = globalThis as unknown as Record<symbol, boolean>
  if (state[STARTED]) return // dev-server reloads re-run instrumentation; one schedule is enough
  state[STARTED] = true
  const intervalMs = refreshIntervalMs
  console.log(`[refresh] in-process schedule: every ${intervalMs / 1000} s (REFRESH_SCHEDULER=external turns it off)`)
  startScheduler({
    intervalMs,
    initialDelayMs: 5_000,
    log: (m) => console.error(m),
    runCycle: async () => {
      // Loaded only when the schedule runs: with REFRESH_SCHEDULER=external this process never
      // builds the refresh's HTTP client at all.
      const { refreshDueVendors } = await import('./refresh')
      // A cycle may use most of the interval, never more: the next one would find little due.
      const s = await refreshDueVendors('scheduler', Math.max(10_000, intervalMs * 0.8))
      console.log(`[refresh] ${s.checked} checked (${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed), ${s.events} events, ${s.durationMs} ms`)
    },
  })
}
