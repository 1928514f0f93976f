// Signed, stateless unsubscribe tokens: "this user, this vendor's alerts". They never expire (an
// unsubscribe link in a year-old email must still work), cannot be forged without AUTH_SECRET, and
// reveal nothing but two opaque ids.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { UnsubscribeScope } from '@/lib/data/unsubscribe'

export type { UnsubscribeScope } from '@/lib/data/unsubscribe'

const sign = (payload: string, secret: string) => createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url')

export function createUnsubscribeToken(scope: UnsubscribeScope, secret: string): string {
  const payload = Buffer.from(JSON.stringify([scope.userId, scope.vendorId])).toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** The scope of a genuine token, or null for anything else (tampered, truncated, garbage). */
export function readUnsubscribeToken(token: string, secret: string): UnsubscribeScope | null {
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [userId, vendorId] = value as unknown[]
    if (typeof userId !== 'string' || !(typeof vendorId === 'string' || vendorId === null)) return null
    return { userId, vendorId }
  } catch {
    return null
  }
}
