import { beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '@/lib/auth/tokens'
import { db } from '@/lib/db/client'
import { ConflictError } from '@/lib/errors'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { loadStackPage, type StackVendorReader } from '@/lib/pages/stack-page'
import { stackCalendar } from '@/lib/feeds/stack-feeds'
import { clearStackSlug, findStackOwnerBySlug, findStackOwnerByToken, findStackVendors, getStackPageSettings, issueStackToken, revokeStackToken, setStackSlug, type StackVendorContent } from './stack-pages'
import { addVendorToWatchlist, removeVendorFromWatchlist } from './watchlist'

const now = new Date('2026-12-07T09:00:00Z')
const MINUTE = 60_000
let slugs: string[]
beforeAll(async () => {
  slugs = await createTestVendors('stackco', 3)
})

describe('private links', () => {
  it('stores only the hash, and a replaced or revoked token stops working at once', async () => {
    const user = await createTestUser('stack-token@example.com')
    const first = await issueStackToken(user.id)
    const row = await db.stackPage.findUnique({ where: { userId: user.id } })
    expect(row?.tokenHash).toBe(hashToken(first))
    expect(JSON.stringify(row)).not.toContain(first)
    expect(await findStackOwnerByToken(first)).toBe(user.id)

    const second = await issueStackToken(user.id)
    expect(second).not.toBe(first)
    expect(await findStackOwnerByToken(first)).toBeNull()
    expect(await findStackOwnerByToken(second)).toBe(user.id)

    await revokeStackToken(user.id)
    expect(await findStackOwnerByToken(second)).toBeNull()
    expect(await getStackPageSettings(user.id)).toEqual({ privateLink: false, slug: null })
    expect(await findStackOwnerByToken('not a token \u0000')).toBeNull()
  })
})

describe('public names', () => {
  it('are unique across users, can be changed and taken down', async () => {
    const alice = await createTestUser('stack-alice@example.com')
    const bob = await createTestUser('stack-bob@example.com')
    await setStackSlug(alice.id, 'alice-platform')
    await expect(setStackSlug(bob.id, 'alice-platform')).rejects.toBeInstanceOf(ConflictError)
    expect(await findStackOwnerBySlug('alice-platform')).toBe(alice.id)
    await setStackSlug(alice.id, 'alice-infra')
    expect(await findStackOwnerBySlug('alice-platform')).toBeNull()
    await setStackSlug(bob.id, 'alice-platform')
    expect(await findStackOwnerBySlug('alice-platform')).toBe(bob.id)
    await clearStackSlug(alice.id)
    expect(await findStackOwnerBySlug('alice-infra')).toBeNull()
  })
})

describe('the stack page', () => {
  it("shows only the owner's vendors, and the calendar only the components each watch follows", async () => {
    const owner = await createTestUser('stack-owner@example.com')
    const other = await createTestUser('stack-other@example.com')
    await addVendorToWatchlist(owner.id, slugs[0] as string)
    await addVendorToWatchlist(owner.id, slugs[1] as string)
    await addVendorToWatchlist(other.id, slugs[2] as string)

    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: slugs[0] as string }, select: { id: true } })
    const [api, web] = await Promise.all(
      ['api', 'web'].map((name) => db.component.create({ data: { vendorId: vendor.id, externalId: name, name, status: 'operational', statusChangedAt: now } })),
    )
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000)
    const make = (externalId: string, componentId: string | null, start: Date, status: 'scheduled' | 'completed' = 'scheduled') =>
      db.maintenance.create({
        data: { vendorId: vendor.id, externalId, title: externalId, status, scheduledFor: start, scheduledUntil: at(30), ...(componentId ? { components: { create: { componentId } } } : {}) },
      })
    await make('api-window', api?.id ?? '', at(2))
    await make('web-window', web?.id ?? '', at(3))
    await make('everything-window', null, at(4))
    await make('finished-window', null, at(-5), 'completed')
    await db.maintenance.create({ data: { vendorId: vendor.id, externalId: 'leftover-window', title: 'leftover-window', status: 'scheduled', scheduledFor: at(-48) } })
    const entry = await db.watchlistEntry.findFirstOrThrow({ where: { userId: owner.id, vendorId: vendor.id } })
    await db.watchlistEntry.update({ where: { id: entry.id }, data: { allComponents: false, components: { create: { componentId: api?.id ?? '' } } } })

    const token = await issueStackToken(owner.id)
    const model = await loadStackPage({ kind: 'token', token }, now, MINUTE)
    expect(model?.vendors.map((v) => v.slug).sort()).toEqual([slugs[0], slugs[1]].sort())
    const ics = stackCalendar(model!, 'https://vw.example', now)
    expect(ics).toContain('SUMMARY:stackco 0: api-window')
    expect(ics).toContain('SUMMARY:stackco 0: everything-window')
    expect(ics).not.toContain('web-window')
    expect(ics).not.toContain('finished-window')
    expect(ics).not.toContain('leftover-window')

    await revokeStackToken(owner.id)
    expect(await loadStackPage({ kind: 'token', token }, now, MINUTE)).toBeNull()
  })
})

describe('the stack page over kept vendor content', () => {
  it("shows the owner's current watchlist and only maintenance still open now, whatever copy of the vendors it is given", async () => {
    const owner = await createTestUser('stack-kept@example.com')
    await setStackSlug(owner.id, 'kept-stack')
    await addVendorToWatchlist(owner.id, slugs[0] as string)
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: slugs[2] as string }, select: { id: true } })
    await db.maintenance.create({
      data: { vendorId: vendor.id, externalId: 'kept-window', title: 'kept-window', status: 'in_progress', scheduledFor: now, scheduledUntil: new Date(now.getTime() + 30 * MINUTE) },
    })
    // A copy kept per vendor the first time it is asked for, as the data cache does.
    const kept = new Map<string, StackVendorContent>()
    const reads: string[][] = []
    const keptReader: StackVendorReader = async (wanted, at) => {
      const missing = wanted.filter((slug) => !kept.has(slug))
      reads.push(missing)
      for (const v of await findStackVendors(missing, at)) kept.set(v.slug, v)
      return wanted.flatMap((slug) => kept.get(slug) ?? [])
    }
    const address = { kind: 'slug', slug: 'kept-stack' } as const
    const load = (at: Date) => loadStackPage(address, at, MINUTE, keptReader)

    expect((await load(now))?.vendors.map((v) => v.slug)).toEqual([slugs[0]])
    await addVendorToWatchlist(owner.id, slugs[2] as string)
    const both = await load(now)
    expect(both?.vendors.map((v) => v.slug).sort()).toEqual([slugs[0], slugs[2]].sort())
    expect(both?.vendors.find((v) => v.slug === slugs[2])?.maintenances.map((m) => m.title)).toContain('kept-window')
    // 31 minutes on, the kept copy still lists the window; the page does not.
    const later = await load(new Date(now.getTime() + 31 * MINUTE))
    expect(later?.vendors.find((v) => v.slug === slugs[2])?.maintenances.map((m) => m.title)).not.toContain('kept-window')
    expect(reads).toEqual([[slugs[0]], [slugs[2]], []])

    await removeVendorFromWatchlist(owner.id, slugs[0] as string)
    expect((await load(now))?.vendors.map((v) => v.slug)).toEqual([slugs[2]])
  })
})
