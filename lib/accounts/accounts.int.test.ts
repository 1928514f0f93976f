// Account lifecycle through the flows the pages call: verification, reset, email change,
// password change and deletion, with the emails they send.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { readLoggedEmails } from '@/lib/email/log-transport'
import { env } from '@/lib/env'
import { runNow } from './background'
import { createTestUser, createTestVendors, TEST_PASSWORD } from '@/lib/testing/accounts'
import { verifyEmailLink } from './email-verification'
import { checkResetLink, requestPasswordReset, resetPassword } from './password-reset'
import { changePassword, deleteAccount, findPendingEmailChange, requestEmailChange } from './settings'
import { authenticate } from './sign-in'
import { registerAccount } from './sign-up'

const now = new Date('2026-05-01T10:00:00Z')
const later = (hours: number) => new Date(now.getTime() + hours * 3600_000)

/** The token of the newest link to `pathname` mailed to `to`. */
function tokenFromMail(to: string, pathname: string): string {
  const mail = readLoggedEmails(env.EMAIL_LOG_DIR)
    .filter((m) => m.to === to)
    .at(-1)
  const match = mail?.text.match(new RegExp(`${env.APP_URL}${pathname}\\?token=([\\w-]+)`))
  if (!match?.[1]) throw new Error(`no ${pathname} link mailed to ${to}`)
  return match[1]
}

const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } })

describe('email verification', () => {
  it('sign-up mails an absolute link that verifies the address exactly once', async () => {
    const result = await registerAccount({ email: 'verify@example.com', password: 'a fine password', timeZone: 'Europe/Berlin' }, 'ip', now, runNow)
    expect(result).toMatchObject({ ok: true })
    expect(await user('verify@example.com')).toMatchObject({ emailVerified: null, timeZone: 'Europe/Berlin' })
    const token = tokenFromMail('verify@example.com', '/verify')
    expect(await verifyEmailLink(token, later(1))).toEqual({ kind: 'verified', email: 'verify@example.com' })
    expect((await user('verify@example.com')).emailVerified).toEqual(later(1))
    expect(await verifyEmailLink(token, later(1))).toEqual({ kind: 'invalid' })
  })

  it('signing up with an address that has an account answers as for a new one, and tells the owner instead', async () => {
    const owner = await createTestUser('owned@example.com')
    const fresh = await registerAccount({ email: 'fresh@example.com', password: 'a fine password', timeZone: 'UTC' }, 'ip', now, runNow)
    const taken = await registerAccount({ email: 'owned@example.com', password: 'a guessed password', timeZone: 'UTC' }, 'ip', now, runNow)
    expect(taken).toEqual(fresh)
    const mail = readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === 'owned@example.com')
    expect(mail.map((m) => m.subject)).toEqual(['Someone tried to sign up for Vendorwatch with your email'])
    expect(mail[0]?.text).toContain(`${env.APP_URL}/forgot-password`)
    // Nothing about the account changed: the owner's password still works, the guess does not.
    expect(await authenticate({ email: owner.email, password: TEST_PASSWORD }, 'ip', now)).toMatchObject({ ok: true })
    expect(await authenticate({ email: owner.email, password: 'a guessed password' }, 'ip', now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses expired and made-up links', async () => {
    await registerAccount({ email: 'late@example.com', password: 'a fine password', timeZone: 'UTC' }, 'ip', now, runNow)
    expect(await verifyEmailLink(tokenFromMail('late@example.com', '/verify'), later(49))).toEqual({ kind: 'invalid' })
    expect(await verifyEmailLink('x'.repeat(43), now)).toEqual({ kind: 'invalid' })
    expect(await verifyEmailLink('not a token', now)).toEqual({ kind: 'invalid' })
  })
})

describe('password reset', () => {
  it('sets a new password through a single-use link and signs out every session', async () => {
    const before = await createTestUser('forgot@example.com')
    await requestPasswordReset('forgot@example.com', 'ip', now, runNow)
    const token = tokenFromMail('forgot@example.com', '/reset-password')
    expect(await checkResetLink(token, now)).toBe(true)
    expect(await resetPassword(token, 'a brand new password', now)).toEqual({ email: 'forgot@example.com' })
    const after = await user('forgot@example.com')
    expect(after.sessionVersion).toBe(1)
    expect(after.emailVerified).toEqual(now)
    expect(await authenticate({ email: before.email, password: TEST_PASSWORD }, 'ip', now)).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticate({ email: before.email, password: 'a brand new password' }, 'ip', now)).toMatchObject({ ok: true })
    expect(await checkResetLink(token, now)).toBe(false)
    expect(await resetPassword(token, 'yet another password', now)).toBeNull()
  })

  it('expires links after an hour, and a newer link replaces an older one', async () => {
    await createTestUser('slow@example.com')
    await requestPasswordReset('slow@example.com', 'ip', now, runNow)
    const first = tokenFromMail('slow@example.com', '/reset-password')
    expect(await resetPassword(first, 'a brand new password', later(1.1))).toBeNull()
    await requestPasswordReset('slow@example.com', 'ip', now, runNow)
    const second = tokenFromMail('slow@example.com', '/reset-password')
    expect(second).not.toBe(first)
    expect(await checkResetLink(first, now)).toBe(false)
    expect(await checkResetLink(second, now)).toBe(true)
  })
})

