// Users and vendors for integration tests, created through the same data functions the app uses.
import { hashPassword } from '@/lib/auth/password'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { createUser } from '@/lib/data/users'

export const TEST_PASSWORD = 'correct horse battery staple'
let cachedHash: Promise<string> | undefined

export async function createTestUser(email: string): Promise<{ id: string; email: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  return createUser({ email, passwordHash: await cachedHash, timeZone: 'UTC' })
}

/** `count` vendors named "<prefix> 0".."<prefix> n-1" with slugs "<prefix>-0".. */
export async function createTestVendors(prefix: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `${prefix} ${i}`,
    slug: `${prefix}-${i}`,
    statusPageUrl: `https://status.${prefix}-${i}.example`,
    platform: 'statuspage' as const,
  }))
  await upsertCatalogRows(rows)
  return rows.map((r) => r.slug)
}
