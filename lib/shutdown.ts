// The process-wide "we are stopping" signal of a server process (SIGTERM/SIGINT), and the work a
// stop waits for. Kept on globalThis: Next bundles instrumentation and each route separately, so
// one process can hold several copies of this module, and they must all share one signal.
const KEY = Symbol.for('vendorwatch.shutdown')

interface ShutdownState {
  controller: AbortController
  work: Set<Promise<unknown>>
}

function state(): ShutdownState {
  const g = globalThis as unknown as Record<symbol, ShutdownState | undefined>
  return (g[KEY] ??= { controller: new AbortController(), work: new Set() })
}

/** Fires when the process starts stopping: long work (a refresh cycle) ends early on it. */
export function shutdownSignal(): AbortSignal {
  return state().controller.signal
}

/** Work the stop waits for (up to its grace period) before the database is closed. */
export function trackWork<T>(work: Promise<T>): Promise<T> {
  const { work: tracked } = state()
  const settled = work.then(
    () => undefined,
    () => undefined,
  )
  tracked.add(settled)
  void settled.then(() => tracked.delete(settled))
  return work
}

/** Fires the signal, then waits for tracked work to end, at most `graceMs`. True if it all ended. */
export async function stopWork(graceMs: number): Promise<boolean> {
  const { controller, work } = state()
  controller.abort()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))
  const done = Promise.all([...work]).then(() => true)
  try {
    return await Promise.race([done, timeout])
  } finally {
    clearTimeout(timer)
  }
}
