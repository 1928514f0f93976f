// Issue 17: the vendor page answers "is it down?" in its first sentence (also its meta description
// and the API's summary), the home page leads with what is down now, and the vendor page shows its
// reliability history. Each test stages Initech itself, so it runs alone and in any order.
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'

const PAGE = { id: 'initechpage', name: 'Initech', url: 'https://status.initech.example', time_zone: 'Etc/UTC', updated_at: new Date().toISOString() }

const component = (id: string, name: string, status: string, position: number) => ({
  id,
  name,
  status,
  created_at: '2020-01-01T00:00:00.000Z',
  updated_at: new Date().toISOString(),
  position,
  description: null,
  showcase: false,
  start_date: null,
  group_id: null,
  page_id: PAGE.id,
  group: false,
  only_show_if_degraded: false,
})

function incident(id: string, o: { name: string; impact: string; status: string; startedAt: Date; resolvedAt: Date | null; components: ReturnType<typeof component>[] }) {
  const at = o.startedAt.toISOString()
  return {
    id,
    name: o.name,
    status: o.status,
    created_at: at,
    updated_at: (o.resolvedAt ?? o.startedAt).toISOString(),
    monitoring_at: null,
    resolved_at: o.resolvedAt?.toISOString() ?? null,
    impact: o.impact,
    shortlink: `https://stspg.io/${id}`,
    started_at: at,
    page_id: PAGE.id,
    incident_updates: [
      { id: `${id}u1`, status: o.status, body: `${o.name}: ${o.status}.`, incident_id: id, created_at: at, updated_at: at, display_at: at, affected_components: null },
    ],
    components: o.components,
    reminder_intervals: null,
  }
}

async function setInitech(request: APIRequestContext, summary: { indicator: string; description: string; components: unknown[]; incidents: unknown[] }, history: unknown[]) {
  await setStatusPages(request, [
    {
      path: '/initech/api/v2/summary.json',
      body: JSON.stringify({ page: PAGE, status: { indicator: summary.indicator, description: summary.description }, components: summary.components, incidents: summary.incidents, scheduled_maintenances: [] }),
    },
    { path: '/initech/api/v2/incidents.json', body: JSON.stringify({ page: PAGE, incidents: history }) },
    { path: '/initech/api/v2/scheduled-maintenances.json', body: JSON.stringify({ page: PAGE, scheduled_maintenances: [] }) },
  ])
  await runRefresh(request, 'initech')
}

const DAY = 86_400_000
const operational = () => [
  component('gitops', 'Git Operations', 'operational', 1),
  component('actions', 'Actions', 'operational', 2),
  component('prs', 'Pull Requests', 'operational', 3),
  component('pointer', 'Visit www.initech.example for more information', 'operational', 4),
]
/** An incident the vendor's list names from 40 days ago, spanning two days: before our first read. */
const oldIncident = () =>
  incident('oldspan', { name: 'Webhooks delayed', impact: 'critical', status: 'resolved', startedAt: new Date(Date.now() - 40 * DAY), resolvedAt: new Date(Date.now() - 38 * DAY), components: [operational()[0]!] })

/** Initech read once while fine (our first read, with its old incident), then with an outage that started after it. */
interface Outage {
  id: string
  startedAt: Date
}

async function stageInitechOutage(request: APIRequestContext): Promise<Outage> {
  // A new incident id each time: a test never depends on what an earlier one left open or resolved.
  const id = `outage${Date.now()}`
  await setInitech(request, { indicator: 'none', description: 'All Systems Operational', components: operational(), incidents: [] }, [oldIncident()])
  // Starts after that read, so it is ours, not the vendor's history.
  const startedAt = new Date()
  const down = operational().map((c) => (c.id === 'actions' || c.id === 'prs' ? { ...c, status: 'partial_outage' } : c))
  const open = incident(id, { name: 'Actions and Pull Requests failing', impact: 'major', status: 'investigating', startedAt, resolvedAt: null, components: down.filter((c) => c.status !== 'operational') })
  await setInitech(request, { indicator: 'major', description: 'Partial System Outage', components: down, incidents: [open] }, [open, oldIncident()])
  return { id, startedAt }
}

