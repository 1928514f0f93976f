// Hostile input never costs a 500 (issue 13, findings 6 and 9): control characters and bad
// percent-encoding in every routed parameter, absurd lengths and page numbers, a non-ASCII way
// back after signing in, a huge form field on its way into a redirect header, and bodies too big
// for a server action, the Stripe webhook or Auth.js.
import http from 'node:http'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { PASSWORD, signUp, uniqueEmail } from './support/accounts'
import { E2E_APP_URL, E2E_CRON_SECRET } from './support/config'

const NUL = '%00'
const cron = { authorization: `Bearer ${E2E_CRON_SECRET}` }

/** Every route that takes a slug, id, search, category, page, `watch`, `next` or `vendor`, with a hostile value. */
const HOSTILE_TARGETS: { path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; expected: number[] }[] = [
  { path: `/vendors/git${NUL}hub`, expected: [400] },
  { path: `/vendors?q=git${NUL}hub`, expected: [400] },
  { path: `/vendors?category=Cloud${NUL}`, expected: [400] },
  { path: `/vendors?q=%0d%0aSet-Cookie:%20x=1`, expected: [400] },
  { path: `/vendors/globex/incidents/inc${NUL}`, expected: [400] },
  { path: `/vendors/git${NUL}hub/incidents`, expected: [400] },
  { path: '/vendors/globex/incidents?page=1e300', expected: [404] },
  { path: '/vendors/globex/incidents?page=-1', expected: [404] },
  { path: `/vendors/git${NUL}hub/feed.atom`, expected: [400] },
  { path: `/vendors/git${NUL}hub/maintenance.ics`, expected: [400] },
  { path: `/watchlist/git${NUL}hub`, expected: [400] },
  { path: `/sign-up?watch=git${NUL}hub`, expected: [400] },
  { path: `/sign-in?next=%2Fvendors${NUL}`, expected: [400] },
  // Next.js re-encodes a malformed query before the proxy sees it (the bad bytes become U+FFFD),
  // so the page gets a harmless value: refused by safeReturnPath's rules or kept, never a 500.
  { path: '/sign-in?watch=github&next=%2F%E0%A4', expected: [200, 400] },
  { path: '/vendors/%zz', expected: [400] },
  { path: `/vendors/${'a'.repeat(300)}`, expected: [404] },
  { path: `/vendors/globex/incidents/${'a'.repeat(300)}`, expected: [404] },
  // Valid encoding, but no slug or id of ours: the data layer finds nothing.
  { path: '/vendors/GitHub', expected: [404] },
  { path: '/vendors/%E6%97%A5%E6%9C%AC', expected: [404] },
  { path: '/vendors/globex/incidents/inc-1', expected: [404] },
  // API routes validate their own input (the proxy does not run for them).
  { path: `/api/v1/vendors/git${NUL}hub`, expected: [404] },
  { path: `/api/v1/vendors?q=git${NUL}hub`, expected: [400] },
  { path: `/api/v1/vendors?category=${NUL}`, expected: [400] },
  { path: `/api/cron/refresh?vendor=git${NUL}hub`, headers: cron, expected: [404] },
  { path: `/api/cron/refresh?vendor=${'a'.repeat(5000)}`, headers: cron, expected: [404] },
  { path: `/api/unsubscribe?token=x${NUL}`, method: 'POST', expected: [400] },
]

test('every route answers 400 or 404 to hostile parameters, never 500', async ({ request }) => {
  for (const target of HOSTILE_TARGETS) {
    const response = await request.fetch(target.path, { method: target.method ?? 'GET', headers: target.headers, maxRedirects: 0 })
    expect.soft(target.expected, `${target.method ?? 'GET'} ${target.path.slice(0, 120)} -> ${response.status()}`).toContain(response.status())
  }
})

