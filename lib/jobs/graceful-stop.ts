// Graceful stop of the server process on SIGTERM/SIGINT, within STOP_BUDGET_MS (a container
// runtime's usual grace is 10 s): no new refresh cycles, the running one stops claiming, its
// in-flight fetches are aborted and their vendors' leases handed back, its run is closed as
// `interrupted`, the notifier stops claiming batches, then the database is closed (the embedded
// one releases its lock and is closed cleanly) and the process exits.
//
// `npm start` sets NEXT_MANUAL_SIG_HANDLE for the server, so this is the process's only stop
// handler. Under a bare `next start` Next's own handler also runs; whichever exits first wins.
import { closeDatabase } from '@/lib/data/connection'
import { stopWork } from '@/lib/shutdown'
import { stopInProcessRefresh } from './in-process-schedule'

/** The whole stop, signal to exit. */
export const STOP_BUDGET_MS = 5_000
/** How long the refresh and notifier get to wind down before the database is closed. */
const WORK_GRACE_MS = 3_000

const INSTALLED = Symbol.for('vendorwatch.gracefulStop')

export function installGracefulStop(): void {
  const g = globalThis as unknown as Record<symbol, boolean>
  if (g[INSTALLED]) return
  g[INSTALLED] = true
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    void stop(signal)
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  // A stop that hangs (a database that never answers) must not outlive the runtime's grace.
  setTimeout(() => {
    console.error(`[stop] still stopping after ${elapsed()} ms: exiting without closing the database`)
    process.exit(1)
  }, STOP_BUDGET_MS - 500).unref()
  console.log(`[stop] ${signal}: stopping the refresh and the notifier`)
  // Called first: the schedule arms no new cycle once the running one returns.
  const schedule = stopInProcessRefresh(WORK_GRACE_MS)
  const finished = await stopWork(WORK_GRACE_MS)
  await schedule
  if (!finished) console.error(`[stop] work still running after ${WORK_GRACE_MS} ms: closing the database under it`)
  console.log(`[stop] refresh stopped after ${elapsed()} ms; closing the database`)
  await closeDatabase().catch((e: unknown) => console.error(`[stop] closing the database failed: ${(e as Error).message}`))
  console.log(`[stop] stopped in ${elapsed()} ms`)
  process.exit(0)
}
