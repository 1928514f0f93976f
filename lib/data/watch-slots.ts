// Which watches keep alerting after a downgrade, in SQL. Nothing is deleted: a user's watches take
// the plan's slots oldest first (ties by id, compared byte by byte), the first N alert and the
// rest pause. The notifier's fan-out query ranks watches with this; the dashboard marks paused
// watches with the TypeScript twin, lib/billing/paused.ts. lib/billing/paused.int.test.ts runs
// this expression on the real database and checks that both give the same paused set.
import { Prisma } from '@/lib/db/generated/client'

const SQL_ALIAS = /^[a-z_][a-z0-9_]*$/

/**
 * A watch's 1-based slot among its user's watches, for a query over `"WatchlistEntry" <alias>`:
 * the watch alerts when its slot is at most the plan's watchlist limit.
 */
export function watchSlotSql(alias: string): Prisma.Sql {
  if (!SQL_ALIAS.test(alias)) throw new Error(`watchSlotSql: not a plain SQL alias: ${alias}`)
  // COLLATE "C": byte order, as JavaScript's `<` compares the (ASCII) ids, whatever the database's locale.
  return Prisma.raw(`row_number() OVER (PARTITION BY ${alias}."userId" ORDER BY ${alias}."createdAt", ${alias}.id COLLATE "C")`)
}
