// Strangers cannot grow the page cache: unknown vendor slugs and incident ids answer 404 without a
// cache file each (lib/cache/page-cache-handler.mjs), while real vendor pages are still cached (ISR).
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

// Where Next.js 16 writes rendered pages: route-cache/APP_PAGE/<build>/$/vendors/<slug>.html, .rsc, .meta, …
const CACHE_DIR = path.join('.next', 'server', 'route-cache')
const UNKNOWN = 25

function cachedFiles(): string[] {
  if (!fs.existsSync(CACHE_DIR)) return []
  return (fs.readdirSync(CACHE_DIR, { recursive: true }) as string[]).filter((f) => f.includes('vendors') && fs.statSync(path.join(CACHE_DIR, f)).isFile())
}

test('unknown slugs and incident ids are not cached per URL, real vendor pages are', async ({ request }) => {
  test.setTimeout(180_000) // 50 404 pages rendered one after another on a loaded machine
  const known = await request.get('/vendors/acme-cloud')
  expect(known.status()).toBe(200)
  // ISR writes after answering: the real page shows up in the cache.
  await expect.poll(() => cachedFiles().filter((f) => f.endsWith(path.join('vendors', 'acme-cloud.html'))).length, { timeout: 10_000 }).toBe(1)
  const before = cachedFiles()

  const tag = Date.now().toString(36)
  for (let i = 0; i < UNKNOWN; i++) {
    expect((await request.get(`/vendors/no-such-vendor-${tag}-${i}`)).status()).toBe(404)
    expect((await request.get(`/vendors/acme-cloud/incidents/cl${tag}nosuchincident${i}`)).status()).toBe(404)
  }
  // Give any write behind the responses time to land before counting.
  await new Promise((r) => setTimeout(r, 1_000))
  const added = cachedFiles().filter((f) => !before.includes(f))
  expect(added).toEqual([])
  // The 404s are real pages still (the not-found page), not bare text.
  const page = await request.get(`/vendors/no-such-vendor-${tag}-again`)
  expect(page.status()).toBe(404)
  expect(await page.text()).toContain('<html')
})
