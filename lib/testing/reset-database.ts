// Empties every table of the test file's own database (the migration history stays), so each
// integration test can start from nothing and build the state it needs. Its `it` then runs alone
// (`vitest -t`) or in any order, instead of only after the tests that happened to come before it.
import { db } from '@/lib/db/client'

export async function resetDatabase(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`
  if (tables.length === 0) return
  // Names come from the catalog above, not from input; quoted because Prisma's are mixed case.
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`)
}
