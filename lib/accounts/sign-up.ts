// Creating an account: limits, the user row, and the verification email.
//
// Signing up never says whether the address already has an account. Both cases answer
// { ok: true } after the same work (one password hash, one insert that succeeds or hits the
// unique email), and the visitor is told to check their email. What differs happens in `defer`,
// after the answer: a new account gets its verification link, an existing owner is told that
// someone tried to sign up with their address (if it was them, they sign in or reset).
import { networkOf } from '@/lib/auth/client-ip'
import { env } from '@/lib/env'
import { emailSubject, RATE_LIMITS } from '@/lib/auth/rate-limits'
import { hashPassword } from '@/lib/auth/password'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { createUser } from '@/lib/data/users'
import { sendEmail } from '@/lib/email'
import { signUpAttemptNotice } from '@/lib/email/messages'
import { ConflictError } from '@/lib/errors'
import type { Defer } from './background'
import { sendVerificationEmail } from './email-verification'
import { appLink } from './links'

export type RegisterResult = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMs: number }

export async function registerAccount(
  input: { email: string; password: string; timeZone: string },
  ip: string,
  now: Date,
  defer: Defer,
): Promise<RegisterResult> {
  const limited = await hitRateLimits(
    [
      { limit: { ...RATE_LIMITS.signUpPerNetwork, max: env.SIGN_UP_LIMIT_PER_NETWORK }, subject: networkOf(ip) },
      { limit: RATE_LIMITS.signUpPerEmail, subject: emailSubject(input.email) },
    ],
    now,
  )
  if (!limited.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: limited.retryAfterMs }
  const passwordHash = await hashPassword(input.password)
  let user: { id: string; email: string } | null
  try {
    user = await createUser({ email: input.email, passwordHash, timeZone: input.timeZone })
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e
    user = null
  }
  await defer(async () => {
    if (user) await sendVerificationEmail(user.id, user.email, now)
    else await sendEmail(await signUpAttemptNotice(input.email, appLink('/forgot-password')))
  })
  return { ok: true }
}
