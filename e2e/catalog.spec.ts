import { expect, test } from '@playwright/test'

test('the landing page says what Vendorwatch does and searches the catalog', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Down right now')
  await expect(page.getByText(/watches the public status pages of 2,\d{3} cloud vendors/)).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search vendors' }).fill('git')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/vendors\?q=git/)
  await expect(page.getByRole('link', { name: /GitHub/ }).first()).toBeVisible()
})

test('the directory searches case-insensitively and filters by category', async ({ page }) => {
  await page.goto('/vendors?q=GITHUB')
  const results = page.getByRole('main').getByRole('listitem')
  await expect(results.first()).toContainText('GitHub')

  await page.goto('/vendors')
  await page.getByLabel('Category').selectOption('Payments & finance')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/category=Payments/)
  await expect(page.getByText(/^\d+ vendors in Payments & finance$/)).toBeVisible()
  const listed = page.getByRole('main').getByRole('listitem')
  expect(await listed.count()).toBeGreaterThan(10)
  for (const text of await listed.allInnerTexts()) expect(text).toContain('Payments & finance')

  await page.getByRole('searchbox', { name: 'Search vendors' }).fill('stripe')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('link', { name: /Stripe/ }).first()).toBeVisible()
})

test('a vendor page shows the vendor and says honestly that it has not been checked yet', async ({ page }) => {
  await page.goto('/vendors/github')
  await expect(page).toHaveTitle(/Is GitHub down\? GitHub status and outages/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GitHub status')
  await expect(page.getByText('Developer tools')).toBeVisible()
  await expect(page.getByRole('link', { name: /Official status page/ })).toHaveAttribute('href', 'https://www.githubstatus.com')
  await expect(page.getByText('Not checked yet.')).toBeVisible()
  // The answer first, and the same words as the meta description: no status we have not read.
  const answer = "We have not read GitHub's status page yet, so we cannot say whether GitHub is down right now."
  await expect(page.getByTestId('answer')).toHaveText(answer)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', answer)
})

test('an unknown vendor is a 404', async ({ page }) => {
  const response = await page.goto('/vendors/no-such-vendor')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible()
})

test('the JSON API lists the whole catalog', async ({ request }) => {
  const response = await request.get('/api/v1/vendors?limit=1')
  expect(response.ok()).toBe(true)
  const body = await response.json()
  expect(body.total).toBeGreaterThanOrEqual(1000)
  // Anonymous callers learn the status only (details need the cron secret or OPERATOR_TOKEN).
  // Degraded is allowed: the suite runs without outbound network and without the scheduler.
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ status: expect.stringMatching(/^(ok|degraded)$/) })
})
