// The one search behind the directory, the dashboard's add box and the API finds vendors by alias,
// component and close spelling (issue 16 item 4).
import { expect, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'
import { runRefresh } from './support/fixtures'
import { shoot } from './support/screenshots'

const results = (page: import('@playwright/test').Page) => page.getByRole('main').getByRole('listitem')

test('the directory finds GitHub from a typo, AWS from its abbreviation, and GitHub from "github actions"', async ({ page }) => {
  await page.goto('/vendors')
  const box = page.getByRole('searchbox', { name: 'Search vendors' })

  await box.fill('gihub')
  await expect(page).toHaveURL(/q=gihub/)
  await expect(results(page).first().getByTestId('vendor-name')).toHaveText('GitHub')
  await expect(results(page).first().getByTestId('search-match')).toHaveText('Similar spelling')

  await box.fill('aws')
  await expect(page).toHaveURL(/q=aws/)
  await expect(results(page).first().getByTestId('vendor-name')).toHaveText('Amazon Web Services')
  await expect(results(page).first().getByTestId('search-match')).toHaveText('Also known as “aws”')
  await shoot(page, 'search-alias')

  await box.fill('github actions')
  await expect(page).toHaveURL(/q=github\+actions/)
  await expect(results(page).first().getByTestId('vendor-name')).toHaveText('GitHub')

  await page.goto('/vendors?q=gcp')
  await expect(results(page).first().getByTestId('vendor-name')).toHaveText('Google Cloud')
})

test('a search naming a component finds its vendor and links to the component', async ({ page, request }) => {
  // The e2e world has no internet: Acme Cloud's page on the local stand-in is GitHub's recording,
  // so after a check it has GitHub's components, "Actions" among them.
  await runRefresh(request, 'acme-cloud')
  await page.goto('/vendors?q=acme%20actions')
  const first = results(page).first()
  await expect(first.getByTestId('vendor-name')).toHaveText('Acme Cloud')
  await expect(first.getByTestId('search-match')).toHaveText('Component: Actions')
  await shoot(page, 'search-component')
  await first.getByRole('link').first().click()
  await expect(page).toHaveURL(/\/vendors\/acme-cloud#component-/)
  const id = new URL(page.url()).hash.slice(1)
  await expect(page.locator(`[id="${id}"]`)).toContainText('Actions')

  const api = await request.get('/api/v1/vendors?q=acme%20actions')
  const body = await api.json()
  expect(body.vendors[0]).toMatchObject({ slug: 'acme-cloud', match: { kind: 'component', component: { name: 'Actions', url: `/vendors/acme-cloud#${id}` } } })
})

test("the dashboard's add box uses the same search: an abbreviation finds the vendor to watch", async ({ page }) => {
  await signUp(page, uniqueEmail('search'))
  const add = page.getByRole('complementary', { name: 'Add vendors' })
  await add.getByRole('searchbox', { name: 'Search vendors to watch' }).fill('gh')
  await add.getByRole('button', { name: 'Search' }).click()
  const found = add.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()
  await expect(found.getByRole('link', { name: 'GitHub' })).toBeVisible()
  await expect(found.getByTestId('search-match')).toHaveText('Also known as “gh”')
  await shoot(page, 'dashboard-search-alias')
  await found.getByRole('button', { name: 'Watch GitHub' }).click()
  await expect(found.getByRole('button', { name: 'Unwatch GitHub' })).toBeVisible()
})

test('the directory lists 25 vendors a page and pages on through the ranking', async ({ page }) => {
  // 25 rows, not 50: a cached view is sent whole on every visit (lib/pages/directory.ts).
  await page.goto('/vendors?q=a')
  const total = Number((await page.getByText(/^[\d,]+\+? vendors matching “a”$/).innerText()).replace(/[^\d]/g, ''))
  expect(total).toBeGreaterThan(25)
  const all = page.getByRole('region', { name: 'Results' }).getByRole('listitem')
  await expect(all).toHaveCount(25)
  const firstPage = await all.getByTestId('vendor-name').allInnerTexts()
  await shoot(page, 'directory-page')
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page →' }).click()
  await expect(page).toHaveURL(/cursor=/)
  const secondPage = await all.getByTestId('vendor-name').allInnerTexts()
  expect(secondPage.length).toBeGreaterThan(0)
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([])
})
