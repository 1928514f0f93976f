// The process's database connection as the jobs layer sees it: which kind it is (the refresh sizes
// its database concurrency by it) and how to close it (the graceful stop), without the client.
import { db, dbMode } from '@/lib/db/client'

export const databaseMode: 'postgres' | 'embedded' = dbMode

/** Closes the connection (the embedded database releases its lock). */
export function closeDatabase(): Promise<void> {
  return db.$disconnect()
}
