// Auth.js's Prisma adapter over our one client. With Credentials and JWT sessions Auth.js stores
// nothing itself today; the adapter (Account, Session, VerificationToken tables) is wired so
// that email magic links or OAuth providers can be added without touching the database layer.
import { PrismaAdapter } from '@auth/prisma-adapter'
import type { Adapter } from 'next-auth/adapters'
import { db } from '@/lib/db/client'

type AdapterClient = Parameters<typeof PrismaAdapter>[0]

export function createAuthAdapter(): Adapter {
  // The adapter is typed against the default `@prisma/client` output; ours is generated into
  // lib/db/generated with the same models and delegates.
  return PrismaAdapter(db as unknown as AdapterClient)
}
