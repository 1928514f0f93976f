// recordChecksAndClaim: the records of finished checks and the next claims in one statement, each
// record fenced on its lease as the one-row writes are.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { resetDatabase } from '@/lib/testing/reset-database'
import { upsertCatalogRows } from './catalog'
import { claimDueSources, recordChecksAndClaim, type CheckedSource } from './status-sources'

const NOW = new Date('2026-03-01T12:00:00Z')
const LATER = new Date(NOW.getTime() + 60_000)
const LEASE = 5 * 60_000
const slugs = ['alpha', 'bravo', 'charlie', 'delta']

const sourceOf = async (slug: string) => db.statusSource.findFirstOrThrow({ where: { vendor: { slug } } })
const checkOf = (sourceId: string, owner: string): CheckedSource => ({ sourceId, leaseOwner: owner, now: NOW, nextCheckAt: LATER, httpCache: { 'https://x.example/a': { etag: '"2"' } } })

beforeEach(async () => {
  await resetDatabase()
  await upsertCatalogRows(slugs.map((slug) => ({ name: slug, slug, statusPageUrl: `https://status.${slug}.example`, platform: 'statuspage' as const, apiUrl: `https://status.${slug}.example/api/v2/summary.json` })))
})

describe('recordChecksAndClaim', () => {
  it('records an unchanged check and a failure, releases both leases, and claims the next vendors, in one call', async () => {
    const [a, b] = await claimDueSources({ owner: 'cycle-1', now: NOW, dueBy: NOW, leaseMs: LEASE, limit: 2 })
    if (!a || !b) throw new Error('expected two claims')
    const result = await recordChecksAndClaim({
      unchanged: [{ check: checkOf(a.id, 'cycle-1'), isBaseline: true }],
      failures: [{ sourceId: b.id, leaseOwner: 'cycle-1', now: NOW, nextCheckAt: LATER, kind: 'http', message: 'HTTP 500' }],
      claim: { owner: 'cycle-1', now: NOW, dueBy: NOW, leaseMs: LEASE, limit: 5 },
    })
    expect(result.lost).toEqual([])
    // The two recorded vendors are not claimed again; the other two are.
    expect(result.claimed.map((c) => c.id).sort()).toEqual((await Promise.all(['charlie', 'delta'].map(sourceOf))).map((s) => s.id).sort())
    expect(result.claimed[0]).toMatchObject({ platform: 'statuspage', consecutiveFailures: 0 })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      lastCheckedAt: NOW,
      lastSuccessAt: NOW,
      baselineAt: NOW,
      nextCheckAt: LATER,
      consecutiveFailures: 0,
      httpCache: { 'https://x.example/a': { etag: '"2"' } },
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      lastCheckedAt: NOW,
      lastSuccessAt: null,
      nextCheckAt: LATER,
      consecutiveFailures: 1,
      lastErrorKind: 'http',
      lastError: 'HTTP 500',
      leaseOwner: null,
    })
    expect(await db.statusSource.count({ where: { leaseOwner: 'cycle-1' } })).toBe(2)
  })

  it('writes nothing for a record whose lease another cycle holds now, and says so', async () => {
    const [a] = await claimDueSources({ owner: 'cycle-1', now: NOW, dueBy: NOW, leaseMs: LEASE, limit: 1 })
    if (!a) throw new Error('expected a claim')
    // Our lease expired and another cycle took the vendor.
    const taken = await claimDueSources({ owner: 'cycle-2', now: new Date(NOW.getTime() + LEASE + 1), dueBy: NOW, leaseMs: LEASE, limit: 4 })
    expect(taken.map((s) => s.id)).toContain(a.id)
    const result = await recordChecksAndClaim({ unchanged: [{ check: checkOf(a.id, 'cycle-1'), isBaseline: false }], failures: [], claim: null })
    expect(result).toEqual({ claimed: [], lost: [a.id] })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ leaseOwner: 'cycle-2', lastCheckedAt: null })
  })

  it('keeps discovered settings unless told, and forgets them when a failure says to', async () => {
    const [a] = await claimDueSources({ owner: 'cycle-1', now: NOW, dueBy: NOW, leaseMs: LEASE, limit: 1 })
    if (!a) throw new Error('expected a claim')
    await recordChecksAndClaim({ unchanged: [{ check: { ...checkOf(a.id, 'cycle-1'), settings: { pageId: 'p1' }, readWarnings: [{ kind: 'statuspage incident', count: 1 }] }, isBaseline: false }], failures: [], claim: null })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ settings: { pageId: 'p1' }, readWarnings: [{ kind: 'statuspage incident', count: 1 }] })
    await db.statusSource.update({ where: { id: a.id }, data: { leaseOwner: 'cycle-2' } })
    await recordChecksAndClaim({ unchanged: [{ check: checkOf(a.id, 'cycle-2'), isBaseline: false }], failures: [], claim: null })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ settings: { pageId: 'p1' }, readWarnings: [{ kind: 'statuspage incident', count: 1 }] })
    await db.statusSource.update({ where: { id: a.id }, data: { leaseOwner: 'cycle-3' } })
    await recordChecksAndClaim({ unchanged: [], failures: [{ sourceId: a.id, leaseOwner: 'cycle-3', now: NOW, nextCheckAt: LATER, kind: 'parse', message: 'bad', resetSettings: true }], claim: null })
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ settings: null, consecutiveFailures: 1 })
  })

  it('claims vendors whose last check timed out first, so a hanging page starts early in the cycle', async () => {
    const delta = await sourceOf('delta')
    await db.statusSource.updateMany({ data: { nextCheckAt: new Date(NOW.getTime() - 60_000) } })
    await db.statusSource.update({ where: { id: delta.id }, data: { lastErrorKind: 'timeout', nextCheckAt: NOW } })
    const { claimed } = await recordChecksAndClaim({ unchanged: [], failures: [], claim: { owner: 'cycle-1', now: NOW, dueBy: NOW, leaseMs: LEASE, limit: 1 } })
    expect(claimed.map((c) => c.vendorSlug)).toEqual(['delta'])
  })
})