describe('email change', () => {
  it('keeps the old address until the link sent to the new one is opened, then tells the old one', async () => {
    const u = await createTestUser('old@example.com')
    expect(await requestEmailChange(u.id, 'new@example.com', 'wrong password', now)).toEqual({ ok: false, reason: 'wrong_password' })
    expect(await requestEmailChange(u.id, 'new@example.com', TEST_PASSWORD, now)).toEqual({ ok: true })
    expect(await findPendingEmailChange(u.id, now)).toMatchObject({ email: 'new@example.com' })
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).email).toBe('old@example.com')

    const token = tokenFromMail('new@example.com', '/verify')
    expect(await verifyEmailLink(token, now)).toEqual({ kind: 'email_changed', email: 'new@example.com', previousEmail: 'old@example.com' })
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ email: 'new@example.com', emailVerified: now })
    expect(readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === 'old@example.com').at(-1)?.subject).toBe('Your Vendorwatch email was changed')
  })

  it('sends nothing for an address that has an account, but answers the same', async () => {
    const u = await createTestUser('mover@example.com')
    await createTestUser('taken@example.com')
    expect(await requestEmailChange(u.id, 'taken@example.com', TEST_PASSWORD, now)).toEqual({ ok: true })
    expect(readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === 'taken@example.com')).toHaveLength(0)
  })
})

describe('password change and deletion', () => {
  it('a password change needs the current password and bumps the session version', async () => {
    const u = await createTestUser('changer@example.com')
    expect(await changePassword(u.id, 'wrong password', 'a brand new password', now)).toBe('wrong_password')
    expect(await changePassword(u.id, TEST_PASSWORD, 'a brand new password', now)).toBe('ok')
    expect((await user('changer@example.com')).sessionVersion).toBe(1)
  })

  it('deleting an account removes everything of it', async () => {
    await createTestVendors('del', 1)
    const u = await createTestUser('leaver@example.com')
    await addVendorToWatchlist(u.id, 'del-0')
    await requestPasswordReset('leaver@example.com', 'ip-del', now, runNow)
    expect(await deleteAccount(u.id, 'wrong password', now, { defer: runNow })).toBe('wrong_password')
    expect(await db.watchlistEntry.count({ where: { userId: u.id } })).toBe(1)
    expect(await deleteAccount(u.id, TEST_PASSWORD, now, { defer: runNow })).toBe('ok')
    expect(await db.user.count({ where: { id: u.id } })).toBe(0)
    expect(await db.watchlistEntry.count({ where: { userId: u.id } })).toBe(0)
    expect(await db.authToken.count({ where: { userId: u.id } })).toBe(0)
  })
})
