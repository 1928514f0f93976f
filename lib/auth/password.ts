// Password hashing with scrypt (node:crypto, memory-hard, no native module to build).
//
// Stored format, PHC-style so parameters can change without breaking old hashes:
//   $scrypt$ln=15,r=8,p=1$<salt, base64url>$<key, base64url>
// ln is log2(N). N=2^15, r=8 costs 128*N*r = 32 MiB and ~50-100 ms per hash on one core: slow
// enough to make offline guessing expensive, fast enough for a sign-in. Hashes made with other
// parameters still verify; `needsRehash` tells the caller to upgrade them at the next sign-in.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptParams {
  ln: number
  r: number
  p: number
}

export const CURRENT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 }
const SALT_BYTES = 16
const KEY_BYTES = 32
/** Bounds on stored parameters, so a tampered hash cannot make us allocate gigabytes. */
const MAX_LN = 20
const MAX_R = 16
const MAX_P = 4

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const N = 2 ** params.ln
  // Node refuses above maxmem (default exactly 32 MiB); allow twice what the parameters need.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r * params.p + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params, KEY_BYTES)
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

interface ParsedHash {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

export function parseHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored)
  if (!match) return null
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (ln < 10 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null
  const salt = Buffer.from(match[4] ?? '', 'base64url')
  const key = Buffer.from(match[5] ?? '', 'base64url')
  if (salt.length < 8 || key.length < 16) return null
  return { params: { ln, r, p }, salt, key }
}

/** Constant-time comparison; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length)
  return timingSafeEqual(key, parsed.key)
}

export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored)
  return !parsed || parsed.params.ln !== CURRENT_PARAMS.ln || parsed.params.r !== CURRENT_PARAMS.r || parsed.params.p !== CURRENT_PARAMS.p
}

/**
 * A real hash of a random password: verifying against it when an account does not exist takes
 * as long as a real check, so response time does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}
