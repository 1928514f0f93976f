// "Watch any status page" against the local status stand-in and a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { searchVendors } from '@/lib/data/vendors'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { db } from '@/lib/db/client'
import { ConfirmationRequiredError } from '@/lib/errors'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { createTestUser } from '@/lib/testing/accounts'
import { resetDatabase } from '@/lib/testing/reset-database'
import { readFixture } from '@/lib/testing/source-tests'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { ADD_BY_URL_LIMIT, findOrAddStatusPage, SUPPORTED_PLATFORMS_SENTENCE } from './add-by-url'
import type { DetectionHttp } from './detect-platform'

const NOW = new Date('2030-03-01T12:00:00Z')
let page: StatusServer
let open: HttpClient
let userId: string

/** Fails the test if anything is fetched: a catalog page must resolve without detection. */
const noNetwork: DetectionHttp = { fetchText: (url) => Promise.reject(new Error(`fetched ${url}`)) }

beforeAll(async () => {
  page = await startStatusServer()
  page.set('/', { body: '<html><head><title>Initech Status</title></head></html>', contentType: 'text/html' })
  page.set('/api/v2/summary.json', { body: readFixture('statuspage/github-summary-operational.json').replace('"name": "GitHub"', '"name": "Initech"') })
  open = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
})
afterAll(async () => {
  open.close()
  await page.close()
})
beforeEach(async () => {
  await resetDatabase()
  userId = (await createTestUser('adder@example.com')).id
  await upsertCatalogRows([
    { name: 'Acme', slug: 'acme', statusPageUrl: 'https://status.acme.example', platform: 'statuspage', apiUrl: 'https://acme.statuspage.io/api/v2/summary.json' },
    // Read from a path on a shared host: pasting that host's root is not this vendor.
    { name: 'Shared', slug: 'shared', statusPageUrl: 'https://status.shared.example', platform: 'statuspage', apiUrl: 'https://feeds.example/shared/api/v2/summary.json' },
    { name: 'Acme EU', slug: 'acme-eu', statusPageUrl: 'https://status.acme.example/eu', platform: 'statuspage' },
    { name: 'Listed', slug: 'listed', statusPageUrl: 'https://status.listed.example', platform: 'unknown' },
  ])
})

