// The downgrade rule has two copies: the dashboard's pausedWatchIds (TypeScript) and the notifier's
// slot ranking (SQL, lib/data/watch-slots.ts). They must agree on every watch, including ties in
// age and ids that sort differently under a locale collation than byte by byte.
import { beforeAll, describe, expect, it } from 'vitest'
import { watchSlotSql } from '@/lib/data/watch-slots'
import { db } from '@/lib/db/client'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { pausedWatchIds } from './paused'

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))

// Same-minute pairs whose ids order differently by bytes ('B' < 'a' < 'b') than by a locale's rules.
const WATCHES = [
  { id: 'watch-b', createdAt: at(0) },
  { id: 'watch-B', createdAt: at(0) },
  { id: 'watch-a', createdAt: at(0) },
  { id: 'Watch-z', createdAt: at(5) },
  { id: 'watch_z', createdAt: at(5) },
  { id: 'watch-0', createdAt: at(1) },
  { id: 'watch-9', createdAt: at(9) },
]

let userId: string

beforeAll(async () => {
  const user = await createTestUser('slots@example.com')
  userId = user.id
  const slugs = await createTestVendors('slots', WATCHES.length)
  const vendors = await db.vendor.findMany({ where: { slug: { in: slugs } }, select: { id: true }, orderBy: { slug: 'asc' } })
  await db.watchlistEntry.createMany({ data: WATCHES.map((w, i) => ({ ...w, userId, vendorId: vendors[i]?.id ?? '' })) })
})

async function pausedBySql(limit: number): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (SELECT w.id, ${watchSlotSql('w')} AS slot FROM "WatchlistEntry" w WHERE w."userId" = ${userId}) ranked
     WHERE slot > ${limit}::int`
  return new Set(rows.map((r) => r.id))
}

describe('the downgrade rule', () => {
  it('pauses the same watches in SQL as in TypeScript, for every limit', async () => {
    for (let limit = 0; limit <= WATCHES.length; limit++) {
      expect(await pausedBySql(limit), `limit ${limit}`).toEqual(pausedWatchIds(WATCHES, limit))
    }
  })

  it('keeps the oldest watches, ties broken by id byte by byte', async () => {
    // A locale collation would keep watch-a and watch-b; bytes put 'B' first.
    expect(await pausedBySql(2)).toEqual(new Set(['watch-b', 'watch-0', 'Watch-z', 'watch_z', 'watch-9']))
  })

  it('accepts only a plain alias, as it is written into the SQL', () => {
    expect(() => watchSlotSql('w; DROP TABLE x')).toThrow('not a plain SQL alias')
  })
})
