import fs from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import type { ChatStandInState } from '@/lib/testing/fake-chat'
import { linkIn, signUp, uniqueEmail, waitForEmail } from './support/accounts'
import { FAKE_CHAT_URL } from './support/config'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'

const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../lib/ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))

// GitHub's recorded incident as Soylent's, in the last hour: investigating, then identified, then resolved.
const recorded = fixture('github-incident-rgy28jwprr1c-critical-full-lifecycle.json').incident
const page = fixture('github-summary-operational.json')
const start = Date.now() - 60 * 60_000
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
const updates = [...recorded.incident_updates].reverse() // oldest first: investigating, identified, monitoring, resolved

function incidentWith(indices: number[]) {
  const shown = indices.map((index, i) => ({ ...updates[index], created_at: at(i * 5), display_at: at(i * 5), updated_at: at(i * 5) }))
  const last = shown.at(-1)
  return { ...recorded, status: last.status, started_at: at(0), created_at: at(0), updated_at: last.updated_at, resolved_at: last.status === 'resolved' ? last.created_at : null, incident_updates: [...shown].reverse() }
}

async function publish(request: APIRequestContext, incident: Record<string, unknown>) {
  const open = incident.status !== 'resolved'
  await setStatusPages(request, [
    { path: '/soylent/api/v2/summary.json', body: JSON.stringify({ ...page, status: { indicator: open ? 'critical' : 'none', description: open ? 'Major System Outage' : 'All Systems Operational' }, incidents: open ? [incident] : [] }) },
    { path: '/soylent/api/v2/incidents.json', body: JSON.stringify({ page: page.page, incidents: [incident] }) },
  ])
}

async function slackState(request: APIRequestContext): Promise<ChatStandInState['slack']> {
  return ((await (await request.get(`${FAKE_CHAT_URL}/__state`)).json()) as ChatStandInState).slack
}

test('a user adds Slack through OAuth; an incident is one Slack message edited twice with two thread replies, under overlapping refreshes', async ({ page: browser, request }) => {
  test.setTimeout(120_000)
  await request.post(`${FAKE_CHAT_URL}/__reset`)
  await runRefresh(request, 'soylent') // Soylent has been read before: a baseline alerts nobody.

  const email = uniqueEmail('slack')
  await signUp(browser, email)
  await browser.goto(linkIn(await waitForEmail(email, /Confirm your email/), '/verify'))
  await browser.goto('/vendors/soylent')
  await browser.getByRole('button', { name: 'Watch Soylent' }).click()
  await expect(browser.getByRole('button', { name: 'Unwatch Soylent' })).toBeVisible()

  // Add to Slack: Slack's authorize page (the stand-in), Allow, back to our channel picker.
  await browser.goto('/settings/destinations')
  await shoot(browser, 'destinations-before-slack')
  await browser.getByRole('link', { name: 'Add to Slack' }).click()
  await expect(browser.getByRole('heading', { name: /Vendorwatch is requesting permission/ })).toBeVisible()
  await expect(browser.getByText('chat:write.public')).toBeVisible()
  await browser.getByRole('link', { name: 'Allow' }).click()
  await expect(browser).toHaveURL(/\/settings\/destinations\/slack$/)
  await expect(browser.getByRole('heading', { name: 'Connected to Acme Ops' })).toBeVisible()
  await shoot(browser, 'slack-channel-picker')
  await browser.getByLabel('Channel in Acme Ops').selectOption({ label: '#ops' })
  await browser.getByLabel('Name (optional)').fill('Ops channel')
  await browser.getByRole('button', { name: 'Send alerts here' }).click()
  await expect(browser).toHaveURL(/\/settings\/destinations(\?|$)/)
  await expect(browser.getByRole('heading', { name: /Ops channel/ })).toBeVisible()
  await expect(browser.getByTestId('masked-target')).toHaveText('#ops in Acme Ops')
  // The bot token never reaches the browser.
  expect(await browser.content()).not.toContain('xoxb-')
  await shoot(browser, 'destinations-with-slack')

  // Opened, updated, resolved: three overlapping refreshes each, as several schedulers could run them.
  for (const indices of [[0], [0, 1], [0, 1, 3]]) {
    await publish(request, incidentWith(indices))
    await Promise.all([runRefresh(request, 'soylent'), runRefresh(request, 'soylent'), runRefresh(request, 'soylent')])
  }
  await expect.poll(async () => (await slackState(request)).messages.length, { timeout: 20_000 }).toBe(1)
  await expect.poll(async () => (await slackState(request)).messages[0]?.replies.length ?? 0, { timeout: 20_000 }).toBe(2)
  const slack = await slackState(request)
  const message = slack.messages[0]
  expect(message?.channel).toBe('C0OPS00001')
  expect(message?.edits).toHaveLength(2)
  expect(message?.text).toBe(`Resolved: Soylent — ${recorded.name} (Resolved)`)
  expect(JSON.stringify(message?.blocks)).toContain('/vendors/soylent/incidents/')
  expect(message?.replies.map((r) => r.text)).toEqual([expect.stringContaining('Identified'), expect.stringContaining('Resolved')])

  // Another refresh changes nothing in Slack.
  await runRefresh(request, 'soylent')
  const after = await slackState(request)
  expect(after.messages).toHaveLength(1)
  expect(after.messages[0]?.edits).toHaveLength(2)
  expect(after.messages[0]?.replies).toHaveLength(2)

  // The destination shows its last delivery.
  await browser.reload()
  await expect(browser.getByTestId('last-result')).toContainText('Delivered')
})

test('a Slack install that did not start here is refused with a way to start again', async ({ page: browser }) => {
  await signUp(browser, uniqueEmail('slack-state'))
  await browser.goto('/api/slack/oauth/callback?code=stolen&state=forged')
  await expect(browser).toHaveURL(/\/settings\/destinations\/slack\?error=state$/)
  await expect(browser.getByRole('alert').filter({ hasText: 'did not start here' })).toBeVisible()
  await expect(browser.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', '/api/slack/install')
  await shoot(browser, 'slack-install-refused')
})