describe('findOrAddStatusPage', () => {
  it('resolves a catalog page to its vendor, however it is written, without fetching anything', async () => {
    const deps = { http: noNetwork, now: () => NOW }
    expect(await findOrAddStatusPage(userId, 'https://status.acme.example', deps)).toEqual({ kind: 'existing', slug: 'acme', name: 'Acme' })
    expect(await findOrAddStatusPage(userId, 'status.acme.example/history?page=2', deps)).toMatchObject({ slug: 'acme' })
    expect(await findOrAddStatusPage(userId, 'https://WWW.status.acme.example/', deps)).toMatchObject({ slug: 'acme' })
    expect(await findOrAddStatusPage(userId, 'https://status.acme.example/eu/', deps)).toMatchObject({ slug: 'acme-eu' })
    // Acme's status is read from its Statuspage address: that address is Acme's page too.
    expect(await findOrAddStatusPage(userId, 'https://acme.statuspage.io', deps)).toMatchObject({ slug: 'acme' })
  })

  it('adds a page it can read as a vendor pending review, which its creator can watch at once', async () => {
    const added = await findOrAddStatusPage(userId, page.url, { http: open, now: () => NOW })
    expect(added).toEqual({ kind: 'created', slug: 'initech', name: 'Initech', platformLabel: 'Atlassian Statuspage' })
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'initech' }, include: { source: true } })
    expect(vendor).toMatchObject({ pendingReview: true, addedById: userId, statusPageUrl: page.url })
    expect(vendor.source).toMatchObject({ platform: 'statuspage', apiUrl: `${page.url}/api/v2/summary.json`, verifiedAt: NOW, nextCheckAt: null, enabled: true })

    // Not in the public directory; watchable (it is monitored, so no confirmation is needed).
    expect((await searchVendors({ q: 'initech', limit: 20 })).total).toBe(0)
    expect(await addVendorToWatchlist(userId, 'initech')).toBe('added')

    // The same address again, from anyone: the same vendor, nothing fetched.
    const other = (await createTestUser('other@example.com')).id
    expect(await findOrAddStatusPage(other, `${page.url}/`, { http: noNetwork, now: () => NOW })).toEqual({ kind: 'existing', slug: 'initech', name: 'Initech' })
    expect(await db.vendor.count({ where: { addedById: { not: null } } })).toBe(1)
  })

  it('names the supported platforms when nothing it reads answers, and creates nothing', async () => {
    const shared = await findOrAddStatusPage(userId, 'https://feeds.example', { http: { fetchText: async (url) => ({ notModified: false, status: 404, text: 'no', body: Buffer.from('no'), bytes: 2, finalUrl: url }) }, now: () => NOW })
    expect(shared).toMatchObject({ kind: 'refused' })
    const nothing: DetectionHttp = { fetchText: async (url) => ({ notModified: false, status: 404, text: 'no', body: Buffer.from('no'), bytes: 2, finalUrl: url }) }
    const result = await findOrAddStatusPage(userId, 'https://status.unknown.example', { http: nothing, now: () => NOW })
    expect(result).toEqual({ kind: 'refused', message: `We could not find a status page we can read at status.unknown.example. ${SUPPORTED_PLATFORMS_SENTENCE}` })
    expect(await db.vendor.count()).toBe(4)
  })

  it('refuses private addresses through the guarded client', async () => {
    const guarded = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: false })
    const asked = page.requests.length
    try {
      const result = await findOrAddStatusPage(userId, page.url, { http: guarded, now: () => NOW })
      expect(result).toEqual({ kind: 'refused', message: 'That address cannot be watched: it is not a public web address.' })
      expect(page.requests.length).toBe(asked)
    } finally {
      guarded.close()
    }
  })

  it(`runs at most ${ADD_BY_URL_LIMIT.max} detections an hour per user`, async () => {
    let fetches = 0
    const counting: DetectionHttp = {
      fetchText: async (url) => {
        fetches++
        return { notModified: false, status: 404, text: 'no', body: Buffer.from('no'), bytes: 2, finalUrl: url }
      },
    }
    for (let i = 0; i < ADD_BY_URL_LIMIT.max; i++) {
      expect(await findOrAddStatusPage(userId, `https://status-${i}.example`, { http: counting, now: () => NOW })).toMatchObject({ kind: 'refused' })
    }
    const before = fetches
    const refused = await findOrAddStatusPage(userId, 'https://status-last.example', { http: counting, now: () => NOW })
    expect(refused).toEqual({ kind: 'refused', message: expect.stringMatching(/^You have added 10 pages in the last hour\. Please try again in \d+ minutes?\.$/) })
    expect(fetches).toBe(before)
    // Another user has their own budget; a catalog page costs none.
    const other = (await createTestUser('other@example.com')).id
    expect(await findOrAddStatusPage(other, 'https://status-last.example', { http: counting, now: () => NOW })).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^We could not find/) })
    expect(await findOrAddStatusPage(userId, 'https://status.acme.example', { http: noNetwork, now: () => NOW })).toMatchObject({ kind: 'existing' })
  })
})

describe('two users adding the same page at once', () => {
  it('end with one vendor: the second resolves to the first (the unique page key decides the race)', async () => {
    const other = (await createTestUser('other@example.com')).id
    // Both detections are held at their first request until both have made it, so both have
    // already looked the page up (and found nothing) before either creates the vendor.
    let arrived = 0
    let release!: () => void
    const bothArrived = new Promise<void>((resolve) => (release = resolve))
    const racing: DetectionHttp = {
      fetchText: async (url, options) => {
        if (++arrived === 2) release()
        await bothArrived
        return open.fetchText(url, options)
      },
    }
    const results = await Promise.all([
      findOrAddStatusPage(userId, page.url, { http: racing, now: () => NOW }),
      // The same page written differently: the key is the normalised address.
      findOrAddStatusPage(other, `${page.url.replace('http://', 'HTTP://')}/`, { http: racing, now: () => NOW }),
    ])
    expect(results.map((r) => r.kind).sort()).toEqual(['created', 'existing'])
    expect(results.map((r) => (r.kind === 'refused' ? null : r.slug))).toEqual(['initech', 'initech'])
    expect(await db.vendor.count({ where: { addedById: { not: null } } })).toBe(1)
  })
})

describe('watching a vendor that is not monitored', () => {
  it('needs the user to confirm they get no alerts before it takes a slot', async () => {
    await expect(addVendorToWatchlist(userId, 'listed')).rejects.toBeInstanceOf(ConfirmationRequiredError)
    expect(await db.watchlistEntry.count({ where: { userId } })).toBe(0)
    expect(await addVendorToWatchlist(userId, 'listed', { acceptUnmonitored: true })).toBe('added')
    // Watching it already: nothing to confirm.
    expect(await addVendorToWatchlist(userId, 'listed')).toBe('already_watching')
  })
})
