// Creating an account: limits, the user row, and the verification email.
import { networkOf } from '@/lib/auth/client-ip'
import { emailSubject, RATE_LIMITS } from '@/lib/auth/rate-limits'
import { hashPassword } from '@/lib/auth/password'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { createUser } from '@/lib/data/users'
import { ConflictError } from '@/lib/errors'
import { sendVerificationEmail } from './email-verification'

export type RegisterResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'email_taken' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number }

export async function registerAccount(input: { email: string; password: string; timeZone: string }, ip: string, now: Date): Promise<RegisterResult> {
  const limited = await hitRateLimits(
    [
      { limit: RATE_LIMITS.signUpPerNetwork, subject: networkOf(ip) },
      { limit: RATE_LIMITS.signUpPerEmail, subject: emailSubject(input.email) },
    ],
    now,
  )
  if (!limited.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: limited.retryAfterMs }
  try {
    const user = await createUser({ email: input.email, passwordHash: await hashPassword(input.password), timeZone: input.timeZone })
    await sendVerificationEmail(user.id, user.email, now)
    return { ok: true, userId: user.id }
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, reason: 'email_taken' }
    throw e
  }
}
