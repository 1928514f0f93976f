import { beforeAll, describe, expect, it } from 'vitest'
import { FREE_WATCHLIST_LIMIT } from '@/lib/plans/plans'
import { db, dbMode } from '@/lib/db/client'
import { LimitExceededError, NotFoundError } from '@/lib/errors'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { addVendorToWatchlist, listWatchedSlugs, listWatchlist, listWatchlistIncidents, removeVendorFromWatchlist } from './watchlist'

let vendors: string[]
beforeAll(async () => {
  vendors = await createTestVendors('acme', 25)
})

const slug = (i: number) => vendors[i] as string

describe('the free plan limit', () => {
  it('watches up to ten vendors and refuses the eleventh with an upgrade message', async () => {
    const user = await createTestUser('limit@example.com')
    for (let i = 0; i < FREE_WATCHLIST_LIMIT; i++) expect(await addVendorToWatchlist(user.id, slug(i))).toBe('added')
    const refused = addVendorToWatchlist(user.id, slug(10))
    await expect(refused).rejects.toBeInstanceOf(LimitExceededError)
    await expect(refused).rejects.toThrow('The Free plan watches up to 10 vendors')
    expect(await db.watchlistEntry.count({ where: { userId: user.id } })).toBe(10)

    // Unwatching frees a slot for another vendor.
    expect(await removeVendorFromWatchlist(user.id, slug(0))).toBe(true)
    expect(await addVendorToWatchlist(user.id, slug(10))).toBe('added')
    expect((await listWatchedSlugs(user.id)).sort()).toEqual([...vendors.slice(1, 11)].sort())
  })

  it('treats watching a watched vendor as done, even at the limit', async () => {
    const user = await createTestUser('again@example.com')
    for (let i = 0; i < FREE_WATCHLIST_LIMIT; i++) await addVendorToWatchlist(user.id, slug(i))
    expect(await addVendorToWatchlist(user.id, slug(3))).toBe('already_watching')
    expect(await removeVendorFromWatchlist(user.id, slug(20))).toBe(false)
  })

  it('refuses unknown vendors and users', async () => {
    const user = await createTestUser('unknown@example.com')
    await expect(addVendorToWatchlist(user.id, 'no-such-vendor')).rejects.toBeInstanceOf(NotFoundError)
    await expect(addVendorToWatchlist('no-such-user', slug(0))).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe.skipIf(dbMode !== 'postgres')('the limit under concurrency (PostgreSQL)', () => {
  it('twenty parallel adds of different vendors leave exactly ten rows', async () => {
    const user = await createTestUser('race@example.com')
    const results = await Promise.allSettled(vendors.slice(0, 20).map((s) => addVendorToWatchlist(user.id, s)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10)
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(rejected).toHaveLength(10)
    for (const reason of rejected) expect(reason).toBeInstanceOf(LimitExceededError)
    expect(await db.watchlistEntry.count({ where: { userId: user.id } })).toBe(10)
  })

  it('twenty parallel adds of the same vendor leave one row', async () => {
    const user = await createTestUser('same@example.com')
    const results = await Promise.all(Array.from({ length: 20 }, () => addVendorToWatchlist(user.id, slug(0))))
    expect(results.filter((r) => r === 'added')).toHaveLength(1)
    expect(await db.watchlistEntry.count({ where: { userId: user.id } })).toBe(1)
  })

  it('one user at the limit does not slow down or block another', async () => {
    const [a, b] = [await createTestUser('a-par@example.com'), await createTestUser('b-par@example.com')]
    await Promise.allSettled([...vendors.slice(0, 15).map((s) => addVendorToWatchlist(a.id, s)), ...vendors.slice(0, 15).map((s) => addVendorToWatchlist(b.id, s))])
    expect(await db.watchlistEntry.count({ where: { userId: a.id } })).toBe(10)
    expect(await db.watchlistEntry.count({ where: { userId: b.id } })).toBe(10)
  })
})

describe('the dashboard reads', () => {
  it('lists vendors with active incidents first, and a 30-day incident feed', async () => {
    const user = await createTestUser('dash@example.com')
    await addVendorToWatchlist(user.id, slug(21))
    await addVendorToWatchlist(user.id, slug(22))
    await addVendorToWatchlist(user.id, slug(23))
    const now = new Date('2026-06-01T12:00:00Z')
    const vendorId = async (s: string) => (await db.vendor.findUniqueOrThrow({ where: { slug: s } })).id
    const incident = (v: string, externalId: string, startedAt: string, resolvedAt: string | null) => ({
      vendorId: v,
      externalId,
      title: `Incident ${externalId}`,
      status: resolvedAt ? ('resolved' as const) : ('investigating' as const),
      impact: 'major' as const,
      startedAt: new Date(startedAt),
      resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
    })
    const [v22, v23, v24] = await Promise.all([vendorId(slug(22)), vendorId(slug(23)), vendorId(slug(24))])
    await db.incident.createMany({
      data: [
        incident(v23, 'open', '2026-05-31T10:00:00Z', null),
        incident(v22, 'recent', '2026-05-20T10:00:00Z', '2026-05-20T12:00:00Z'),
        incident(v22, 'old', '2026-04-01T10:00:00Z', '2026-04-01T12:00:00Z'),
        // A vendor the user does not watch.
        incident(v24, 'unwatched', '2026-05-31T10:00:00Z', null),
      ],
    })
    const list = await listWatchlist(user.id)
    expect(list.map((e) => e.vendor.slug)).toEqual([slug(23), slug(21), slug(22)])
    expect(list[0]?.vendor._count.incidents).toBe(1)
    const feed = await listWatchlistIncidents(user.id, now)
    expect(feed.map((i) => i.title)).toEqual(['Incident open', 'Incident recent'])
  })
})
