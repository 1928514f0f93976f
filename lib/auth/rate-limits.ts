// Every rate limit on the account flows, in one table (README "Security" explains it).
//
// Two goals pull apart: an attacker must not get many guesses at a password or send many emails,
// and an attacker must not be able to lock the owner out by spending the owner's budget. So
// attempts are keyed on what a stranger cannot share with the owner:
//   - the network (IPv4 /24, IPv6 /64; see networkOf): one place cannot spray many accounts, and
//     changing address within one's own network changes nothing;
//   - the account on that network: a stranger elsewhere cannot spend the owner's network budget;
//   - the account as a whole, generous: caps what a botnet of many networks gets in total;
//   - a known device (lib/auth/known-device.ts): a browser that signed in to this account before
//     counts only against its own budget, so the owner's usual browser works whatever strangers do.
// Emails are keyed by hash, whether or not an account exists. Windows are fixed; see
// lib/rate-limit/window.ts.
import { createHash } from 'node:crypto'
import type { RateLimit } from '@/lib/rate-limit/window'
import { networkOf } from './client-ip'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const RATE_LIMITS = {
  /** `max` is the default of SIGN_UP_LIMIT_PER_NETWORK, which lib/accounts/sign-up.ts applies. */
  signUpPerNetwork: { name: 'sign-up:net', max: 20, windowMs: HOUR },
  signUpPerEmail: { name: 'sign-up:email', max: 5, windowMs: HOUR },
  signInPerNetwork: { name: 'sign-in:net', max: 100, windowMs: 15 * MINUTE },
  signInPerAccountNetwork: { name: 'sign-in:email-net', max: 10, windowMs: 15 * MINUTE },
  signInPerAccount: { name: 'sign-in:email', max: 100, windowMs: HOUR },
  signInPerKnownDevice: { name: 'sign-in:device', max: 10, windowMs: 15 * MINUTE },
  resetPerNetwork: { name: 'reset:net', max: 10, windowMs: HOUR },
  resetPerAccountNetwork: { name: 'reset:email-net', max: 3, windowMs: HOUR },
  /** The most reset emails one address gets from strangers in an hour (mail bombing). */
  resetPerAccount: { name: 'reset:email', max: 10, windowMs: HOUR },
  resetPerKnownDevice: { name: 'reset:device', max: 3, windowMs: HOUR },
  /** Resending the verification link, changing email: each sends mail to an address we do not trust yet. */
  verificationMailPerUser: { name: 'verify-mail:user', max: 5, windowMs: HOUR },
  emailChangePerUser: { name: 'email-change:user', max: 5, windowMs: HOUR },
  /** Checks of the current password from settings (a stolen session should not be able to guess it). */
  passwordCheckPerUser: { name: 'password-check:user', max: 10, windowMs: HOUR },
} as const satisfies Record<string, RateLimit>

export type RateLimitHit = { limit: RateLimit; subject: string }

/** Where an attempt comes from: the client IP, and the known-device id when the browser has one for this email. */
export interface AttemptOrigin {
  ip: string
  knownDevice?: string
}

/** The limits one sign-in attempt counts against. */
export function signInLimits(email: string, origin: AttemptOrigin): RateLimitHit[] {
  return ownerSafeLimits(email, origin, {
    knownDevice: RATE_LIMITS.signInPerKnownDevice,
    network: RATE_LIMITS.signInPerNetwork,
    accountNetwork: RATE_LIMITS.signInPerAccountNetwork,
    account: RATE_LIMITS.signInPerAccount,
  })
}

/** The limits one password-reset request counts against. */
export function resetRequestLimits(email: string, origin: AttemptOrigin): RateLimitHit[] {
  return ownerSafeLimits(email, origin, {
    knownDevice: RATE_LIMITS.resetPerKnownDevice,
    network: RATE_LIMITS.resetPerNetwork,
    accountNetwork: RATE_LIMITS.resetPerAccountNetwork,
    account: RATE_LIMITS.resetPerAccount,
  })
}

/**
 * One keying for every flow a stranger could use to lock an owner out: the owner's known device
 * has its own budget; anyone else counts per network, per account on that network, and per account.
 */
function ownerSafeLimits(
  email: string,
  origin: AttemptOrigin,
  limits: { knownDevice: RateLimit; network: RateLimit; accountNetwork: RateLimit; account: RateLimit },
): RateLimitHit[] {
  const account = emailSubject(email)
  if (origin.knownDevice) return [{ limit: limits.knownDevice, subject: `${account}:${origin.knownDevice}` }]
  const network = networkOf(origin.ip)
  return [
    { limit: limits.network, subject: network },
    { limit: limits.accountNetwork, subject: `${account}:${network}` },
    { limit: limits.account, subject: account },
  ]
}

/** Emails are keyed by hash: the bucket table should not become a list of addresses. */
export function emailSubject(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)
}
