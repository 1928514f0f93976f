import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { linkIn, signIn, signUp, uniqueEmail, waitForEmail } from './support/accounts'
import { runRefresh, setStatusPages } from './support/fixtures'
import { sentEmailsTo } from './support/mailbox'
import { shoot } from './support/screenshots'

const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../lib/ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))

// GitHub's recorded incident (investigating -> identified -> monitoring -> resolved), moved to the
// last hour so it is news, and revealed one update at a time as Hooli's status page.
const recorded = fixture('github-incident-rgy28jwprr1c-critical-full-lifecycle.json').incident
const page = fixture('github-summary-operational.json')
const start = Date.now() - 60 * 60_000
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
const updates = [...recorded.incident_updates].reverse() // oldest first

function incidentWith(count: number, extra: Record<string, unknown> = {}) {
  const shown = updates.slice(0, count).map((u, i) => ({ ...u, created_at: at(i * 5), display_at: at(i * 5), updated_at: at(i * 5) }))
  const last = shown.at(-1)
  return { ...recorded, status: last.status, started_at: at(0), created_at: at(0), updated_at: last.updated_at, resolved_at: last.status === 'resolved' ? last.created_at : null, incident_updates: [...shown].reverse(), ...extra }
}

async function publish(request: Parameters<typeof setStatusPages>[0], incident: Record<string, unknown>) {
  const open = incident.status !== 'resolved' && incident.status !== 'postmortem'
  await setStatusPages(request, [
    { path: '/hooli/api/v2/summary.json', body: JSON.stringify({ ...page, status: { indicator: open ? 'major' : 'none', description: open ? 'Partial System Outage' : 'All Systems Operational' }, incidents: open ? [incident] : [] }) },
    { path: '/hooli/api/v2/incidents.json', body: JSON.stringify({ page: page.page, incidents: [incident] }) },
  ])
}

test('a watcher gets exactly one threaded email per incident change, until they unsubscribe', async ({ page: browser, request }) => {
  test.setTimeout(90_000)
  // Hooli has been read before (a baseline alerts nobody).
  await runRefresh(request, 'hooli')

  const email = uniqueEmail('alerts')
  await signUp(browser, email)
  await browser.goto(linkIn(await waitForEmail(email, /Confirm your email/), '/verify'))
  await browser.goto('/vendors/hooli')
  await browser.getByRole('button', { name: 'Watch Hooli' }).click()
  await expect(browser.getByRole('button', { name: 'Unwatch Hooli' })).toBeVisible()

  const steps = [
    { incident: incidentWith(1), subject: 'Hooli — Incident: Notifications degredation (Investigating)', text: 'We are investigating a delay in webhook delivery.' },
    { incident: incidentWith(2), subject: 'Hooli — Incident: Notifications degredation (Identified)', text: 'Webhooks have recovered' },
    { incident: incidentWith(3), subject: 'Hooli — Incident: Notifications degredation (Monitoring)', text: 'A fix has been implemented' },
    { incident: incidentWith(4), subject: 'Hooli — Incident: Notifications degredation (Resolved)', text: null },
    {
      incident: incidentWith(4, { status: 'postmortem', postmortem_body: 'A bad configuration change overloaded the webhook queue.', postmortem_published_at: at(70) }),
      subject: 'Hooli — Incident: Notifications degredation (Postmortem)',
      text: 'A bad configuration change overloaded the webhook queue.',
    },
  ]
  let root: string | undefined
  for (const [i, step] of steps.entries()) {
    const before = (await sentEmailsTo(email)).filter((m) => m.subject.startsWith('Hooli')).length
    await publish(request, step.incident)
    await runRefresh(request, 'hooli')
    const alerts = (await sentEmailsTo(email)).filter((m) => m.subject.startsWith('Hooli'))
    expect(alerts, `one new email after step ${i + 1}`).toHaveLength(before + 1)
    const mail = alerts.at(-1)
    expect(mail?.subject).toBe(step.subject)
    if (step.text) expect(mail?.text).toContain(step.text)
    expect(mail?.text).toContain('/vendors/hooli/incidents/')
    if (i === 0) {
      root = mail?.headers['Message-ID']
      expect(root).toMatch(/^<incident-/)
    } else {
      expect(mail?.headers['In-Reply-To']).toBe(root)
      expect(mail?.headers.References).toBe(root)
    }
  }

  // Refreshing again changes nothing: no email.
  const settled = (await sentEmailsTo(email)).length
  await runRefresh(request, 'hooli')
  expect(await sentEmailsTo(email)).toHaveLength(settled)

  // One-click unsubscribe (RFC 8058), as a mail client does it, signed out.
  const last = (await sentEmailsTo(email)).at(-1)
  const oneClick = last?.headers['List-Unsubscribe']?.replace(/^<|>$/g, '') ?? ''
  expect(last?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  const unsubscribed = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } })
  expect(unsubscribed.status()).toBe(200)

  // A new incident: nothing for this reader any more.
  await publish(request, { ...incidentWith(1), id: 'newincident1', name: 'Another incident' })
  await runRefresh(request, 'hooli')
  expect(await sentEmailsTo(email)).toHaveLength(settled)

  // The unsubscribe page (from the email's footer link) says so, signed out too.
  await browser.context().clearCookies()
  await browser.goto(oneClick.replace('/api/unsubscribe', '/unsubscribe'))
  await expect(browser.getByText(`${email} gets no alerts about Hooli at the moment.`)).toBeVisible()
  await shoot(browser, 'unsubscribe-page')

  // Signed in, the dashboard says so and turns them back on; the next incident is mailed again.
  await signIn(browser, email)
  const banner = browser.getByRole('status').filter({ hasText: 'No alerts for one vendor.' })
  await expect(banner).toContainText('Hooli')
  await shoot(browser, 'dashboard-alerts-off')
  await banner.getByRole('button', { name: 'Turn Hooli alerts back on' }).click()
  await expect(banner).toHaveCount(0)
  await publish(request, { ...incidentWith(1), id: 'newincident2', name: 'A third incident' })
  await runRefresh(request, 'hooli')
  await expect.poll(async () => (await sentEmailsTo(email)).filter((m) => m.subject.includes('A third incident')).length).toBe(1)

  // The unsubscribe page undoes itself.
  await browser.goto(oneClick.replace('/api/unsubscribe', '/unsubscribe'))
  await browser.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(browser.getByText('Done. You will not get alerts about Hooli any more.')).toBeVisible()
  await browser.getByRole('button', { name: 'Turn alerts about Hooli back on' }).click()
  await expect(browser.getByText('Done. Alerts about Hooli are back on.')).toBeVisible()
  await browser.goto('/dashboard')
  await expect(browser.getByText('No alerts for one vendor.')).toHaveCount(0)
})
