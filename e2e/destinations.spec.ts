import fs from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { linkIn, signUp, uniqueEmail, waitForEmail } from './support/accounts'
import { CHANNEL_STANDINS_URL } from './support/config'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'

const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../lib/ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))

// GitHub's recorded incident under an id of its own, moved to the last hour, shown on Hooli's page
// as opened (1 update) -> updated (2 updates) -> resolved (the resolving update).
const recorded = fixture('github-incident-rgy28jwprr1c-critical-full-lifecycle.json').incident
const summary = fixture('github-summary-operational.json')
const incidentId = `dest${Date.now().toString(36)}`
const start = Date.now() - 60 * 60_000
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
const updates = [...recorded.incident_updates].reverse() // oldest first

function incidentWith(indexes: number[]) {
  const shown = indexes.map((n, i) => ({ ...updates[n], id: `${incidentId}-u${n}`, incident_id: incidentId, created_at: at(i * 5), display_at: at(i * 5), updated_at: at(i * 5) }))
  const last = shown.at(-1)
  return {
    ...recorded,
    id: incidentId,
    shortlink: `https://stspg.io/${incidentId}`,
    status: last.status,
    started_at: at(0),
    created_at: at(0),
    updated_at: last.updated_at,
    resolved_at: last.status === 'resolved' ? last.created_at : null,
    incident_updates: [...shown].reverse(),
  }
}

async function publish(request: APIRequestContext, incident: Record<string, unknown> | null) {
  const open = incident && incident.status !== 'resolved'
  await setStatusPages(request, [
    { path: '/hooli/api/v2/summary.json', body: JSON.stringify({ ...summary, status: { indicator: open ? 'major' : 'none', description: open ? 'Partial System Outage' : 'All Systems Operational' }, incidents: open ? [incident] : [] }) },
    { path: '/hooli/api/v2/incidents.json', body: JSON.stringify({ page: summary.page, incidents: incident ? [incident] : [] }) },
  ])
}

interface Received {
  pagerduty: { routingKey: string; action: string; dedupKey: string | null }[]
  webhooks: { name: string; id: string | null; verified: boolean; body: { type?: string; incident?: { externalId?: string } } | null }[]
}
async function received(request: APIRequestContext): Promise<Received> {
  return (await (await request.get(`${CHANNEL_STANDINS_URL}/__received`)).json()) as Received
}

