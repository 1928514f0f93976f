// JSON error responses of the public API: one shape, no internals.
import type { z } from 'zod'
import { isDatabaseUnavailable } from '@/lib/db/unavailable'

export function jsonError(status: number, error: string, message: string, details?: Record<string, string[]>) {
  return Response.json({ error, message, ...(details && { details }) }, { status })
}

export function invalidQuery(err: z.ZodError) {
  const details: Record<string, string[]> = {}
  for (const issue of err.issues) {
    const key = String(issue.path[0] ?? 'query')
    ;(details[key] ??= []).push(issue.message)
  }
  return jsonError(400, 'invalid_query', 'One or more query parameters are invalid.', details)
}

/** How long a client should wait before asking again while the database is away (seconds). */
const DATABASE_RETRY_AFTER_S = 5

/**
 * Runs a handler and answers 503 `database_unavailable` when the database is down, hung or timed
 * out (the database timeouts in lib/db/pg-config.ts make a hung server fail in seconds). Any other
 * error is rethrown: a bug is a 500, not "try again later".
 */
export async function unlessDatabaseUnavailable(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler()
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e
    console.error('[api] database unavailable:', (e as Error).message)
    const res = jsonError(503, 'database_unavailable', 'The database is not answering; try again shortly.')
    res.headers.set('retry-after', String(DATABASE_RETRY_AFTER_S))
    return res
  }
}
