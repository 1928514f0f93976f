// What the refresh cycle of the default-configuration server is doing, read from /api/health.
import { SCHEDULER_APP_URL, SCHEDULER_CRON_SECRET } from './config'

export interface CycleState {
  /** The newest cycle's start, or null before the first one. */
  startedAt: string | null
  running: boolean
  checked: number
}

export async function cycleState(baseUrl = SCHEDULER_APP_URL): Promise<CycleState> {
  // The secret is for health's details; today's health shows them to anyone, and that may change.
  const res = await fetch(`${baseUrl}/api/health`, { headers: { authorization: `Bearer ${SCHEDULER_CRON_SECRET}` }, signal: AbortSignal.timeout(30_000) })
  const body = (await res.json()) as { lastRefresh?: { startedAt: string; finishedAt: string | null; trigger: string } | null; vendors?: { checked: number } }
  const last = body.lastRefresh
  return { startedAt: last?.startedAt ?? null, running: Boolean(last && last.finishedAt === null), checked: body.vendors?.checked ?? 0 }
}

/** Resolves once a scheduled cycle is running, with its state. */
export async function waitForRunningCycle(timeoutMs: number, baseUrl = SCHEDULER_APP_URL): Promise<CycleState> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const state = await cycleState(baseUrl)
    if (state.running) return state
    if (Date.now() > deadline) throw new Error(`no refresh cycle started within ${timeoutMs} ms (last: ${JSON.stringify(state)})`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
