// Logos without hotlinking (issue 16 item 5): fetched once by the scheduled work from the vendor's
// own status page (here the local stand-in), served from our origin; a monogram otherwise.
import { expect, test } from '@playwright/test'
import { E2E_APP_URL } from './support/config'
import { runRefresh } from './support/fixtures'
import { shoot } from './support/screenshots'

test('a vendor shows its own logo from our origin after a refresh, others a monogram, and no page loads a third-party image', async ({ page, request }) => {
  test.setTimeout(90_000)
  await runRefresh(request, 'umbrella')

  await page.goto('/vendors?q=umbrella')
  const row = page.getByRole('main').getByRole('listitem').first()
  await expect(row.getByTestId('vendor-name')).toHaveText('Umbrella')
  const logo = row.getByTestId('vendor-logo')
  await expect(logo).toHaveAttribute('src', /^\/vendors\/umbrella\/logo\?v=[0-9a-f]{12}$/)
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16)

  await page.goto('/vendors?q=github')
  await expect(page.getByRole('main').getByRole('listitem').first().getByTestId('vendor-monogram')).toHaveText('G')
  await shoot(page, 'directory-search')

  for (const path of ['/vendors', '/vendors/umbrella', '/vendors?q=aws']) {
    await page.goto(path)
    const sources = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).currentSrc || (i as HTMLImageElement).src))
    for (const src of sources) expect(new URL(src).origin, `${path}: ${src}`).toBe(E2E_APP_URL)
  }
  await page.goto('/vendors/umbrella')
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=..').getByTestId('vendor-logo')).toBeVisible()
  await shoot(page, 'vendor-page-logo')
})
