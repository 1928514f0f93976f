// What a session cookie (an encrypted JWT) carries and when it is still good. lib/auth/config.ts
// calls these from Auth.js's callbacks; they are here so they can be tested without a request.
//
// A JWT cannot be taken back once issued, so three checks run on every session read:
//   - the user still exists (a deleted account's cookies die);
//   - `sv` equals the user's sessionVersion (a password change or reset signs everyone out);
//   - `sid`, this session's own random id, is not in RevokedSession (signing out ends this one
//     session on the server too, so a copy of the cookie stops working).
import { createToken } from '@/lib/auth/tokens'
import { isSessionRevoked, revokeSession } from '@/lib/data/sessions'
import { getSessionState } from '@/lib/data/users'

/** How long a session lasts without use; Auth.js extends the cookie as it is used. */
export const SESSION_MAX_AGE_S = 30 * 24 * 3600

export interface SessionClaims {
  sub?: string
  email?: string | null
  /** The user's sessionVersion when the session began. */
  sv?: number
  /** This session's id: the same in every refreshed copy of its cookie, new at each sign-in. */
  sid?: string
}

export function startSession(user: { id: string; email: string; sessionVersion: number }): Required<Pick<SessionClaims, 'sub' | 'email' | 'sv' | 'sid'>> {
  return { sub: user.id, email: user.email, sv: user.sessionVersion, sid: createToken() }
}

/**
 * The claims to keep (with the email as the database has it now), or null to end the session.
 * Cookies issued before sessions had ids have no `sid` and cannot be revoked: they are refused,
 * which signs everyone out once when this ships.
 */
export async function checkSession<T extends SessionClaims>(token: T): Promise<T | null> {
  if (!token.sub || !token.sid) return null
  const [state, revoked] = await Promise.all([getSessionState(token.sub), isSessionRevoked(token.sid)])
  if (!state || revoked || state.sessionVersion !== token.sv) return null
  return { ...token, email: state.email }
}

/**
 * Sign-out: the id stays revoked for a full session lifetime from now, because a copy of the
 * cookie could have been refreshed (and its expiry pushed back) up to this moment, never after.
 */
export async function endSession(token: SessionClaims, now: Date): Promise<void> {
  if (!token.sid) return
  await revokeSession(token.sid, new Date(now.getTime() + SESSION_MAX_AGE_S * 1000), now)
}