/** The outage is over: Initech is fine again. */
async function stageInitechFine(request: APIRequestContext, outage: Outage) {
  const over = incident(outage.id, { name: 'Actions and Pull Requests failing', impact: 'major', status: 'resolved', startedAt: outage.startedAt, resolvedAt: new Date(), components: [] })
  await setInitech(request, { indicator: 'none', description: 'All Systems Operational', components: operational(), incidents: [] }, [over, oldIncident()])
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const ANSWER = /^Initech is having a partial outage: Actions and Pull Requests are affected \(since \d\d:\d\d UTC, (under a minute|\d+ min)\)\.$/

test('the vendor page answers first; the same sentence is its meta description and the API summary', async ({ page, request }) => {
  const outage = await stageInitechOutage(request)
  await page.goto('/vendors/initech')
  const answer = page.getByTestId('answer')
  await expect(answer).toHaveText(ANSWER)
  const sentence = (await answer.textContent()) ?? ''
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', sentence)
  const api = await (await request.get('/api/v1/vendors/initech')).json()
  expect(api.vendor.summary).toMatch(ANSWER)
  // The placeholder pointer is not a component, on the page or in the API. (Components of the
  // stand-in's earlier Initech page stay listed: absence from one read is not removal.)
  const names = api.vendor.components.map((c: { name: string }) => c.name)
  expect(names).toEqual(expect.arrayContaining(['Git Operations', 'Actions', 'Pull Requests']))
  expect(names.filter((n: string) => /^Visit /.test(n))).toEqual([])
  await expect(page.getByText('Visit www.initech.example for more information')).toHaveCount(0)

  await stageInitechFine(request, outage)
  await page.reload()
  await expect(answer).toHaveText(/^No known problems at Initech right now \(checked (less than a minute|\d+ min) ago\)\.$/)
})

test('the home page leads with what is down now, and a refresh that ends the outage drops it at once', async ({ page, request }) => {
  const outage = await stageInitechOutage(request)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Down right now')
  const down = page.getByTestId('down-now')
  const initech = down.getByRole('listitem').filter({ hasText: 'Initech' })
  await expect(initech).toContainText('Initech is having a partial outage: Actions and Pull Requests are affected')
  await expect(initech.getByRole('link', { name: 'Actions and Pull Requests failing' })).toHaveAttribute('href', /\/vendors\/initech\/incidents\//)
  // Down now comes before the search.
  const headings = await page.getByRole('heading').allTextContents()
  expect(headings.indexOf('Down right now')).toBeLessThan(headings.indexOf('Is it down? Check any vendor'))
  await shoot(page, 'home-down-now')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    expect(await seriousAxeViolations(page)).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // The data is cached; the refresh that sees the outage end drops it, so the next visit knows.
  await stageInitechFine(request, outage)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Down right now')
  await expect(page.getByRole('link', { name: 'Initech', exact: true })).toHaveCount(0)
})

test('the vendor page shows its reliability history, marked where it predates our reading, and the API serves it', async ({ page, request }) => {
  await stageInitechOutage(request)
  await page.goto('/vendors/initech')
  const section = page.getByRole('region', { name: 'Reliability' })
  await expect(section.getByRole('img', { name: 'Incidents per month' })).toBeVisible()
  await expect(section.getByRole('columnheader', { name: '365 days' })).toBeVisible()
  await expect(section.getByRole('row', { name: /Critical impact/ })).toContainText('2 d')
  await expect(section.getByTestId('worst-components')).toContainText('Actions')
  await expect(section.getByTestId('reliability-history-note')).toContainText('started before we first read Initech')
  await section.scrollIntoViewIfNeeded()
  await shoot(page, 'vendor-answer-reliability')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    expect(await seriousAxeViolations(page)).toEqual([])
  }

  const body = await (await request.get('/api/v1/vendors/initech/reliability')).json()
  const year = body.windows.find((w: { days: number }) => w.days === 365)
  // Earlier tests may have left resolved outages of their own; the old one is the only one before our first read.
  expect(year).toMatchObject({ fromVendorHistory: 1, ongoing: 1 })
  expect(year.incidents).toBeGreaterThanOrEqual(2)
  expect(year.byImpact.find((s: { impact: string }) => s.impact === 'critical').medianDurationMs).toBe(2 * DAY)
  expect((await request.get('/api/v1/vendors/no-such-vendor/reliability')).status()).toBe(404)
})

test('the pricing page passes axe in light and dark', async ({ page }) => {
  await page.goto('/pricing')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    expect(await seriousAxeViolations(page)).toEqual([])
  }
})
