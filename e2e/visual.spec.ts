// Screenshots of the account pages for people to look at (not compared automatically): desktop
// and phone widths, light and dark. Written to test-results/screenshots/, outside git.
import { expect, test, type Page } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'

const OUT = 'test-results/screenshots'
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const
const SCHEMES = ['light', 'dark'] as const

async function shoot(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme })
      await page.screenshot({ path: `${OUT}/${name}-${viewport.name}-${colorScheme}.png`, fullPage: true })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

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
