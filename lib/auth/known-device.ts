// "Known device": a signed cookie a browser gets when it signs in to an account with the right
// password. It proves that this browser has signed in to that account before, so its sign-in and
// reset attempts get their own budget instead of sharing the account's, which a stranger can use up
// (see lib/auth/rate-limits.ts). It grants nothing else: no session, no skipped password.
//
// Value: `<device id>.<HMAC(AUTH_SECRET, account, device id)>`. The account is the email's hash,
// so the cookie is checked before any database read (no timing difference between accounts that
// exist and those that do not), and it stops counting when the email changes. One account per
// browser: signing in to another one replaces it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { emailSubject } from './rate-limits'

export const KNOWN_DEVICE_COOKIE = 'vw-device'
export const KNOWN_DEVICE_MAX_AGE_S = 180 * 24 * 3600
const DEVICE_ID = /^[\w-]{22}$/

function mac(email: string, deviceId: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`known-device:v1:${emailSubject(email)}:${deviceId}`).digest()
}

/** A cookie value for `email`; keeps `deviceId` when the browser already has one. */
export function issueKnownDevice(email: string, secret: string, deviceId = randomBytes(16).toString('base64url')): string {
  return `${deviceId}.${mac(email, deviceId, secret).toString('base64url')}`
}

/** The device id when `value` was issued by us for this email; otherwise undefined. */
export function verifyKnownDevice(value: string | undefined, email: string, secret: string): string | undefined {
  const [deviceId, signature, extra] = (value ?? '').split('.')
  if (extra !== undefined || !deviceId || !signature || !DEVICE_ID.test(deviceId)) return undefined
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(email, deviceId, secret)
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : undefined
}

/** One cookie's value from a Cookie request header. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
