import { beforeEach, describe, expect, it } from 'vitest'
import type { CatalogRow } from '@/lib/catalog/catalog-row'
import { db } from '@/lib/db/client'
import { resetDatabase } from '@/lib/testing/reset-database'
import { upsertCatalogRows } from './catalog'

const acme: CatalogRow = { name: 'Acme', slug: 'acme', statusPageUrl: 'https://status.acme.example', platform: 'statuspage', category: 'Email' }
const beta: CatalogRow = { name: 'Beta', slug: 'beta', statusPageUrl: 'https://beta.example/status', platform: 'rss', apiUrl: 'https://beta.example/status.atom' }

// Every test starts from an empty catalog and imports what it needs, so each runs alone (`-t`).
beforeEach(() => resetDatabase())

describe('upsertCatalogRows', () => {
  it('creates vendors with their status sources and derived API URLs', async () => {
    expect(await upsertCatalogRows([acme, beta])).toEqual({ created: 2, updated: 0, unchanged: 0 })
    const stored = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' }, include: { source: true } })
    expect(stored).toMatchObject({ name: 'Acme', category: 'Email', status: 'unknown' })
    expect(stored.source).toMatchObject({ platform: 'statuspage', apiUrl: 'https://status.acme.example/api/v2/summary.json' })
    expect((await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'beta' } } })).apiUrl).toBe('https://beta.example/status.atom')
  })

  it('is idempotent: the same rows again change nothing', async () => {
    await upsertCatalogRows([acme, beta])
    const before = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } })
    expect(await upsertCatalogRows([acme, beta])).toEqual({ created: 0, updated: 0, unchanged: 2 })
    const after = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } })
    expect(after.updatedAt).toEqual(before.updatedAt)
    expect(await db.vendor.count()).toBe(2)
  })

  it('updates by slug, keeps a category the row does not mention, and resets fetch state when the platform changes', async () => {
    await upsertCatalogRows([acme, beta])
    await db.statusSource.updateMany({ where: { vendor: { slug: 'acme' } }, data: { httpCache: { x: { etag: '"1"' } }, consecutiveFailures: 3 } })
    const moved: CatalogRow = { name: 'Acme Corp', slug: 'acme', statusPageUrl: 'https://status.acme.example', platform: 'instatus' }
    expect(await upsertCatalogRows([moved])).toEqual({ created: 0, updated: 1, unchanged: 0 })
    const stored = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' }, include: { source: true } })
    expect(stored).toMatchObject({ name: 'Acme Corp', category: 'Email' })
    expect(stored.source).toMatchObject({ platform: 'instatus', apiUrl: 'https://status.acme.example/summary.json', httpCache: null, consecutiveFailures: 0 })
  })

  it('stores provenance, holds a new row back for review once, and lets the seed keep a verified platform', async () => {
    const unverified: CatalogRow = { ...acme, platformConfidence: 'medium', platformEvidence: 'a list said so', unverified: true, pendingReview: true }
    await upsertCatalogRows([unverified])
    const created = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' }, include: { source: true } })
    expect(created).toMatchObject({ pendingReview: true })
    expect(created.source).toMatchObject({ platformConfidence: 'medium', platformEvidence: 'a list said so', verifiedAt: null })

    // An operator reviewed it; detection found incident.io.
    const verifiedAt = new Date('2030-01-01T00:00:00Z')
    await db.vendor.update({ where: { slug: 'acme' }, data: { pendingReview: false } })
    await db.statusSource.update({ where: { vendorId: created.id }, data: { platform: 'incidentio', verifiedAt } })

    // The seed again (same label): the verified platform and the review stand.
    await upsertCatalogRows([{ ...unverified, platformEvidence: 'a list said so, twice' }], { keepVerified: true })
    const seeded = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' }, include: { source: true } })
    expect(seeded.pendingReview).toBe(false)
    expect(seeded.source).toMatchObject({ platform: 'incidentio', verifiedAt, platformEvidence: 'a list said so, twice' })

    // An operator's import overrides it, and the old verification no longer holds.
    await upsertCatalogRows([acme])
    const imported = await db.statusSource.findUniqueOrThrow({ where: { vendorId: created.id } })
    expect(imported).toMatchObject({ platform: 'statuspage', verifiedAt: null })
  })
})
