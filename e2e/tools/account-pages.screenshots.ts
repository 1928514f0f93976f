// A tool, not a test: screenshots of the account pages for people to look at (see
// ../support/screenshots.ts), taken in desktop and phone widths, light and dark. It checks nothing
// the specs do not, so it is not part of `npm run test:e2e`; run it with `npm run screenshots`
// (playwright.screenshots.config.ts: the same fresh-database server as the e2e suite).
import { expect, test } from '@playwright/test'
import { signUp, uniqueEmail } from '../support/accounts'
import { shoot } from '../support/screenshots'

test('screenshots: sign-up, dashboard, alert preferences, settings', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/sign-up?watch=github&next=%2Fvendors%2Fgithub')
  await expect(page.getByRole('heading', { name: 'Watch GitHub' })).toBeVisible()
  await shoot(page, 'sign-up')

  await signUp(page, uniqueEmail('looks'))
  for (const slug of ['acme-cloud', 'github', 'stripe', 'openai', 'slack']) {
    await page.goto(`/vendors/${slug}`)
    await page.getByRole('button', { name: /^Watch / }).click()
    await expect(page.getByRole('button', { name: /^Unwatch / })).toBeVisible()
  }
  await page.goto('/dashboard?q=cloud')
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible()
  await shoot(page, 'dashboard')

  await page.goto('/watchlist/acme-cloud')
  await expect(page.getByRole('heading', { name: 'Alerts for Acme Cloud' })).toBeVisible()
  const choose = page.getByLabel('Only the ones I choose')
  if (await choose.isVisible()) await choose.check()
  await shoot(page, 'watch-preferences')

  await page.goto('/settings')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await shoot(page, 'settings')
})
