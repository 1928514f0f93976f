// The account flows are limited in the database, keyed so that a stranger cannot lock the owner
// out (lib/auth/rate-limits.ts), and their answers do not reveal which emails have accounts.
import { describe, expect, it } from 'vitest'
import { networkOf } from '@/lib/auth/client-ip'
import { emailSubject, RATE_LIMITS } from '@/lib/auth/rate-limits'
import { hitRateLimit } from '@/lib/data/rate-limits'
import { readLoggedEmails } from '@/lib/email/log-transport'
import { env } from '@/lib/env'
import type { RateLimit } from '@/lib/rate-limit/window'
import { runNow } from './background'
import { createTestUser, TEST_PASSWORD } from '@/lib/testing/accounts'
import { requestPasswordReset } from './password-reset'
import { authenticate } from './sign-in'
import { registerAccount } from './sign-up'

const now = new Date('2026-05-01T10:00:00Z')
const OWNER_IP = '203.0.113.5'
const OWNER_DEVICE = 'owner-laptop-device-id0'
/** A different network (/24) for each i: a stranger rotating through a botnet. */
const strangerIp = (i: number) => `198.51.${i}.7`

/** Spends a budget without the cost of `max` password hashes. */
async function exhaust(limit: RateLimit, subject: string) {
  for (let i = 0; i < limit.max; i++) await hitRateLimit(limit, subject, now)
}

describe('sign-in', () => {
  it('gives the same answer for an unknown email and a wrong password', async () => {
    await createTestUser('known@example.com')
    expect(await authenticate({ email: 'known@example.com', password: 'wrong password' }, OWNER_IP, now)).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticate({ email: 'nobody@example.com', password: 'wrong password' }, OWNER_IP, now)).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticate({ email: 'known@example.com', password: TEST_PASSWORD }, OWNER_IP, now)).toMatchObject({ ok: true })
  })

  it('a stranger rotating addresses cannot lock out the owner signing in from their own network', async () => {
    await createTestUser('target@example.com')
    for (let i = 0; i <= RATE_LIMITS.signInPerAccountNetwork.max; i++) {
      expect(await authenticate({ email: 'target@example.com', password: `guess ${i}` }, strangerIp(i), now)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await authenticate({ email: 'target@example.com', password: TEST_PASSWORD }, OWNER_IP, now)).toMatchObject({ ok: true })
  })

  it('stops guesses at one account from one network, whichever address in it they use', async () => {
    await createTestUser('guessed@example.com')
    const max = RATE_LIMITS.signInPerAccountNetwork.max
    for (let i = 0; i < max; i++) await authenticate({ email: 'guessed@example.com', password: `guess ${i}` }, `2001:db8:1:2::${i + 1}`, now)
    // Even the right password: answering it would tell the guesser it is right.
    expect(await authenticate({ email: 'guessed@example.com', password: TEST_PASSWORD }, '2001:db8:1:2:ffff::9', now)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    })
    expect(await authenticate({ email: 'guessed@example.com', password: TEST_PASSWORD }, OWNER_IP, now)).toMatchObject({ ok: true })
    // The window ends; that network may try again.
    const later = new Date(now.getTime() + RATE_LIMITS.signInPerAccountNetwork.windowMs)
    expect(await authenticate({ email: 'guessed@example.com', password: TEST_PASSWORD }, '2001:db8:1:2::1', later)).toMatchObject({ ok: true })
  })

  it('caps a botnet per account, and the owner’s known device still signs in', async () => {
    await createTestUser('botnet@example.com')
    await exhaust(RATE_LIMITS.signInPerAccount, emailSubject('botnet@example.com'))
    expect(await authenticate({ email: 'botnet@example.com', password: TEST_PASSWORD }, strangerIp(200), now)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    })
    expect(await authenticate({ email: 'botnet@example.com', password: TEST_PASSWORD }, strangerIp(201), now, OWNER_DEVICE)).toMatchObject({ ok: true })
  })

  it('gives a known device its own budget', async () => {
    await createTestUser('device@example.com')
    for (let i = 0; i < RATE_LIMITS.signInPerKnownDevice.max; i++) {
      await authenticate({ email: 'device@example.com', password: `typo ${i}` }, OWNER_IP, now, OWNER_DEVICE)
    }
    expect(await authenticate({ email: 'device@example.com', password: TEST_PASSWORD }, OWNER_IP, now, OWNER_DEVICE)).toMatchObject({ reason: 'rate_limited' })
    expect(await authenticate({ email: 'device@example.com', password: TEST_PASSWORD }, OWNER_IP, now)).toMatchObject({ ok: true })
  })

  it('limits one network spraying many emails', async () => {
    await createTestUser('sprayed@example.com')
    await exhaust(RATE_LIMITS.signInPerNetwork, networkOf('192.0.2.1'))
    expect(await authenticate({ email: 'sprayed@example.com', password: TEST_PASSWORD }, '192.0.2.200', now)).toMatchObject({ ok: false, reason: 'rate_limited' })
    expect(await authenticate({ email: 'sprayed@example.com', password: TEST_PASSWORD }, OWNER_IP, now)).toMatchObject({ ok: true })
  })
})

