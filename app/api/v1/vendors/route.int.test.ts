import { beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { GET as getReliability } from './[slug]/reliability/route'
import { GET as getVendor } from './[slug]/route'
import { GET as listVendors } from './route'

beforeAll(async () => {
  await upsertCatalogRows([
    { name: 'GitHub', slug: 'github', statusPageUrl: 'https://www.githubstatus.com', platform: 'statuspage', category: 'Developer tools' },
    { name: 'Mystery', slug: 'mystery', statusPageUrl: 'https://status.mystery.example', platform: 'unknown' },
  ])
})

const list = async (query: string) => {
  const res = await listVendors(new Request(`http://localhost/api/v1/vendors${query}`))
  return { status: res.status, body: await res.json() }
}

describe('GET /api/v1/vendors', () => {
  it('lists vendors with the total and an honest null status before the first check', async () => {
    const { status, body } = await list('?q=git')
    expect(status).toBe(200)
    expect(body).toMatchObject({ total: 1, count: 1, nextCursor: null })
    expect(body.vendors[0]).toEqual({
      slug: 'github',
      name: 'GitHub',
      category: 'Developer tools',
      statusPageUrl: 'https://www.githubstatus.com',
      platform: 'statuspage',
      monitored: true,
      status: null,
      statusText: null,
      freshness: 'never_checked',
      lastCheckedAt: null,
      lastSuccessfulCheckAt: null,
      url: '/vendors/github',
      match: { kind: 'name', alias: null, component: null },
    })
  })

  it('finds vendors by alias, component and close spelling, and links to the component named', async () => {
    const { replaceVendorAliases } = await import('@/lib/data/vendor-aliases')
    const { db } = await import('@/lib/db/client')
    const github = await db.vendor.findUniqueOrThrow({ where: { slug: 'github' } })
    const actions = await db.component.create({ data: { vendorId: github.id, externalId: 'br0l2tvcx85d', name: 'Actions', status: 'operational', statusChangedAt: new Date('2026-01-01T00:00:00Z') } })
    await replaceVendorAliases([{ alias: 'gh', vendorSlug: 'github', component: null, source: 'test' }])
    expect((await list('?q=gh')).body.vendors[0]).toMatchObject({ slug: 'github', match: { kind: 'alias', alias: 'gh' } })
    expect((await list('?q=gihub')).body.vendors[0]).toMatchObject({ slug: 'github', match: { kind: 'typo' } })
    expect((await list('?q=github%20actions')).body.vendors[0]).toMatchObject({
      slug: 'github',
      match: { kind: 'component', component: { id: actions.id, name: 'Actions', url: `/vendors/github#component-${actions.id}` } },
    })
  })

  it('marks vendors whose page we cannot read as not monitored', async () => {
    const { body } = await list('?q=mystery')
    expect(body.vendors[0]).toMatchObject({ monitored: false, platform: 'unknown', status: null, freshness: 'unmonitored' })
  })

  it('answers 400 with the reasons for bad parameters', async () => {
    const { status, body } = await list('?limit=0&cursor=NOT A SLUG')
    expect(status).toBe(400)
    expect(body.error).toBe('invalid_query')
    expect(body.details.limit).toEqual(['limit must be at least 1'])
    expect(body.details.cursor).toEqual(['cursor is not valid'])
  })
})

describe('GET /api/v1/vendors/{slug}', () => {
  it('returns one vendor, or 404 for an unknown slug', async () => {
    const ok = await getVendor(new Request('http://localhost/api/v1/vendors/github'), { params: Promise.resolve({ slug: 'github' }) })
    expect(ok.status).toBe(200)
    expect((await ok.json()).vendor.name).toBe('GitHub')
    const missing = await getVendor(new Request('http://localhost/api/v1/vendors/nope'), { params: Promise.resolve({ slug: 'nope' }) })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'not_found' })
  })
})

describe('GET /api/v1/vendors/{slug}/reliability', () => {
  it('answers the three windows for a vendor, and 404 for an unknown or malformed slug', async () => {
    const get = (slug: string) => getReliability(new Request(`http://localhost/api/v1/vendors/${slug}/reliability`), { params: Promise.resolve({ slug }) })
    const ok = await get('github')
    expect(ok.status).toBe(200)
    const body = await ok.json()
    expect(body.vendor).toEqual({ slug: 'github', name: 'GitHub' })
    // Never read: no first read, so anything it had would be the vendor's own history.
    expect(body.observedSince).toBeNull()
    expect(body.windows.map((w: { days: number; incidents: number }) => [w.days, w.incidents])).toEqual([
      [30, 0],
      [90, 0],
      [365, 0],
    ])
    expect((await get('nope')).status).toBe(404)
    expect((await get('%00bad')).status).toBe(404)
  })
})
