// Signing out ends that session on the server (issue 13, finding 5): a copy of the cookie taken
// before sign-out is refused after it, while the user's other sessions go on.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createTestUser, TEST_PASSWORD } from '@/lib/testing/accounts'
import { checkSession, endSession, SESSION_MAX_AGE_S, startSession } from './sessions'
import { changePassword } from './settings'

const now = new Date('2026-05-01T10:00:00Z')

async function signedIn(email: string) {
  const u = await createTestUser(email)
  return { id: u.id, email: u.email, sessionVersion: 0 }
}

describe('sessions', () => {
  it('a cookie copied before sign-out is refused after it; another session of the same user is not', async () => {
    const user = await signedIn('copied@example.com')
    const laptop = startSession(user)
    const phone = startSession(user)
    const copy = structuredClone(laptop)
    expect(await checkSession(copy)).toMatchObject({ sub: user.id, email: user.email })

    await endSession(laptop, now)

    expect(await checkSession(copy)).toBeNull()
    expect(await checkSession(laptop)).toBeNull()
    expect(await checkSession(phone)).toMatchObject({ sub: user.id })
  })

  it('a password change ends every session; a cookie without a session id is refused', async () => {
    const user = await signedIn('changed@example.com')
    const session = startSession(user)
    expect(await changePassword(user.id, TEST_PASSWORD, 'a brand new password', now)).toBe('ok')
    expect(await checkSession(session)).toBeNull()
    const { sid: _dropped, ...legacy } = startSession({ ...user, sessionVersion: 1 })
    expect(await checkSession(legacy)).toBeNull()
  })

  it('keeps a revocation for a whole session lifetime, then prunes it', async () => {
    const user = await signedIn('pruned@example.com')
    const first = startSession(user)
    await endSession(first, now)
    const row = await db.revokedSession.findUniqueOrThrow({ where: { id: first.sid } })
    expect(row.expiresAt).toEqual(new Date(now.getTime() + SESSION_MAX_AGE_S * 1000))

    // The next sign-out after that lifetime clears the old row.
    await endSession(startSession(user), new Date(row.expiresAt.getTime() + 1))
    expect(await db.revokedSession.count({ where: { id: first.sid } })).toBe(0)
    expect(await db.revokedSession.count()).toBe(1)
  })
})
