import fs from 'node:fs'
import nodePath from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'
import { stageHooli } from './support/hooli'
import { shoot } from './support/screenshots'

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ url: page.url(), rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

async function expectAxeClean(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    expect(await seriousViolations(page)).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a private stack link shows the watchlist with its feeds and badge; replacing and revoking it make the old link 404 at once', async ({ page, request }) => {
  test.setTimeout(120_000)
  await stageHooli(request)
  await signUp(page, uniqueEmail('stack-private'))
  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Watch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli', exact: true })).toBeVisible()

  await page.goto('/settings')
  const stack = page.getByRole('region', { name: 'Your stack page' })
  await stack.getByRole('button', { name: 'Create a private link' }).click()
  const linkField = stack.getByLabel('Your private link')
  await expect(linkField).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/)
  const first = new URL(await linkField.inputValue()).pathname
  await expectAxeClean(page)
  await shoot(page, 'stack-settings')

  const response = await page.goto(first)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['referrer-policy']).toBe('no-referrer')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expect(page.getByRole('heading', { level: 1, name: 'Private stack' })).toBeVisible()
  const hooli = page.getByRole('region', { name: 'Hooli' })
  await expect(hooli.getByText('Operational')).toBeVisible()
  await expect(hooli.getByText('Codespaces Scheduled Maintenance')).toBeVisible()
  await expectAxeClean(page)
  await shoot(page, 'stack-private')

  const ics = await request.get(`${first}/maintenance.ics`)
  expect(ics.status()).toBe(200)
  expect(ics.headers()['content-type']).toContain('text/calendar')
  const calendar = await ics.text()
  expect(calendar.match(/BEGIN:VCALENDAR/g)).toHaveLength(1)
  expect(calendar).toContain('SUMMARY:Hooli: Codespaces Scheduled Maintenance')
  expect(calendar).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/)
  const atom = await request.get(`${first}/feed.atom`)
  expect(atom.headers()['content-type']).toContain('application/atom+xml')
  expect(await atom.text()).toContain('<title>Private stack (Vendorwatch)</title>')
  const badge = await request.get(`${first}/badge.svg`)
  expect(badge.headers()['content-type']).toContain('image/svg+xml')
  expect(badge.headers()['cache-control']).toBe('private, no-cache')
  expect(await badge.text()).toContain('aria-label="Private stack: All 1 operational"')

  // Replacing the link: the old one is dead at once, feeds included.
  await page.goto('/settings')
  await stack.getByRole('button', { name: 'Replace the private link' }).click()
  await expect(linkField).not.toHaveValue(new RegExp(`${first}$`))
  const second = new URL(await linkField.inputValue()).pathname
  expect((await request.get(first)).status()).toBe(404)
  expect((await request.get(`${first}/maintenance.ics`)).status()).toBe(404)
  expect((await request.get(second)).status()).toBe(200)

  await stack.getByRole('button', { name: 'Revoke the private link' }).click()
  await expect(stack.getByText('The private link no longer works.')).toBeVisible()
  await expect(linkField).toHaveCount(0)
  expect((await request.get(second)).status()).toBe(404)
  expect((await request.get(`${second}/badge.svg`)).status()).toBe(404)
})

test('a public stack page under a chosen name: validated, unique, and taken down on request', async ({ page, request }) => {
  test.setTimeout(120_000)
  await stageHooli(request)
  const name = `team-${Date.now().toString(36)}`
  await signUp(page, uniqueEmail('stack-public'))
  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Watch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli', exact: true })).toBeVisible()

  await page.goto('/settings')
  const stack = page.getByRole('region', { name: 'Your stack page' })
  await stack.getByLabel('Public name').fill('Not A Slug!')
  await stack.getByRole('button', { name: 'Make it public' }).click()
  await expect(stack.getByText('Lowercase letters, digits and single hyphens only')).toBeVisible()
  await stack.getByLabel('Public name').fill(name)
  await stack.getByRole('button', { name: 'Make it public' }).click()
  await expect(stack.getByRole('link', { name: `/stacks/${name}` })).toBeVisible()

  await page.goto(`/stacks/${name}`)
  await expect(page.getByRole('heading', { level: 1, name: `${name}'s stack` })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Hooli' }).getByText('Codespaces Scheduled Maintenance')).toBeVisible()
  await expectAxeClean(page)
  await shoot(page, 'stack-public')
  const badge = await request.get(`/stacks/${name}/badge.svg`)
  expect(badge.headers()['cache-control']).toContain('public')
  expect((await request.get(`/stacks/${name}/maintenance.ics`)).status()).toBe(200)

  // Someone else cannot take the name.
  const other = await page.context().browser()!.newPage()
  await signUp(other, uniqueEmail('stack-squatter'))
  await other.goto('/settings')
  const otherStack = other.getByRole('region', { name: 'Your stack page' })
  await otherStack.getByLabel('Public name').fill(name)
  await otherStack.getByRole('button', { name: 'Make it public' }).click()
  await expect(otherStack.getByText('That name is taken. Choose another.')).toBeVisible()
  await other.close()

  await page.goto('/settings')
  await stack.getByRole('button', { name: 'Take the public page down' }).click()
  await expect(stack.getByText('Your stack is no longer public.')).toBeVisible()
  expect((await request.get(`/stacks/${name}`)).status()).toBe(404)
})

/**
 * The public page answers from the page cache (ISR): asked again until a copy is kept, so each check
 * below is against a cached copy that a missing drop would have left in place.
 */
async function expectCachedCopy(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await request.get(path)).headers()['x-nextjs-cache'], { timeout: 20_000 }).toBe('HIT')
}

