// JSON error responses of the public API: one shape, no internals.
import type { z } from 'zod'

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
