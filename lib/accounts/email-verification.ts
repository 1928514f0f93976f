// Proving an address: the link sent at sign-up (and on request), and the link that confirms a
// new address after an email change. Both land on /verify.
import { RATE_LIMITS } from '@/lib/auth/rate-limits'
import { TOKEN_PATTERN } from '@/lib/auth/tokens'
import { issueAuthToken, redeemEmailToken, type EmailTokenOutcome } from '@/lib/data/auth-tokens'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { getAccount } from '@/lib/data/users'
import { sendEmail } from '@/lib/email'
import { emailChangedNotice, verifyEmailMessage } from '@/lib/email/messages'
import { appLink } from './links'

export async function sendVerificationEmail(userId: string, email: string, now: Date): Promise<void> {
  const token = await issueAuthToken({ userId, purpose: 'verify_email', email, now })
  await sendEmail(await verifyEmailMessage(email, appLink('/verify', { token })))
}

export type ResendResult = { ok: true; email: string } | { ok: false; reason: 'already_verified' | 'rate_limited' | 'no_account' }

/** "Send the link again" from the dashboard. */
export async function resendVerificationEmail(userId: string, now: Date): Promise<ResendResult> {
  const account = await getAccount(userId)
  if (!account) return { ok: false, reason: 'no_account' }
  if (account.emailVerified) return { ok: false, reason: 'already_verified' }
  const limited = await hitRateLimits([{ limit: RATE_LIMITS.verificationMailPerUser, subject: userId }], now)
  if (!limited.allowed) return { ok: false, reason: 'rate_limited' }
  await sendVerificationEmail(userId, account.email, now)
  return { ok: true, email: account.email }
}

/** Redeems a /verify link. After an email change, the old address is told about it. */
export async function verifyEmailLink(token: string, now: Date): Promise<EmailTokenOutcome> {
  if (!TOKEN_PATTERN.test(token)) return { kind: 'invalid' }
  const outcome = await redeemEmailToken(token, now)
  if (outcome.kind === 'email_changed') {
    try {
      await sendEmail(await emailChangedNotice(outcome.previousEmail, outcome.email))
    } catch (e) {
      // The change itself succeeded; a lost courtesy notice must not turn it into an error page.
      console.error('[accounts] could not notify the previous address of an email change:', e)
    }
  }
  return outcome
}
