// Emailed links die when the account's security state changes (issue 13, finding 1): the two
// account takeovers through a pending email-change link, step by step, and a reset link that
// outlived a password change.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { readLoggedEmails } from '@/lib/email/log-transport'
import { env } from '@/lib/env'
import { runNow } from './background'
import { createTestUser, createTestVendors, TEST_PASSWORD } from '@/lib/testing/accounts'
import { verifyEmailLink } from './email-verification'
import { checkResetLink, requestPasswordReset, resetPassword } from './password-reset'
import { changePassword, findPendingEmailChange, requestEmailChange } from './settings'
import { authenticate } from './sign-in'
import { registerAccount } from './sign-up'

const now = new Date('2026-05-01T10:00:00Z')
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

const mailTo = (to: string) => readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === to)

/** The token of the newest link to `pathname` mailed to `to`. */
function tokenFromMail(to: string, pathname: string): string {
  const match = mailTo(to)
    .at(-1)
    ?.text.match(new RegExp(`${env.APP_URL}${pathname}\\?token=([\\w-]+)`))
  if (!match?.[1]) throw new Error(`no ${pathname} link mailed to ${to}`)
  return match[1]
}

const emailOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).email

describe('a pending email-change link', () => {
  it('(a) a thief who once knew the password cannot take the account back after the owner changes and resets it', async () => {
    const owner = await createTestUser('owner-a@example.com')
    // The thief, signed in with the known password, asks to move the account to their address.
    expect(await requestEmailChange(owner.id, 'thief-a@example.com', TEST_PASSWORD, now)).toEqual({ ok: true })
    const stolenLink = tokenFromMail('thief-a@example.com', '/verify')

    // The owner notices, changes the password, and for good measure resets it too.
    expect(await changePassword(owner.id, TEST_PASSWORD, 'owner new password 1', later(1))).toBe('ok')
    expect(await findPendingEmailChange(owner.id, later(1))).toBeNull()
    await requestPasswordReset('owner-a@example.com', 'ip-owner', later(2), runNow)
    expect(await resetPassword(tokenFromMail('owner-a@example.com', '/reset-password'), 'owner new password 2', later(3))).toEqual({
      email: 'owner-a@example.com',
    })

    // The thief opens the old link: it is dead, the address stays the owner's.
    expect(await verifyEmailLink(stolenLink, later(4))).toEqual({ kind: 'invalid' })
    expect(await emailOf(owner.id)).toBe('owner-a@example.com')
    // So a reset through the thief's address reaches no account.
    await requestPasswordReset('thief-a@example.com', 'ip-thief', later(5), runNow)
    expect(mailTo('thief-a@example.com').filter((m) => /reset/i.test(m.subject))).toHaveLength(0)
    expect(await authenticate({ email: 'owner-a@example.com', password: 'owner new password 2' }, 'ip-owner', later(6))).toMatchObject({ ok: true })
  })

  it('dies on a password change alone, and on a reset alone', async () => {
    const changer = await createTestUser('changer-only@example.com')
    await requestEmailChange(changer.id, 'elsewhere-1@example.com', TEST_PASSWORD, now)
    const link1 = tokenFromMail('elsewhere-1@example.com', '/verify')
    await changePassword(changer.id, TEST_PASSWORD, 'a brand new password', later(1))
    expect(await verifyEmailLink(link1, later(2))).toEqual({ kind: 'invalid' })

    const resetter = await createTestUser('reset-only@example.com')
    await requestEmailChange(resetter.id, 'elsewhere-2@example.com', TEST_PASSWORD, now)
    const link2 = tokenFromMail('elsewhere-2@example.com', '/verify')
    await requestPasswordReset('reset-only@example.com', 'ip-r', later(1), runNow)
    await resetPassword(tokenFromMail('reset-only@example.com', '/reset-password'), 'a brand new password', later(2))
    expect(await verifyEmailLink(link2, later(3))).toEqual({ kind: 'invalid' })
    expect(await emailOf(resetter.id)).toBe('reset-only@example.com')
  })

  it('(b) an attacker who pre-registered the victim\'s address loses it once the victim resets the password', async () => {
    await createTestVendors('pre', 1)
    // The attacker signs up with the victim's address (they cannot verify it) and, signed in,
    // asks to move the account to their own address. They keep that link.
    await registerAccount({ email: 'victim-b@example.com', password: 'attacker password', timeZone: 'UTC' }, 'ip-attacker', now, runNow)
    const attacker = await authenticate({ email: 'victim-b@example.com', password: 'attacker password' }, 'ip-attacker', now)
    if (!attacker.ok) throw new Error('the attacker could not sign in')
    const accountId = attacker.user.id
    expect(await requestEmailChange(accountId, 'attacker-b@example.com', 'attacker password', now)).toEqual({ ok: true })
    const plantedLink = tokenFromMail('attacker-b@example.com', '/verify')

    // The victim arrives and signs up: told to check their email, where a notice says the address
    // has an account. They reset the password through their inbox and start using the account.
    expect(await registerAccount({ email: 'victim-b@example.com', password: 'victim password', timeZone: 'UTC' }, 'ip-victim', later(10), runNow)).toEqual({
      ok: true,
    })
    expect(mailTo('victim-b@example.com').at(-1)?.subject).toBe('Someone tried to sign up for Vendorwatch with your email')
    await requestPasswordReset('victim-b@example.com', 'ip-victim', later(11), runNow)
    expect(await resetPassword(tokenFromMail('victim-b@example.com', '/reset-password'), 'victim password', later(12))).toEqual({
      email: 'victim-b@example.com',
    })
    await addVendorToWatchlist(accountId, 'pre-0')

    // The attacker opens the planted link: dead. The account, its watchlist and address stay the victim's.
    expect(await verifyEmailLink(plantedLink, later(20))).toEqual({ kind: 'invalid' })
    expect(await emailOf(accountId)).toBe('victim-b@example.com')
    expect(await authenticate({ email: 'victim-b@example.com', password: 'attacker password' }, 'ip-attacker', later(21))).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(await authenticate({ email: 'attacker-b@example.com', password: 'attacker password' }, 'ip-attacker', later(21))).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(await db.watchlistEntry.count({ where: { userId: accountId } })).toBe(1)
  })

  it('dies when another email change is confirmed first', async () => {
    const u = await createTestUser('twice@example.com')
    await requestPasswordReset('twice@example.com', 'ip-t', now, runNow)
    const resetLink = tokenFromMail('twice@example.com', '/reset-password')
    await requestEmailChange(u.id, 'first@example.com', TEST_PASSWORD, now)
    const first = tokenFromMail('first@example.com', '/verify')
    expect(await verifyEmailLink(first, later(1))).toMatchObject({ kind: 'email_changed' })
    expect(await checkResetLink(resetLink, later(2))).toBe(false)
  })
})