test('a non-ASCII way back after signing in lands there, percent-encoded', async ({ page }) => {
  const email = uniqueEmail('hostile-next')
  // Sign-up ends at "check your email" (it never says whether the address had an account), and the
  // sign-in link it offers carries the way back.
  await page.goto(`/sign-up?next=${encodeURIComponent('/vendors?q=café')}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible({ timeout: 30_000 })
  await page.goto(`/sign-in?next=${encodeURIComponent('/vendors?q=café')}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Signing in hashes a password: slow on a busy machine.
  await expect(page).toHaveURL(/\/vendors\?q=caf%C3%A9$/, { timeout: 30_000 })

  await page.context().clearCookies()
  await page.goto(`/sign-in?next=${encodeURIComponent('/vendors?q=日本')}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/vendors\?q=%E6%97%A5%E6%9C%AC$/, { timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'Vendors', exact: true })).toBeVisible()
})

test('a huge form field never reaches a redirect header, and server actions refuse big bodies', async ({ page, request }) => {
  await signUp(page, uniqueEmail('hostile-form'))
  await page.goto('/vendors/globex')
  await page.getByRole('button', { name: 'Watch Globex', exact: true }).first().click()
  await expect(page.getByRole('button', { name: 'Unwatch Globex', exact: true }).first()).toBeVisible()
  await page.goto('/watchlist/globex')

  // Capture the Save request the browser would send, without letting it through.
  await page.route('**/watchlist/globex', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()))
  const [captured] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), page.getByRole('button', { name: 'Save preferences' }).click()])
  const headers = Object.fromEntries(Object.entries(await captured.allHeaders()).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)))
  const body = (captured.postDataBuffer() ?? Buffer.alloc(0)).toString('latin1')
  await page.unrouteAll()
  expect(body).toContain('globex')
  const withVendor = (vendor: string) => Buffer.from(body.replace(/(name="[^"]*vendor"\r\n\r\n)globex/, `$1${vendor}`), 'latin1')

  // Signed out (no cookie), a 100 KB vendor field used to come back as a 100 KB x-action-redirect header.
  const huge = await request.post(captured.url(), { headers, data: withVendor('x'.repeat(100_000)), maxRedirects: 0 })
  expect(huge.status()).toBeLessThan(500)
  for (const [name, value] of Object.entries(huge.headers())) expect(value.length, name).toBeLessThan(2_000)
  expect(huge.headers()['x-action-redirect'] ?? huge.headers().location ?? '').toMatch(/^\/sign-in/)

  // A body past the server-action limit is refused, not parsed.
  const tooBig = await request.post(captured.url(), { headers, data: withVendor('x'.repeat(1024 * 1024)), maxRedirects: 0 })
  expect(tooBig.status()).toBe(413)
  // Browsers always declare a POST's length; a chunked one is turned away before Next.js buffers it.
  expect(await postChunked('/watchlist/globex', 2 * 1024 * 1024)).toBe(411)
})

/** POSTs `totalBytes` without a Content-Length (chunked), as a stranger streaming junk would. */
function postChunked(path: string, totalBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(`${E2E_APP_URL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } }, (res) => {
      answered = true
      res.resume()
      resolve(res.statusCode ?? 0)
      req.destroy()
    })
    // The server may stop reading and close once it has answered: that is the point.
    req.on('error', (e) => (answered ? undefined : reject(e)))
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    const pump = () => {
      while (sent < totalBytes && !answered) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

async function postDeclared(request: APIRequestContext, path: string, bytes: number) {
  return (await request.post(path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: Buffer.alloc(bytes, 0x61), maxRedirects: 0 })).status()
}

test('the Stripe webhook and Auth.js refuse bodies over 1 MiB, chunked or declared', async ({ request }) => {
  expect(await postChunked('/api/webhooks/stripe', 2 * 1024 * 1024)).toBe(413)
  expect(await postChunked('/api/auth/signout', 2 * 1024 * 1024)).toBe(413)
  expect(await postDeclared(request, '/api/webhooks/stripe', 2 * 1024 * 1024)).toBe(413)
  expect(await postDeclared(request, '/api/auth/callback/credentials', 2 * 1024 * 1024)).toBe(413)
  // A small unsigned body is still read and refused for its signature.
  expect(await postDeclared(request, '/api/webhooks/stripe', 100)).toBe(400)
})
