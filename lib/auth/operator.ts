// Who may read operational details (health reasons, counts, memory, errors): a caller presenting
// the cron secret or the operator token as a bearer token. Anonymous callers get the status only,
// since counts and error text tell a stranger what is broken and where. Pure.
import { createHash, timingSafeEqual } from 'node:crypto'

export function bearerToken(header: string | null): string | null {
  const match = /^Bearer (.+)$/.exec(header ?? '')
  return match?.[1] ?? null
}

/**
 * Constant-time comparison. Both sides are hashed first so the comparison takes the same time
 * whatever the lengths (timingSafeEqual itself throws on a length mismatch, which leaks the length).
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length
}

/** True when the Authorization header carries one of the configured secrets (unset ones never match). */
export function isOperator(authorization: string | null, secrets: { cronSecret?: string | undefined; operatorToken?: string | undefined }): boolean {
  const token = bearerToken(authorization)
  if (token === null) return false
  return [secrets.cronSecret, secrets.operatorToken].some((secret) => secret !== undefined && secret !== '' && sameSecret(token, secret))
}
