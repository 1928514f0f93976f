// Next.js calls register() once when a server process starts. Self-hosted servers use it to run
// the status refresh on a schedule (see lib/jobs/in-process-schedule.ts) and to stop gracefully on
// SIGTERM/SIGINT (lib/jobs/graceful-stop.ts).
// NEXT_RUNTIME and NEXT_PHASE are Next's own process facts, not configuration, so they are read
// here rather than through lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { PHASE_PRODUCTION_BUILD } = await import('next/constants')
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return
  const { startInProcessRefresh } = await import('./lib/jobs/in-process-schedule')
  const { installGracefulStop } = await import('./lib/jobs/graceful-stop')
  installGracefulStop()
  startInProcessRefresh()
}
