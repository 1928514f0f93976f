// The security headers are on every page and the pages still work under them: no CSP violation in
// Chromium on the public pages (cached and per-request) or through sign-up and a watch.
import { expect, type Page, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'
import { runRefresh } from './support/fixtures'

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text())
  })
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`))
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation on ${location.pathname}: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`))
  })
  return violations
}

test('every page answers with the security headers, and token pages keep their URL out of the Referer', async ({ request }) => {
  await runRefresh(request, 'globex')
  for (const path of ['/', '/vendors', '/vendors/globex', '/sign-in', '/pricing', '/reset-password?token=abc', '/no-such-page']) {
    const response = await request.get(path, { maxRedirects: 0 })
    const headers = response.headers()
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy'], path).toContain("object-src 'none'")
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['referrer-policy'], path).toBe(path.startsWith('/reset-password') ? 'no-referrer' : 'strict-origin-when-cross-origin')
  }
  const api = await request.get('/api/v1/vendors?limit=1')
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'")
  // A per-request page carries a nonce, fresh every time.
  const csp = async () => (await request.get('/sign-in')).headers()['content-security-policy'] ?? ''
  const [a, b] = [await csp(), await csp()]
  expect(a).toMatch(/'nonce-[\w+/=]+' 'strict-dynamic'/)
  expect(a).not.toBe(b)
})

test('pages work with the CSP on: no violation on public pages, sign-up, or watching a vendor', async ({ page, request }) => {
  await runRefresh(request, 'globex')
  const violations = watchViolations(page)
  for (const path of ['/', '/vendors', '/vendors/globex', '/vendors/globex/incidents', '/pricing', '/sign-in', '/forgot-password']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  await signUp(page, uniqueEmail('csp'))
  await page.goto('/vendors/globex')
  await page.getByRole('button', { name: 'Watch Globex', exact: true }).first().click()
  await expect(page.getByRole('button', { name: 'Unwatch Globex', exact: true }).first()).toBeVisible()
  await page.goto('/settings')
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
})
