// Destination settings (bot tokens, webhook URLs with their embedded secrets, routing keys, signing
// secrets) are sealed with AES-256-GCM before they reach the database and opened only to send. The
// kind is the additional authenticated data, so a sealed Slack token cannot be replayed as a
// webhook's settings. The key comes from DESTINATIONS_SECRET_KEY (HKDF-SHA256), or, unset, from
// AUTH_SECRET through the same derivation with its own label: changing the secret the key comes
// from makes every saved destination unreadable (each then fails as broken and must be re-added).
import 'server-only'
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import type { ChannelKind, ChannelSettings } from './types'

const VERSION = 'v1'
const INFO = 'vendorwatch destination settings v1'

export class SealedSettingsError extends Error {
  override name = 'SealedSettingsError'
}

/** 32 bytes derived from a secret of any length (HKDF-SHA256, fixed label). */
export function deriveSettingsKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', INFO, 32))
}

let cachedKey: Buffer | null = null
function appKey(): Buffer {
  cachedKey ??= deriveSettingsKey(env.DESTINATIONS_SECRET_KEY ?? env.AUTH_SECRET)
  return cachedKey
}

/** Seals with an explicit key (tests, key rotation scripts); `sealSettings` uses the app's key. */
export function sealWithKey(key: Buffer, kind: ChannelKind, settings: unknown): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`destination:${kind}`))
  const body = Buffer.concat([cipher.update(JSON.stringify(settings), 'utf8'), cipher.final()])
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

export function openWithKey(key: Buffer, kind: ChannelKind, sealed: string): unknown {
  const [version, iv, body, tag, extra] = sealed.split('.')
  if (version !== VERSION || !iv || !body || !tag || extra !== undefined) throw new SealedSettingsError('sealed settings are not in the v1 format')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(`destination:${kind}`))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    return JSON.parse(plain) as unknown
  } catch {
    // Never the cause: it could carry key material in a stack.
    throw new SealedSettingsError('sealed settings cannot be opened (another key, another kind, or altered)')
  }
}

export function sealSettings<K extends ChannelKind>(kind: K, settings: ChannelSettings[K]): string {
  return sealWithKey(appKey(), kind, settings)
}

export function openSettings<K extends ChannelKind>(kind: K, sealed: string): ChannelSettings[K] {
  return openWithKey(appKey(), kind, sealed) as ChannelSettings[K]
}