/** The cache tags Next.js stored with a cached page (route-cache/APP_PAGE/<build>/$/stacks/<name>.meta). */
function storedCacheTags(urlPath: string): string[] {
  const dir = nodePath.join('.next', 'server', 'route-cache')
  const meta = (fs.readdirSync(dir, { recursive: true }) as string[]).find((f) => f.endsWith(`${urlPath}.meta`))
  if (!meta) return []
  const headers = (JSON.parse(fs.readFileSync(nodePath.join(dir, meta), 'utf8')) as { headers?: Record<string, string> }).headers
  return headers?.['x-next-cache-tags']?.split(',') ?? []
}

async function publicPage(request: APIRequestContext, path: string) {
  const response = await request.get(path)
  return { status: response.status(), html: await response.text() }
}

test('the public stack page is served from the page cache, and a vendor change, a watch change, a rename and taking it down all show at once', async ({ page, request }) => {
  test.setTimeout(180_000)
  await stageHooli(request)
  const name = `cached-${Date.now().toString(36)}`
  const path = `/stacks/${name}`
  await signUp(page, uniqueEmail('stack-cached'))
  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Watch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli', exact: true })).toBeVisible()
  await page.goto('/settings')
  const stack = page.getByRole('region', { name: 'Your stack page' })
  await stack.getByLabel('Public name').fill(name)
  await stack.getByRole('button', { name: 'Make it public' }).click()
  await expect(stack.getByRole('link', { name: path })).toBeVisible()

  await expectCachedCopy(request, path)
  // What lets a refresh drop it: the page's entry carries the tags of the vendor content it read
  // through unstable_cache (lib/pages/stack-page-cache.ts).
  expect(storedCacheTags(path)).toContain('vendor:hooli')
  // A cached page, shared by every visitor: no per-request nonce (lib/security/headers.ts).
  const csp = (await request.get(path)).headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self' 'unsafe-inline'")
  expect(csp).not.toContain('nonce-')
  expect((await publicPage(request, path)).html).toContain('Codespaces Scheduled Maintenance')

  // A refresh that changes a vendor on the page: the page inherited the vendor's cache tag.
  const retitled = `Stack cache check ${name}`
  await stageHooli(request, { maintenanceTitle: retitled })
  expect((await publicPage(request, path)).html).toContain(retitled)

  // The owner unwatches, then watches again: each shows on the next view.
  await expectCachedCopy(request, path)
  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Unwatch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Watch Hooli', exact: true })).toBeVisible()
  const unwatched = await publicPage(request, path)
  expect(unwatched.html).toContain('No vendors on this stack yet.')
  expect(unwatched.html).not.toContain(retitled)
  await expectCachedCopy(request, path)
  await page.getByRole('button', { name: 'Watch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli', exact: true })).toBeVisible()
  expect((await publicPage(request, path)).html).toContain(retitled)

  // A rename: the old name stops answering at once, the new one shows the stack.
  await expectCachedCopy(request, path)
  const renamed = `${name}-new`
  await page.goto('/settings')
  await stack.getByLabel('Public name').fill(renamed)
  await stack.getByRole('button', { name: 'Change the name' }).click()
  await expect(stack.getByRole('link', { name: `/stacks/${renamed}` })).toBeVisible()
  expect((await publicPage(request, path)).status).toBe(404)
  const moved = await publicPage(request, `/stacks/${renamed}`)
  expect(moved.status).toBe(200)
  expect(moved.html).toContain(retitled)

  // Taken down: the cached copy under the new name goes too.
  await expectCachedCopy(request, `/stacks/${renamed}`)
  await stack.getByRole('button', { name: 'Take the public page down' }).click()
  await expect(stack.getByText('Your stack is no longer public.')).toBeVisible()
  expect((await publicPage(request, `/stacks/${renamed}`)).status).toBe(404)
  expect((await publicPage(request, path)).status).toBe(404)

  await stageHooli(request) // Hooli as the other specs expect it
})

test('the vendor badge: SVG with the status in words, cacheable with an ETag, and a Markdown snippet on the vendor page', async ({ page, request }) => {
  await stageHooli(request)
  const badge = await request.get('/vendors/hooli/badge.svg')
  expect(badge.status()).toBe(200)
  expect(badge.headers()['content-type']).toContain('image/svg+xml')
  expect(badge.headers()['cache-control']).toContain('max-age=60')
  const etag = badge.headers().etag ?? ''
  expect(etag).toMatch(/^"[^"]+"$/)
  const svg = await badge.text()
  expect(svg).toContain('role="img"')
  expect(svg).toContain('<title>Hooli: Operational</title>')
  expect((await request.get('/vendors/hooli/badge.svg', { headers: { 'if-none-match': etag } })).status()).toBe(304)
  expect((await request.get('/vendors/no-such-vendor/badge.svg')).status()).toBe(404)

  await page.goto('/vendors/hooli')
  const snippet = page.getByRole('region', { name: 'Status badge' })
  const img = snippet.getByRole('img', { name: 'Hooli status badge' })
  await img.scrollIntoViewIfNeeded()
  await expect(img).toBeVisible()
  // The page's CSP lets the badge load: the browser decoded it.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
  await expect(snippet.getByLabel('Markdown')).toHaveValue(/^\[!\[Hooli status\]\(http:\/\/localhost:\d+\/vendors\/hooli\/badge\.svg\)\]\(http:\/\/localhost:\d+\/vendors\/hooli\)$/)
  // The badge section as readers see it (an SVG document itself cannot be shot full-page).
  for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
    await page.setViewportSize({ width, height: 800 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await snippet.screenshot({ path: `test-results/screenshots/badge-vendor-${label}-${scheme}.png` })
    }
  }
})
