// The production `Defer` for server actions: Next's `after`, which runs the task once the response
// is sent and keeps a serverless function alive until it settles (so this is not fire-and-forget).
import { after } from 'next/server'
import type { Defer } from './background'

export function afterResponse(label: string): Defer {
  return (task) =>
    after(() =>
      task().catch((e: unknown) => {
        // Nobody is waiting for the answer any more; the operator is told.
        console.error(`[${label}] background work failed:`, e)
      }),
    )
}
