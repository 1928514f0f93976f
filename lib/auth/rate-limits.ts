// Every rate limit on the account flows, in one table. Each flow is limited per client IP and per
// email (or per user), so neither spraying one password over many accounts nor hammering one
// account from many addresses gets far. Windows are fixed; see lib/rate-limit/window.ts.
import { createHash } from 'node:crypto'
import type { RateLimit } from '@/lib/rate-limit/window'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const RATE_LIMITS = {
  signUpPerIp: { name: 'sign-up:ip', max: 20, windowMs: HOUR },
  signUpPerEmail: { name: 'sign-up:email', max: 5, windowMs: HOUR },
  signInPerIp: { name: 'sign-in:ip', max: 50, windowMs: 15 * MINUTE },
  signInPerEmail: { name: 'sign-in:email', max: 10, windowMs: 15 * MINUTE },
  resetPerIp: { name: 'reset:ip', max: 10, windowMs: HOUR },
  resetPerEmail: { name: 'reset:email', max: 3, windowMs: HOUR },
  /** Resending the verification link, changing email: each sends mail to an address we do not trust yet. */
  verificationMailPerUser: { name: 'verify-mail:user', max: 5, windowMs: HOUR },
  emailChangePerUser: { name: 'email-change:user', max: 5, windowMs: HOUR },
  /** Checks of the current password from settings (a stolen session should not be able to guess it). */
  passwordCheckPerUser: { name: 'password-check:user', max: 10, windowMs: HOUR },
} as const satisfies Record<string, RateLimit>

/** Emails are keyed by hash: the bucket table should not become a list of addresses. */
export function emailSubject(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)
}