test('a Pro user adds a webhook and PagerDuty; an incident opened, updated and resolved reaches each once, under overlapping refreshes', async ({ page, request }) => {
  test.setTimeout(180_000)
  const hook = `e2e-${incidentId}`
  const routingKey = `E2E${incidentId}`.padEnd(32, '0').slice(0, 32)

  // Hooli has been read (a baseline alerts nobody).
  await publish(request, null)
  await runRefresh(request, 'hooli')

  const email = uniqueEmail('destinations')
  await signUp(page, email)
  await page.goto(linkIn(await waitForEmail(email, /Confirm your email/), '/verify'))

  // Free: one destination, PagerDuty offered as Pro only.
  await page.goto('/settings/destinations')
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  await expect(page.getByTestId('destination-usage')).toContainText('0 of 1 on the Free plan')
  await expect(page.getByRole('option', { name: 'PagerDuty (Pro)' })).toBeDisabled()
  await expect(page.getByRole('link', { name: 'Add to Slack' })).toHaveAttribute('href', '/api/slack/install')

  // A private address is refused at save time (the e2e server allows loopback, not this scheme).
  await page.getByLabel('Name').fill('Bad hook')
  await page.getByLabel('Endpoint URL').fill('ftp://10.0.0.1/hook')
  await page.getByRole('button', { name: 'Add destination' }).click()
  await expect(page.getByText(/This URL cannot be used/)).toBeVisible()
  // The URL typed is never sent back to the browser.
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('')

  // Pro through Checkout (the Stripe stand-in).
  await page.goto('/pricing')
  await expect(page.getByText('PagerDuty: pages open and resolve with the vendor')).toBeVisible()
  await page.getByRole('button', { name: 'Upgrade to Pro' }).click()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome to Pro' })).toBeVisible({ timeout: 30_000 })

  await page.goto('/vendors/hooli')
  await page.getByRole('button', { name: 'Watch Hooli' }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Hooli' })).toBeVisible()

  // A signed webhook: its secret is shown once; the receiver is told it to verify deliveries.
  await page.goto('/settings/destinations')
  await expect(page.getByTestId('destination-usage')).toContainText('0 of 20 on the Pro plan')
  await page.getByLabel('Kind').selectOption('webhook')
  await page.getByLabel('Name').fill('Ops receiver')
  await page.getByLabel('Endpoint URL').fill(`${CHANNEL_STANDINS_URL}/hooks/${hook}`)
  await page.getByRole('button', { name: 'Add destination' }).click()
  const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? ''
  expect(secret).toMatch(/^whsec_/)
  await request.post(`${CHANNEL_STANDINS_URL}/__secret/${hook}`, { data: secret, headers: { 'content-type': 'text/plain' } })

  await page.getByLabel('Kind').selectOption('pagerduty')
  await page.getByLabel('Name').fill('On-call')
  await page.getByLabel('Integration key').fill(routingKey)
  await page.getByRole('button', { name: 'Add destination' }).click()
  await expect(page.getByText('On-call added.')).toBeVisible()

  // Masked after saving: neither the URL's path nor the key is on the page.
  await page.reload()
  const html = await page.content()
  expect(html).not.toContain(routingKey)
  expect(html).not.toContain(`/hooks/${hook}`)
  expect(html).not.toContain(secret)
  const receiver = page.getByRole('listitem').filter({ hasText: 'Ops receiver' })
  await receiver.getByRole('button', { name: 'Send test' }).click()
  await expect(receiver.getByTestId('test-result')).toHaveText('Test delivered (HTTP 204).')

  // opened -> updated -> resolved, each step under three overlapping refreshes (cron route).
  for (const indexes of [[0], [0, 1], [0, 1, 3]]) {
    await publish(request, incidentWith(indexes))
    await Promise.all([runRefresh(request, 'hooli'), runRefresh(request, 'hooli'), runRefresh(request, 'hooli')])
  }
  // And once more: nothing new to send.
  await runRefresh(request, 'hooli')

  const got = await received(request)
  const mine = got.webhooks.filter((w) => w.name === hook && w.body?.type !== 'test')
  expect(mine.map((w) => w.verified)).toEqual([true, true, true])
  expect(mine.map((w) => w.body?.type)).toEqual(['incident.opened', 'incident.updated', 'incident.resolved'])
  expect(new Set(mine.map((w) => w.id)).size).toBe(3)
  expect(mine.every((w) => w.body?.incident?.externalId === incidentId)).toBe(true)
  const pages = got.pagerduty.filter((p) => p.routingKey === routingKey)
  expect(pages.map((p) => p.action)).toEqual(['trigger', 'resolve'])
  expect(pages[0]?.dedupKey).toBeTruthy()
  expect(pages[1]?.dedupKey).toBe(pages[0]?.dedupKey)

  // The page shows each destination's last result and the webhook's delivery log.
  await page.reload()
  await expect(receiver.getByTestId('last-result')).toContainText('Delivered: Notifications degredation (Resolved)')
  await receiver.getByText(/Delivery log/).click()
  await expect(receiver.getByRole('row')).toHaveCount(5) // header + test + 3 deliveries
  await shoot(page, 'settings-destinations')

  // Per-watch routing: the watch's alert page offers all destinations or chosen ones.
  await page.goto('/watchlist/hooli')
  const routing = page.getByRole('region', { name: 'Destinations' })
  await expect(routing.getByRole('radio', { name: 'All my destinations' })).toBeChecked()
  await routing.getByRole('radio', { name: /I choose/ }).check()
  await routing.getByRole('checkbox', { name: /On-call/ }).check()
  await routing.getByRole('button', { name: 'Save destinations' }).click()
  await expect(page.getByText('Alerts go to email and the destinations you chose.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Destinations' }).getByRole('checkbox', { name: /On-call/ })).toBeChecked()
  await expect(page.getByRole('region', { name: 'Destinations' }).getByRole('checkbox', { name: /Ops receiver/ })).not.toBeChecked()
  await shoot(page, 'watch-destinations')
})
