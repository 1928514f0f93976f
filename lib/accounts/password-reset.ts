// Forgotten passwords: a single-use link by email, then a new password that signs out every
// existing session.
import { resetRequestLimits } from '@/lib/auth/rate-limits'
import { hashPassword } from '@/lib/auth/password'
import { TOKEN_PATTERN } from '@/lib/auth/tokens'
import { isResetTokenValid, issueAuthToken, redeemPasswordReset } from '@/lib/data/auth-tokens'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { findUserCredentials } from '@/lib/data/users'
import { sendEmail } from '@/lib/email'
import { passwordResetMessage } from '@/lib/email/messages'
import type { Defer } from './background'
import { appLink } from './links'

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMs: number }

/**
 * Sends a reset link if the account exists. The answer is the same either way (the caller shows
 * "if an account exists, we sent a link"), and so is its timing: looking the account up, issuing
 * the link and mailing it all happen in `defer`, after the answer. Limited as resetRequestLimits
 * says: strangers elsewhere cannot use up the owner's requests.
 */
export async function requestPasswordReset(email: string, ip: string, now: Date, defer: Defer, knownDevice?: string): Promise<ResetRequestResult> {
  const limited = await hitRateLimits(resetRequestLimits(email, { ip, knownDevice }), now)
  if (!limited.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: limited.retryAfterMs }
  await defer(() => mailResetLink(email, now))
  return { ok: true }
}

async function mailResetLink(email: string, now: Date): Promise<void> {
  const user = await findUserCredentials(email)
  if (!user) return
  const token = await issueAuthToken({ userId: user.id, purpose: 'reset_password', email: user.email, now })
  await sendEmail(await passwordResetMessage(user.email, appLink('/reset-password', { token })))
}

export async function checkResetLink(token: string, now: Date): Promise<boolean> {
  return TOKEN_PATTERN.test(token) && isResetTokenValid(token, now)
}

/** Returns the account's email on success (to sign in with), null for a used or expired link. */
export async function resetPassword(token: string, newPassword: string, now: Date): Promise<{ email: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  return redeemPasswordReset(token, await hashPassword(newPassword), now)
}
