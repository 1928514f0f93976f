// Who reported, without knowing who: a problem report stores two keyed hashes and nothing else about
// its sender (issue 19: "the raw IP is never stored").
//
//   networkKey  HMAC-SHA256 of the client's network (IPv4 /24, IPv6 /64, lib/auth/client-ip.ts's
//               networkOf under the TRUST_PROXY rule). One subscriber holds a whole /64 and often
//               shares a /24, so a script changing address inside it stays one reporter.
//   browserKey  HMAC-SHA256 of a random browser id carried in a signed cookie (`<id>.<mac>`), so a
//               browser that reports twice in 30 minutes is counted once even across networks.
//
// Both use a key derived from AUTH_SECRET by HKDF-SHA256 with its own label (the derivation of
// lib/channels/sealed-settings.ts): without the secret, a stored hash cannot be tested against the
// 2^24 IPv4 networks, and the hashes are useless outside this installation. Changing AUTH_SECRET
// starts every reporter afresh, which only shortens one 30-minute dedupe window.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { networkOf } from '@/lib/auth/client-ip'

export const REPORTER_COOKIE = 'vw-reporter'
/** A year: the id carries nothing but "the same browser", and a long life keeps its dedupe honest. */
export const REPORTER_COOKIE_MAX_AGE_S = 365 * 24 * 3600

const INFO = 'vendorwatch problem reporters v1'
const BROWSER_ID = /^[\w-]{22}$/

/** 32 bytes derived from a secret of any length (HKDF-SHA256, fixed label). */
export function deriveReporterKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', INFO, 32))
}

function mac(key: Buffer, purpose: string, value: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}:${value}`).digest()
}

/**
 * The stored key of the network `ip` belongs to. An address we cannot read ('unknown') maps to one
 * shared key: such reporters share one network's allowance rather than each counting alone.
 */
export function networkKeyOf(key: Buffer, ip: string): string {
  return mac(key, 'network', networkOf(ip)).toString('base64url')
}

/** The stored key of a browser id (the cookie's id, never the cookie itself). */
export function browserKeyOf(key: Buffer, browserId: string): string {
  return mac(key, 'browser', browserId).toString('base64url')
}

/** A new browser id and its cookie value. */
export function issueBrowserCookie(key: Buffer, browserId = randomBytes(16).toString('base64url')): { browserId: string; value: string } {
  return { browserId, value: `${browserId}.${mac(key, 'browser-cookie', browserId).toString('base64url')}` }
}

/** The browser id when `value` is a cookie we issued; otherwise undefined (absent, forged, altered). */
export function verifyBrowserCookie(key: Buffer, value: string | undefined): string | undefined {
  const [browserId, signature, extra] = (value ?? '').split('.')
  if (extra !== undefined || !browserId || !signature || !BROWSER_ID.test(browserId)) return undefined
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(key, 'browser-cookie', browserId)
  return given.length === expected.length && timingSafeEqual(given, expected) ? browserId : undefined
}

/**
 * The browser's id from its cookie, or a new one with the cookie to set (`setCookie` null when the
 * browser's own cookie was valid).
 */
export function browserFromCookie(key: Buffer, cookieValue: string | undefined): { browserId: string; setCookie: string | null } {
  const known = verifyBrowserCookie(key, cookieValue)
  if (known) return { browserId: known, setCookie: null }
  const issued = issueBrowserCookie(key)
  return { browserId: issued.browserId, setCookie: issued.value }
}
