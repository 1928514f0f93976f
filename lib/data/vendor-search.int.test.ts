// The one vendor search (lib/data/vendor-search.ts through searchVendors) on the real database:
// PGlite (pg_trgm loaded as an extension) or PostgreSQL, whichever the suite runs on.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { replaceVendorAliases } from '@/lib/data/vendor-aliases'
import { clearSearchCache, MAX_SEARCH_CANDIDATES, RANK_CACHE_MS, rankVendorSearch } from '@/lib/data/vendor-search'
import { findVendorSummariesByIds, findVendorsBySlugs, searchVendors } from '@/lib/data/vendors'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'

const search = (q: string, extra: Record<string, string> = {}) => searchVendors(vendorQuerySchema.parse({ q, ...extra }))
const slugs = async (q: string, extra: Record<string, string> = {}) => (await search(q, extra)).vendors.map((v) => v.slug)

const vendors = [
  { name: 'GitHub', slug: 'github', category: 'Developer tools' },
  { name: 'GitLab', slug: 'gitlab', category: 'Developer tools' },
  { name: 'GitHub Enterprise Importer', slug: 'github-enterprise-importer', category: 'Developer tools' },
  { name: 'Digital Pacific', slug: 'digital-pacific', category: 'Cloud & hosting' },
  { name: 'Amazon Web Services', slug: 'amazon-web-services', category: 'Cloud & hosting' },
  { name: 'Google Cloud', slug: 'google-cloud', category: 'Cloud & hosting' },
  { name: 'Lawson Hosting', slug: 'lawson-hosting', category: 'Cloud & hosting' },
  { name: 'Vercel', slug: 'vercel', category: 'Cloud & hosting' },
  { name: 'Circle Actions', slug: 'circle-actions', category: 'Developer tools' },
]

async function addComponents(slug: string, components: { externalId: string; name: string }[]) {
  const vendor = await db.vendor.findUniqueOrThrow({ where: { slug } })
  await db.component.createMany({
    data: components.map((c) => ({ ...c, vendorId: vendor.id, status: 'operational' as const, statusChangedAt: new Date('2026-01-01T00:00:00Z') })),
  })
}

beforeAll(async () => {
  await upsertCatalogRows(vendors.map((v) => ({ ...v, statusPageUrl: `https://status.${v.slug}.example`, platform: 'statuspage' as const })))
  await addComponents('github', [
    { externalId: 'br0l2tvcx85d', name: 'Actions' },
    { externalId: '8l4ygp009s5s', name: 'Git Operations' },
    { externalId: 'pjmpxvq2cmr2', name: 'Copilot' },
  ])
  await addComponents('amazon-web-services', [
    { externalId: 's3-us-east-1', name: 'Amazon Simple Storage Service (N. Virginia)' },
    { externalId: 's3-eu-west-1', name: 'Amazon Simple Storage Service (Ireland)' },
    { externalId: 'ec2-us-east-1', name: 'Amazon Elastic Compute Cloud (N. Virginia)' },
  ])
  await addComponents('vercel', [{ externalId: 'gh1', name: 'GitHub Integration' }])
  await replaceVendorAliases([
    { alias: 'aws', vendorSlug: 'amazon-web-services', component: null, source: 'test' },
    { alias: 's3', vendorSlug: 'amazon-web-services', component: 's3', source: 'test' },
    { alias: 'gcp', vendorSlug: 'google-cloud', component: null, source: 'test' },
    { alias: 'gh', vendorSlug: 'github', component: null, source: 'test' },
    { alias: 'ghost', vendorSlug: 'no-such-vendor', component: null, source: 'test' },
  ])
})

// Rankings are kept for a minute; each test starts without them (the cache has its own test).
beforeEach(() => clearSearchCache())

