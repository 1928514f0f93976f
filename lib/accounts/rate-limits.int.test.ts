// The account flows are limited per IP and per email, in the database, and their answers do not
// reveal which emails have accounts.
import { describe, expect, it } from 'vitest'
import { RATE_LIMITS } from '@/lib/auth/rate-limits'
import { readLoggedEmails } from '@/lib/email/log-transport'
import { env } from '@/lib/env'
import { runNow } from './background'
import { createTestUser, TEST_PASSWORD } from '@/lib/testing/accounts'
import { requestPasswordReset } from './password-reset'
import { authenticate } from './sign-in'
import { registerAccount } from './sign-up'

const now = new Date('2026-05-01T10:00:00Z')

describe('sign-in', () => {
  it('gives the same answer for an unknown email and a wrong password', async () => {
    await createTestUser('known@example.com')
    expect(await authenticate({ email: 'known@example.com', password: 'wrong password' }, 'ip-a', now)).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticate({ email: 'nobody@example.com', password: 'wrong password' }, 'ip-a', now)).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticate({ email: 'known@example.com', password: TEST_PASSWORD }, 'ip-a', now)).toMatchObject({ ok: true })
  })

  it('locks an email after 10 attempts, whatever the IP, even with the right password', async () => {
    await createTestUser('target@example.com')
    const max = RATE_LIMITS.signInPerEmail.max
    for (let i = 0; i < max; i++) await authenticate({ email: 'target@example.com', password: `guess ${i}` }, `ip-${i}`, now)
    expect(await authenticate({ email: 'target@example.com', password: TEST_PASSWORD }, 'ip-fresh', now)).toMatchObject({ ok: false, reason: 'rate_limited' })
    // The window ends; the right password works again.
    expect(await authenticate({ email: 'target@example.com', password: TEST_PASSWORD }, 'ip-fresh', new Date(now.getTime() + 15 * 60_000))).toMatchObject({
      ok: true,
    })
  })

  it('limits one IP spraying many emails', async () => {
    await createTestUser('sprayed@example.com')
    const max = RATE_LIMITS.signInPerIp.max
    for (let i = 0; i < max; i++) await authenticate({ email: `spray-${i}@example.com`, password: 'password1' }, 'ip-spray', now)
    expect(await authenticate({ email: 'sprayed@example.com', password: TEST_PASSWORD }, 'ip-spray', now)).toMatchObject({ ok: false, reason: 'rate_limited' })
    expect(await authenticate({ email: 'sprayed@example.com', password: TEST_PASSWORD }, 'ip-other', now)).toMatchObject({ ok: true })
  })
})

describe('sign-up', () => {
  it('limits sign-ups per email and per IP', async () => {
    const input = (email: string) => ({ email, password: 'a fine password', timeZone: 'UTC' })
    expect(await registerAccount(input('new@example.com'), 'ip-s1', now, runNow)).toMatchObject({ ok: true })
    for (let i = 1; i < RATE_LIMITS.signUpPerEmail.max; i++) {
      expect(await registerAccount(input('new@example.com'), `ip-s1-${i}`, now, runNow)).toEqual({ ok: true })
    }
    expect(await registerAccount(input('new@example.com'), 'ip-s2', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })

    for (let i = 0; i < RATE_LIMITS.signUpPerIp.max; i++) await registerAccount(input(`bulk-${i}@example.com`), 'ip-bulk', now, runNow)
    expect(await registerAccount(input('one-more@example.com'), 'ip-bulk', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})

describe('password reset requests', () => {
  const mailTo = (to: string) => readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === to)

  it('answer the same for unknown emails, and only mail existing accounts', async () => {
    await createTestUser('reset-me@example.com')
    expect(await requestPasswordReset('reset-me@example.com', 'ip-r1', now, runNow)).toEqual({ ok: true })
    expect(await requestPasswordReset('ghost@example.com', 'ip-r1', now, runNow)).toEqual({ ok: true })
    expect(mailTo('reset-me@example.com')).toHaveLength(1)
    expect(mailTo('ghost@example.com')).toHaveLength(0)
  })

  it('are limited per email (for unknown emails too) and per IP', async () => {
    for (let i = 0; i < RATE_LIMITS.resetPerEmail.max; i++) await requestPasswordReset('ghost2@example.com', `ip-r2-${i}`, now, runNow)
    expect(await requestPasswordReset('ghost2@example.com', 'ip-r2-x', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
    for (let i = 0; i < RATE_LIMITS.resetPerIp.max; i++) await requestPasswordReset(`many-${i}@example.com`, 'ip-r3', now, runNow)
    expect(await requestPasswordReset('another@example.com', 'ip-r3', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})
