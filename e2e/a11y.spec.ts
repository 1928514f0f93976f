// axe-core on every public page, the dashboard and settings, in light and dark: no serious or
// critical violation. (The stack pages are checked in stack.spec.ts.)
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'
import { stageHooli } from './support/hooli'

const PUBLIC_PAGES = ['/', '/vendors', '/vendors/globex', '/vendors/globex/incidents', '/vendors/hooli', '/pricing', '/sign-in', '/sign-up', '/forgot-password']
const SIGNED_IN_PAGES = ['/dashboard', '/settings', '/watchlist/hooli']

async function serious(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ url: new URL(page.url()).pathname, rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
}

async function check(page: Page, paths: string[]) {
  const found = []
  for (const path of paths) {
    await page.goto(path)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const v of await serious(page)) found.push({ scheme, ...v })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  return found
}

test('public pages: no serious or critical axe violations, light and dark', async ({ page, request }) => {
  test.setTimeout(120_000)
  await stageHooli(request)
  expect(await check(page, PUBLIC_PAGES)).toEqual([])
})

test('dashboard and settings: no serious or critical axe violations, light and dark', async ({ page, request }) => {
  test.setTimeout(120_000)
  await stageHooli(request)
  await signUp(page, uniqueEmail('axe'))
  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Watch Hooli', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli', exact: true })).toBeVisible()
  expect(await check(page, SIGNED_IN_PAGES)).toEqual([])
})
