// The one Prisma client of the process. Only lib/data/* (and operator scripts) import it.
//   DATABASE_URL set   -> PostgreSQL through the official @prisma/adapter-pg
//   DATABASE_URL unset -> embedded PGlite in PGLITE_DIR, migrated automatically on first query
// server-only: a Client Component that reaches the database handle fails the build (packages/server-only).
import 'server-only'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { env } from '@/lib/env'
import { PrismaClient } from './generated/client'
import { pgPoolConfig } from './pg-config'
import { embeddedAdapterFactory } from './embedded.mjs'

export type Db = PrismaClient

function createClient(): PrismaClient {
  if (env.DATABASE_URL) {
    const timeouts = { connectMs: env.DATABASE_CONNECT_TIMEOUT_MS, statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS, idleMs: env.DATABASE_IDLE_TIMEOUT_MS }
    return new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(env.DATABASE_URL, timeouts)) })
  }
  const dir = env.PGLITE_DIR.startsWith('memory://') ? env.PGLITE_DIR : path.resolve(env.PGLITE_DIR)
  return new PrismaClient({
    adapter: embeddedAdapterFactory({ dir, migrationsDir: env.PRISMA_MIGRATIONS, autoMigrate: env.EMBEDDED_DB_AUTO_MIGRATE, schemaEngineWasm: env.SCHEMA_ENGINE_WASM }),
  })
}

// One client (and, in embedded mode, one PGlite instance) per process, also across Next.js
// dev-server module reloads.
const globalForDb = globalThis as unknown as { __vendorwatchDb?: PrismaClient }
export const db: PrismaClient = (globalForDb.__vendorwatchDb ??= createClient())
export const dbMode: 'postgres' | 'embedded' = env.DATABASE_URL ? 'postgres' : 'embedded'
