// Account settings that need more than one write: anything guarded by the current password.
import { RATE_LIMITS } from '@/lib/auth/rate-limits'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { cancelSubscriptionOfDeletedAccount } from '@/lib/billing/cancel'
import { revokeUnusedSlackTokens, slackTokensOfUser } from '@/lib/channels/manage'
import { findPendingEmailChange, issueAuthToken } from '@/lib/data/auth-tokens'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { deleteUser, findUserIdByEmail, getAccount, getPasswordHash, setPassword } from '@/lib/data/users'
import { sendEmail } from '@/lib/email'
import { emailChangeMessage } from '@/lib/email/messages'
import type { Defer } from './background'
import { appLink } from './links'

export type PasswordCheck = 'ok' | 'wrong_password' | 'rate_limited'

/** Settings changes re-check the password; limited per user so a stolen session cannot guess it. */
export async function checkCurrentPassword(userId: string, password: string, now: Date): Promise<PasswordCheck> {
  const limited = await hitRateLimits([{ limit: RATE_LIMITS.passwordCheckPerUser, subject: userId }], now)
  if (!limited.allowed) return 'rate_limited'
  const hash = await getPasswordHash(userId)
  return hash && (await verifyPassword(password, hash)) ? 'ok' : 'wrong_password'
}

export type EmailChangeResult = { ok: true } | { ok: false; reason: Exclude<PasswordCheck, 'ok'> | 'same_email' }

/**
 * Sends a confirmation link to the new address; the account keeps its current address until the
 * link is opened. If the new address already has an account we send nothing but answer the same,
 * so settings cannot be used to discover other people's accounts.
 */
export async function requestEmailChange(userId: string, newEmail: string, currentPassword: string, now: Date): Promise<EmailChangeResult> {
  const account = await getAccount(userId)
  if (!account) return { ok: false, reason: 'wrong_password' }
  if (account.email === newEmail) return { ok: false, reason: 'same_email' }
  const check = await checkCurrentPassword(userId, currentPassword, now)
  if (check !== 'ok') return { ok: false, reason: check }
  const limited = await hitRateLimits([{ limit: RATE_LIMITS.emailChangePerUser, subject: userId }], now)
  if (!limited.allowed) return { ok: false, reason: 'rate_limited' }
  if (await findUserIdByEmail(newEmail)) return { ok: true }
  const token = await issueAuthToken({ userId, purpose: 'change_email', email: newEmail, now })
  await sendEmail(await emailChangeMessage(newEmail, appLink('/verify', { token })))
  return { ok: true }
}

export { findPendingEmailChange }

/** Sets a new password and bumps the session version: every other session is signed out. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, now: Date): Promise<PasswordCheck> {
  const check = await checkCurrentPassword(userId, currentPassword, now)
  if (check !== 'ok') return check
  await setPassword(userId, await hashPassword(newPassword))
  return 'ok'
}

/**
 * Deletes the account and everything of it (watchlist, preferences, tokens, destinations,
 * deliveries). Its Slack destinations' bot tokens are read first and revoked with Slack
 * (auth.revoke) after the delete, through `defer` (after the answer, in the app), as deleting one
 * destination does: a slow or failing Slack never holds up or undoes the deletion (a failed revoke
 * is logged), and a token another account's destination still holds is kept.
 */
export async function deleteAccount(
  userId: string,
  currentPassword: string,
  now: Date,
  deps: { defer: Defer; revoke?: (token: string) => Promise<boolean> },
): Promise<PasswordCheck> {
  const check = await checkCurrentPassword(userId, currentPassword, now)
  if (check !== 'ok') return check
  await cancelSubscriptionOfDeletedAccount(userId)
  const slackTokens = await slackTokensOfUser(userId)
  await deleteUser(userId)
  if (slackTokens.length) await deps.defer(() => revokeUnusedSlackTokens(slackTokens, deps.revoke))
  return 'ok'
}
