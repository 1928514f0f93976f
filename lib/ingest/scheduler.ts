// The in-process schedule self-hosted installs use: one refresh cycle every interval, never two
// at once in this process (the next cycle is only armed when the previous one has finished).
// Across processes and hosts the database leases keep cycles from touching the same vendor.
export interface Scheduler {
  stop(): Promise<void>
}

export function startScheduler(options: {
  intervalMs: number
  /** Delay before the first cycle, so the server answers requests before the first refresh. */
  initialDelayMs: number
  runCycle: () => Promise<unknown>
  log: (message: string) => void
}): Scheduler {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  let stopped = false

  const tick = () => {
    const startedAt = Date.now()
    running = options
      .runCycle()
      .then(
        () => undefined,
        (e: unknown) => options.log(`[refresh] cycle failed: ${(e as Error).message}`),
      )
      .finally(() => {
        running = null
        // Keep the period close to the interval: a 20 s cycle is followed by a 40 s pause.
        if (!stopped) timer = setTimeout(tick, Math.max(0, options.intervalMs - (Date.now() - startedAt)))
      })
  }
  timer = setTimeout(tick, options.initialDelayMs)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
