// Secrets we put in links (email verification, password reset, email change). The link carries
// the token; the database keeps only its sha256, so a leaked table cannot be replayed as links.
import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes (256 bits), URL-safe: guessing one is hopeless, so no rate limit is needed. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A token as it appears in a link: anything else is rejected before touching the database. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** How long each kind of link works. */
export const TOKEN_TTL_MS = {
  verify_email: 48 * 3600_000,
  change_email: 24 * 3600_000,
  reset_password: 3600_000,
} as const
