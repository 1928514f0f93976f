// Checking an email and password: the body of the Credentials provider.
import { signInLimits } from '@/lib/auth/rate-limits'
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password'
import { hitRateLimits } from '@/lib/data/rate-limits'
import { findUserCredentials, replacePasswordHash } from '@/lib/data/users'

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number }

/**
 * Every attempt counts against the limits of signInLimits (network, account on that network,
 * account; or only the known device's own budget), whether or not the account exists. An unknown
 * email costs a full hash comparison too, so neither the answer nor its timing says which emails
 * have accounts. `knownDevice` is the verified id from the browser's known-device cookie.
 */
export async function authenticate(
  input: { email: string; password: string },
  ip: string,
  now: Date,
  knownDevice?: string,
): Promise<AuthenticateResult> {
  const limited = await hitRateLimits(signInLimits(input.email, { ip, knownDevice }), now)
  if (!limited.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: limited.retryAfterMs }

  const user = await findUserCredentials(input.email)
  if (!user?.passwordHash) {
    await verifyPassword(input.password, await dummyPasswordHash())
    return { ok: false, reason: 'invalid' }
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return { ok: false, reason: 'invalid' }
  if (needsRehash(user.passwordHash)) await replacePasswordHash(user.id, await hashPassword(input.password))
  return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } }
}
