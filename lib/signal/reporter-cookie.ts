// The reporter cookie and key as the app uses them (the value's format is in ./reporter-keys.ts):
// the key derived once from AUTH_SECRET, the cookie's attributes in one place for the route handler
// and the server action.
import { env } from '@/lib/env'
import { deriveReporterKey, REPORTER_COOKIE, REPORTER_COOKIE_MAX_AGE_S } from './reporter-keys'

let cachedKey: Buffer | null = null
export function reporterKey(): Buffer {
  cachedKey ??= deriveReporterKey(env.AUTH_SECRET)
  return cachedKey
}

/** httpOnly (no script needs it), SameSite=Lax, Secure in production, a year. */
export function reporterCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: env.NODE_ENV === 'production', path: '/', maxAge: REPORTER_COOKIE_MAX_AGE_S }
}

/** A Set-Cookie header value for route handlers (which answer with a plain Response). */
export function reporterSetCookieHeader(value: string): string {
  const o = reporterCookieOptions()
  return `${REPORTER_COOKIE}=${value}; Path=${o.path}; Max-Age=${o.maxAge}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}`
}