describe('a reset link', () => {
  it('issued before a password change no longer works after it', async () => {
    await createTestUser('reset-then-change@example.com')
    const u = await db.user.findUniqueOrThrow({ where: { email: 'reset-then-change@example.com' } })
    await requestPasswordReset('reset-then-change@example.com', 'ip-c', now, runNow)
    const link = tokenFromMail('reset-then-change@example.com', '/reset-password')
    expect(await changePassword(u.id, TEST_PASSWORD, 'changed in settings', later(1))).toBe('ok')
    expect(await checkResetLink(link, later(2))).toBe(false)
    expect(await resetPassword(link, 'set by an old link', later(2))).toBeNull()
    expect(await authenticate({ email: 'reset-then-change@example.com', password: 'changed in settings' }, 'ip-c', later(3))).toMatchObject({ ok: true })
  })

  it('voids every other outstanding link when used', async () => {
    const u = await createTestUser('voider@example.com')
    await requestEmailChange(u.id, 'pending@example.com', TEST_PASSWORD, now)
    await requestPasswordReset('voider@example.com', 'ip-v', now, runNow)
    await resetPassword(tokenFromMail('voider@example.com', '/reset-password'), 'a brand new password', later(1))
    expect(await db.authToken.count({ where: { userId: u.id, usedAt: null } })).toBe(0)
    expect(await findPendingEmailChange(u.id, later(1))).toBeNull()
  })
})
