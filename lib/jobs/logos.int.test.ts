// Logos end to end on the real database: fetched once from a local status page through the real
// HTTP client, checked, stored, and served by the logo route from our own origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getLogo } from '@/app/vendors/[slug]/logo/route'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { LOGO_RETRY_MS } from '@/lib/data/vendor-logos'
import { searchVendors } from '@/lib/data/vendors'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'
import { fetchMissingLogos } from './logos'

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
let server: StatusServer
const open = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const now = () => new Date('2026-12-07T00:00:00Z')
const run = (http = open) => fetchMissingLogos({ http, now, limit: 10, concurrency: 2, budgetMs: 30_000 })
const logoOf = (slug: string) => db.vendorLogo.findFirst({ where: { vendor: { slug } } })

beforeAll(async () => {
  server = await startStatusServer()
  const html = (icon: string) => `<!doctype html><html><head><link rel="icon" href="${icon}"></head><body>status</body></html>`
  server.set('/good/', { body: html('/good/icon.png'), contentType: 'text/html' })
  server.set('/good/icon.png', { body: PNG, contentType: 'image/png' })
  server.set('/liar/', { body: html('/liar/icon.png'), contentType: 'text/html' })
  server.set('/liar/icon.png', { body: Buffer.from('<svg><script>alert(1)</script></svg>'), contentType: 'image/png' })
  server.set('/html/', { body: html('/html/icon.png'), contentType: 'text/html' })
  server.set('/html/icon.png', { body: '<html>not an image</html>', contentType: 'text/html' })
  server.set('/huge/', { body: html('/huge/icon.png'), contentType: 'text/html' })
  server.set('/huge/icon.png', { body: Buffer.concat([PNG, Buffer.alloc(300 * 1024)]), contentType: 'image/png' })
  await upsertCatalogRows(
    ['good', 'liar', 'html', 'huge'].map((slug) => ({ name: `Vendor ${slug}`, slug, statusPageUrl: `${server.url}/${slug}/`, platform: 'statuspage' as const })),
  )
})

afterAll(async () => {
  open.close()
  await server.close()
})

describe('fetchMissingLogos', () => {
  it('stores a checked image once per vendor, records why the others have none, and tries nobody twice', async () => {
    expect(await run()).toEqual({ tried: 4, stored: 1 })
    const good = await logoOf('good')
    expect(good).toMatchObject({ contentType: 'image/png', sourceUrl: `${server.url}/good/icon.png`, error: null })
    expect(Buffer.from(good?.bytes ?? [])).toEqual(PNG)
    expect((await logoOf('liar'))?.error).toMatch(/not a PNG, ICO, JPEG, GIF or WebP image/)
    expect((await logoOf('html'))?.error).toMatch(/content type text\/html/)
    expect((await logoOf('huge'))?.error).toMatch(/too_large/)
    for (const slug of ['liar', 'html', 'huge']) expect((await logoOf(slug))?.bytes).toBeNull()

    const requestsBefore = server.requests.length
    expect(await run()).toEqual({ tried: 0, stored: 0 })
    expect(server.requests.length).toBe(requestsBefore)
    // A week later the ones without a logo are asked again; the stored one is not.
    const weekLater = () => new Date(now().getTime() + LOGO_RETRY_MS + 1)
    expect(await fetchMissingLogos({ http: open, now: weekLater, limit: 10, concurrency: 2, budgetMs: 30_000 })).toEqual({ tried: 3, stored: 0 })
  })

  it('serves the stored logo from our own route with long caching for the versioned URL; lists carry only its version', async () => {
    const good = await logoOf('good')
    const version = good?.sha256?.slice(0, 12)
    const res = await getLogo(new Request(`http://localhost/vendors/good/logo?v=${version}`), { params: Promise.resolve({ slug: 'good' }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
    const unversioned = await getLogo(new Request('http://localhost/vendors/good/logo'), { params: Promise.resolve({ slug: 'good' }) })
    expect(unversioned.headers.get('cache-control')).toBe('public, max-age=3600')
    for (const slug of ['liar', 'nope', '../etc']) {
      const missing = await getLogo(new Request(`http://localhost/vendors/${slug}/logo`), { params: Promise.resolve({ slug }) })
      expect(missing.status).toBe(404)
    }
    const page = await searchVendors(vendorQuerySchema.parse({ q: 'vendor' }))
    const bySlug = new Map(page.vendors.map((v) => [v.slug, v.logo]))
    expect(bySlug.get('good')).toEqual({ sha256: good?.sha256 })
    expect(bySlug.get('liar')).toEqual({ sha256: null })
  })

  it('refuses a private address through the guarded client and records it', async () => {
    // Its own address (a vendor's status page address is unique): the same local server, so private.
    server.set('/private/', { body: '<!doctype html><html><head><link rel="icon" href="/good/icon.png"></head></html>', contentType: 'text/html' })
    await upsertCatalogRows([{ name: 'Private', slug: 'private', statusPageUrl: `${server.url}/private/`, platform: 'statuspage' }])
    const guarded = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: false })
    const before = server.requests.length
    expect(await run(guarded)).toEqual({ tried: 1, stored: 0 })
    guarded.close()
    expect((await logoOf('private'))?.error).toMatch(/blocked/)
    expect(server.requests.length).toBe(before)
  })
})