describe('searchVendors', () => {
  it('puts the exact name first, then names that start with the query, then anywhere', async () => {
    expect((await slugs('github'))[0]).toBe('github')
    const git = await slugs('git')
    expect(git.slice(0, 3).sort()).toEqual(['github', 'github-enterprise-importer', 'gitlab'])
    expect(git.indexOf('digital-pacific')).toBeGreaterThan(2)
  })

  it('finds a vendor by its alias, and an alias of a component links to that component', async () => {
    const aws = await search('aws')
    expect(aws.vendors[0]).toMatchObject({ slug: 'amazon-web-services', match: { kind: 'alias', alias: 'aws', component: null } })
    // "Lawson" contains "aws" too, but an alias ranks above a substring.
    expect(aws.vendors.map((v) => v.slug)).toEqual(['amazon-web-services', 'lawson-hosting'])
    expect((await slugs('GCP'))[0]).toBe('google-cloud')
    const s3 = await search('s3')
    expect(s3.vendors[0]).toMatchObject({ slug: 'amazon-web-services', match: { kind: 'alias', component: { name: expect.stringContaining('Simple Storage Service') } } })
  })

  it('finds a vendor by one of its components, and names the component', async () => {
    const actions = await search('github actions')
    expect(actions.vendors[0]).toMatchObject({ slug: 'github', match: { kind: 'component', component: { name: 'Actions' } } })
    // "Circle Actions" has both words nowhere together with a component: it is not a component hit.
    expect(actions.vendors.find((v) => v.slug === 'vercel')).toBeUndefined()
    const gh = await search('gh actions')
    expect(gh.vendors[0]).toMatchObject({ slug: 'github', match: { component: { name: 'Actions' } } })
    const region = await search('s3 us-east-1')
    expect(region.vendors[0]).toMatchObject({ slug: 'amazon-web-services', match: { component: { name: 'Amazon Simple Storage Service (N. Virginia)' } } })
    expect(region.total).toBe(1)
    // A component named by the whole query finds its vendor, below vendors named so.
    const copilot = await search('copilot')
    expect(copilot.vendors[0]).toMatchObject({ slug: 'github', match: { kind: 'component', component: { name: 'Copilot' } } })
  })

  it('tolerates typos through trigram similarity', async () => {
    const typo = await search('gihub')
    expect(typo.vendors[0]).toMatchObject({ slug: 'github', match: { kind: 'typo' } })
    expect((await slugs('amazon web servcies'))[0]).toBe('amazon-web-services')
    expect(await slugs('zzqxw')).toEqual([])
  })

  it('ranks equal matches by popularity (watchers), then the shorter name', async () => {
    const before = await slugs('git')
    expect(before.indexOf('github')).toBeLessThan(before.indexOf('github-enterprise-importer'))
    const importer = await db.vendor.findUniqueOrThrow({ where: { slug: 'github-enterprise-importer' } })
    const users = await Promise.all([1, 2].map((i) => db.user.create({ data: { email: `watcher${i}@example.com` } })))
    await db.watchlistEntry.createMany({ data: users.map((u) => ({ userId: u.id, vendorId: importer.id })) })
    clearSearchCache()
    const after = await slugs('git')
    expect(after.indexOf('github-enterprise-importer')).toBeLessThan(after.indexOf('github'))
    await db.watchlistEntry.deleteMany({ where: { vendorId: importer.id } })
  })

  it('filters by category and pages through the ranking with the cursor', async () => {
    // Digital Pacific by its name; Vercel by its component "GitHub Integration", ranked below.
    expect(await slugs('git', { category: 'cloud & hosting' })).toEqual(['digital-pacific', 'vercel'])
    const first = await search('git', { limit: '2' })
    expect(first.total).toBeGreaterThanOrEqual(4)
    expect(first.nextCursor).toBe(first.vendors[1]?.slug)
    const second = await search('git', { limit: '2', cursor: first.nextCursor ?? '' })
    expect(second.vendors.map((v) => v.slug)).not.toContain(first.vendors[0]?.slug)
    expect([...first.vendors, ...second.vendors].map((v) => v.slug)).toEqual((await slugs('git')).slice(0, 4))
  })

  it('finds by a query of two letters, which has no trigram for the indexes', async () => {
    // "gi" is inside GitHub, GitLab, the Importer and Digital Pacific (by name, not a close spelling).
    const gi = await search('gi')
    expect(gi.vendors.slice(0, 3).map((v) => v.slug).sort()).toEqual(['github', 'github-enterprise-importer', 'gitlab'])
    expect(gi.vendors.find((v) => v.slug === 'digital-pacific')?.match?.kind).toBe('name')
    // "gh" is GitHub's alias; the component "GitHub Integration" of Vercel does not have it as a word.
    expect(await slugs('gh')).toEqual(['github'])
  })

  it('reads the summaries of a page of results as the other vendor lists do', async () => {
    const github = await db.vendor.findUniqueOrThrow({ where: { slug: 'github' } })
    await db.vendorLogo.upsert({
      where: { vendorId: github.id },
      create: { vendorId: github.id, contentType: 'image/png', bytes: Buffer.from([1]), sha256: 'abc123', fetchedAt: new Date() },
      update: {},
    })
    await db.statusSource.updateMany({ where: { vendorId: github.id }, data: { lastCheckedAt: new Date('2026-12-07T10:00:00.123Z'), lastError: 'timeout', consecutiveFailures: 2 } })
    const all = await db.vendor.findMany({ select: { id: true, slug: true } })
    const byId = await findVendorSummariesByIds(all.map((v) => v.id))
    const expected = await findVendorsBySlugs(all.map((v) => v.slug))
    expect(all.map((v) => byId.get(v.id))).toEqual(expected)
    expect(byId.get(github.id)).toMatchObject({ logo: { sha256: 'abc123' }, source: { lastCheckedAt: new Date('2026-12-07T10:00:00.123Z'), consecutiveFailures: 2 } })
    expect(await findVendorSummariesByIds([])).toEqual(new Map())
    await db.vendorLogo.delete({ where: { vendorId: github.id } })
  })

  it('takes LIKE wildcards and quotes in the query as plain characters', async () => {
    expect(await slugs('%')).toEqual([])
    expect(await slugs('_')).toEqual([])
    expect(await slugs("git'; drop table \"Vendor\"; --")).toEqual([])
    expect(await db.vendor.count()).toBe(vendors.length)
  })

  it('keeps a ranking for a minute, then reads the catalog again', async () => {
    const t0 = 1_000_000
    expect((await rankVendorSearch('gcp', undefined, t0)).map((h) => h.slug)).toEqual(['google-cloud'])
    const alias = await db.vendorAlias.findFirstOrThrow({ where: { alias: 'gcp' } })
    await db.vendorAlias.delete({ where: { id: alias.id } })
    expect((await rankVendorSearch('gcp', undefined, t0 + RANK_CACHE_MS - 1)).map((h) => h.slug)).toEqual(['google-cloud'])
    expect(await rankVendorSearch('gcp', undefined, t0 + RANK_CACHE_MS)).toEqual([])
    await db.vendorAlias.create({ data: alias })
  })

  it('says when a search found more vendors than it ranks (the total is then a lower bound)', async () => {
    expect((await search('github')).totalCapped).toBe(false)
    const many = Array.from({ length: MAX_SEARCH_CANDIDATES + 1 }, (_, i) => ({ name: `Capco ${i}`, slug: `capco-${i}`, category: 'Other SaaS' }))
    await upsertCatalogRows(many.map((v) => ({ ...v, statusPageUrl: `https://status.${v.slug}.example`, platform: 'statuspage' as const })))
    try {
      const page = await search('capco')
      expect(page.total).toBe(MAX_SEARCH_CANDIDATES)
      expect(page.totalCapped).toBe(true)
    } finally {
      await db.vendor.deleteMany({ where: { slug: { startsWith: 'capco-' } } })
    }
  })
})
