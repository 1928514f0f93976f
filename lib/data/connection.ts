// The process's database connection as the jobs layer sees it: which kind it is (the refresh sizes
// its database concurrency by it) and how to close it (the graceful stop), without the client.
import { db, dbMode } from '@/lib/db/client'
import { POOL_MAX } from '@/lib/db/pg-config'

export const databaseMode: 'postgres' | 'embedded' = dbMode

/**
 * How many vendors of a refresh cycle may use the database at once. Embedded: one (its queries
 * run on the event loop; see lib/ingest/db-gate.ts). PostgreSQL: the pool less one connection for
 * the cycle's claim statements and two for requests. More would not run sooner (the pool has no more connections), it would wait
 * in the pool's queue, where a wait past DATABASE_CONNECT_TIMEOUT_MS fails the vendor ("timeout
 * exceeded when trying to connect": seen with two instances on a busy 2-core host).
 */
export const refreshDatabaseSlots = dbMode === 'embedded' ? 1 : POOL_MAX - 3

/** Closes the connection (the embedded database releases its lock). */
export function closeDatabase(): Promise<void> {
  return db.$disconnect()
}