describe('sign-up', () => {
  it('limits sign-ups per email and per network', async () => {
    const input = (email: string) => ({ email, password: 'a fine password', timeZone: 'UTC' })
    expect(await registerAccount(input('new@example.com'), '192.0.2.10', now, runNow)).toMatchObject({ ok: true })
    for (let i = 1; i < RATE_LIMITS.signUpPerEmail.max; i++) {
      expect(await registerAccount(input('new@example.com'), strangerIp(i), now, runNow)).toEqual({ ok: true })
    }
    expect(await registerAccount(input('new@example.com'), strangerIp(99), now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })

    await exhaust(RATE_LIMITS.signUpPerNetwork, networkOf('192.0.2.1'))
    expect(await registerAccount(input('one-more@example.com'), '192.0.2.77', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})

describe('password reset requests', () => {
  const mailTo = (to: string) => readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === to)

  it('answer the same for unknown emails, and only mail existing accounts', async () => {
    await createTestUser('reset-me@example.com')
    expect(await requestPasswordReset('reset-me@example.com', OWNER_IP, now, runNow)).toEqual({ ok: true })
    expect(await requestPasswordReset('ghost@example.com', OWNER_IP, now, runNow)).toEqual({ ok: true })
    expect(mailTo('reset-me@example.com')).toHaveLength(1)
    expect(mailTo('ghost@example.com')).toHaveLength(0)
  })

  it('made by strangers elsewhere do not block the owner’s own reset', async () => {
    await createTestUser('owner@example.com')
    // Four from one other network (the fourth refused) and four from four more.
    for (let i = 0; i < 4; i++) await requestPasswordReset('owner@example.com', '198.51.100.7', now, runNow)
    expect(await requestPasswordReset('owner@example.com', '198.51.100.8', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
    for (let i = 0; i < 4; i++) expect(await requestPasswordReset('owner@example.com', strangerIp(i), now, runNow)).toEqual({ ok: true })

    expect(await requestPasswordReset('owner@example.com', OWNER_IP, now, runNow)).toEqual({ ok: true })
    expect(mailTo('owner@example.com')).toHaveLength(3 + 4 + 1)
  })

  it('cap what strangers can mail one address, except to the owner’s known device', async () => {
    await createTestUser('bombed@example.com')
    await exhaust(RATE_LIMITS.resetPerAccount, emailSubject('bombed@example.com'))
    expect(await requestPasswordReset('bombed@example.com', OWNER_IP, now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
    expect(await requestPasswordReset('bombed@example.com', OWNER_IP, now, runNow, OWNER_DEVICE)).toEqual({ ok: true })
  })

  it('are limited per account on a network (for unknown emails too) and per network', async () => {
    for (let i = 0; i < RATE_LIMITS.resetPerAccountNetwork.max; i++) await requestPasswordReset('ghost2@example.com', `192.0.2.${i + 1}`, now, runNow)
    expect(await requestPasswordReset('ghost2@example.com', '192.0.2.99', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
    for (let i = 0; i < RATE_LIMITS.resetPerNetwork.max; i++) await requestPasswordReset(`many-${i}@example.com`, '2001:db8:9::1', now, runNow)
    expect(await requestPasswordReset('another@example.com', '2001:db8:9::2', now, runNow)).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})
