// "Watch any status page": a signed-in user pastes the address of a page that is not in the
// catalog (served by the local status stand-in), Vendorwatch detects its platform, adds it, the
// user watches it, and its incidents arrive with the next refresh.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { FAKE_RESEND_URL, STATUS_SERVER_URL } from './support/config'
import { signUp, uniqueEmail } from './support/accounts'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'

const summary = JSON.parse(fs.readFileSync('lib/ingest/fixtures/statuspage/github-summary-three-open-incidents.json', 'utf8'))
// The stand-in's root plays a vendor the catalog does not know: "Vandelay", on Statuspage.
const vandelay = JSON.stringify({ ...summary, page: { ...summary.page, name: 'Vandelay', url: STATUS_SERVER_URL } })

test('a user adds a status page by its address, watches it and gets its incidents', async ({ page, request }) => {
  test.setTimeout(120_000)
  await setStatusPages(request, [
    { path: '/', body: '<!doctype html><html><head><title>Vandelay Status</title></head><body>Vandelay</body></html>' },
    { path: '/api/v2/summary.json', body: vandelay, recent: true },
  ])
  await signUp(page, uniqueEmail('adder'))

  const form = page.getByRole('form', { name: 'Watch any status page' })
  const address = form.getByLabel('Watch any status page')

  // Not a status page we can read: the answer names the platforms we can.
  await address.fill(FAKE_RESEND_URL)
  await form.getByRole('button', { name: 'Add and watch' }).click()
  await expect(form.getByText(/We could not find a status page we can read at 127\.0\.0\.1\. Vendorwatch reads status pages hosted on Atlassian Statuspage, incident\.io/)).toBeVisible({ timeout: 30_000 })

  // The stand-in's page: detected as Statuspage, added and watched.
  await address.fill(STATUS_SERVER_URL)
  await form.getByRole('button', { name: 'Add and watch' }).click()
  await expect(form.getByRole('status')).toContainText('Added Vandelay (Atlassian Statuspage) and watching it.', { timeout: 30_000 })
  await shoot(page, 'dashboard-added-by-url')
  await form.getByRole('link', { name: 'Open Vandelay' }).click()
  await expect(page.getByRole('heading', { name: 'Vandelay status' })).toBeVisible()
  await expect(page.getByText('not listed in the directory until we have reviewed it')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Unwatch Vandelay' })).toBeVisible()

  // Refreshed like every other vendor: its open incidents reach the watcher's dashboard.
  const refreshed = await runRefresh(request, 'vandelay')
  expect(refreshed.checked).toBeGreaterThanOrEqual(1)
  await page.goto('/dashboard')
  const watchlist = page.getByRole('region', { name: 'Your watchlist' })
  await expect(watchlist.getByRole('link', { name: 'Vandelay', exact: true })).toBeVisible()
  await expect(watchlist.getByText('3 active incidents')).toBeVisible()
  const feed = page.getByRole('region', { name: 'Incidents in the last 30 days' })
  await expect(feed.getByText('Incident with Pull Requests')).toBeVisible()
  await expect(feed.getByText('Notifications are delayed')).toBeVisible()
  await expect(feed.getByText('Copilot Policy Propagation Delays')).toBeVisible()

  // The same address again (written differently) is the same vendor; the directory does not list it yet.
  await address.fill(`${STATUS_SERVER_URL}/`)
  await form.getByRole('button', { name: 'Add and watch' }).click()
  await expect(form.getByRole('status')).toContainText('Vandelay is already in the catalog, and you watch it.')
  await page.goto('/vendors?q=vandelay')
  await expect(page.getByRole('region', { name: 'All vendors' }).getByText('Vandelay')).toHaveCount(0)
})

test('a vendor that is not monitored says so on its Watch button and needs a no-alerts confirmation', async ({ page }) => {
  await signUp(page, uniqueEmail('unmonitored'))
  // 1upHealth is in the seed catalog with no platform we read.
  await page.goto('/vendors/1uphealth')
  const button = page.getByRole('button', { name: 'Watch · Not monitored: 1upHealth (no alerts)' })
  await expect(button).toContainText('Not monitored')
  await button.click()
  await expect(page.getByRole('alert').filter({ hasText: 'not monitored' })).toContainText('1upHealth is not monitored: Vendorwatch cannot read its status page, so watching it sends no alerts')
  await shoot(page, 'vendor-not-monitored-confirm')
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 0 of 10 vendors on the Free plan.')).toBeVisible()

  await page.goto('/vendors/1uphealth')
  await page.getByRole('button', { name: 'Watch · Not monitored: 1upHealth (no alerts)' }).click()
  await page.getByRole('button', { name: 'Watch 1upHealth without alerts' }).click()
  await expect(page.getByRole('button', { name: 'Unwatch 1upHealth' })).toBeVisible()
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 1 of 10 vendors on the Free plan.')).toBeVisible()
})
