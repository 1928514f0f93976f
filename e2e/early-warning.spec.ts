// Issue 19 on the pages: Vandelay (this spec's own vendor) has an open possible outage, users'
// reports over the last day and three measured lead times, staged in the e2e database (only the
// scheduled evaluation opens possible outages). Its vendor page shows the unofficial banner, the
// 24-hour chart and the median lead; the home page lists it, labelled; the report button works
// signed out. axe in light and dark; screenshots for people to look at.
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { e2eDatabaseAvailable, withE2eDatabase } from './support/e2e-db'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'

test.skip(!e2eDatabaseAvailable, 'stages rows in the e2e database: needs TEST_DATABASE_URL (as CI sets it)')

const MIN = 60_000
const DAY = 1440 * MIN
const SLUG = 'vandelay'
const EVIDENCE = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 }

async function stageSignals(now: number) {
  await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM "Vendor" WHERE slug = $1', [SLUG])
    const vendorId = rows[0]?.id
    if (!vendorId) throw new Error('Vandelay is missing from the e2e catalog')
    await db.query('DELETE FROM "ProblemReport" WHERE "vendorId" = $1', [vendorId])
    await db.query('DELETE FROM "PossibleOutage" WHERE "vendorId" = $1', [vendorId])
    const reports: [string, Date][] = []
    // The usual level: two networks an hour over the last four weeks' days...
    for (let minutes = 30; minutes < 28 * 1440; minutes += 30) reports.push([`usual-${minutes}`, new Date(now - minutes * MIN)])
    // ...and 23 networks in the last quarter of an hour.
    // All inside the chart's current 15-minute bar (a spread over the last 10 minutes split the spike
    // across two bars whenever the run started within 10 minutes after a quarter hour).
    const barStart = Math.floor(now / (15 * MIN)) * 15 * MIN
    for (let n = 0; n < 23; n++) reports.push([`spike-${n}`, new Date(barStart + Math.floor(((now - barStart) * n) / 23))])
    await db.query(
      `INSERT INTO "ProblemReport" (id, "vendorId", "browserKey", "networkKey", "createdAt")
       SELECT 'e2e-' || k, $1, 'browser-' || k, 'network-' || k, at FROM unnest($2::text[], $3::timestamptz[]) AS r(k, at)`,
      [vendorId, reports.map(([k]) => k), reports.map(([, at]) => at)],
    )
    const outage = (id: string, o: { openedAt: Date; closedAt?: Date; leadSeconds?: number }) =>
      db.query(
        `INSERT INTO "PossibleOutage" (id, "vendorId", "openKey", "openedAt", "closedAt", "closeReason", trigger, evidence, "leadSeconds", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'reports+probes', $7, $8, now())`,
        [id, vendorId, o.closedAt ? null : vendorId, o.openedAt, o.closedAt ?? null, o.closedAt ? 'official_incident' : null, JSON.stringify(EVIDENCE), o.leadSeconds ?? null],
      )
    await outage('e2e-open', { openedAt: new Date(now - 12 * MIN) })
    // Three earlier ones the vendor's page confirmed 10, 14 and 20 minutes later: a median of 14.
    for (const [i, lead] of [600, 840, 1200].entries()) {
      await outage(`e2e-lead-${i}`, { openedAt: new Date(now - (i + 2) * 7 * DAY), closedAt: new Date(now - (i + 2) * 7 * DAY + 30 * MIN), leadSeconds: lead })
    }
  })
}

/**
 * Two reads of Vandelay's page, the second surely a change (degraded, then fine again), so the
 * refresh drops the cached vendor page and the home page's list after the rows were staged.
 */
async function dropVandelaysCachedPages(request: APIRequestContext) {
  const page = { id: 'vandelaypage', name: 'Vandelay', url: 'https://status.vandelay.example', time_zone: 'Etc/UTC', updated_at: new Date().toISOString() }
  const component = (status: string) => ({
    id: 'imports',
    name: 'Imports',
    status,
    created_at: '2020-01-01T00:00:00.000Z',
    updated_at: new Date().toISOString(),
    position: 1,
    description: null,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: page.id,
    group: false,
    only_show_if_degraded: false,
  })
  for (const [indicator, description, status] of [
    ['minor', 'Minor Service Outage', 'degraded_performance'],
    ['none', 'All Systems Operational', 'operational'],
  ] as const) {
    await setStatusPages(request, [
      { path: `/${SLUG}/api/v2/summary.json`, body: JSON.stringify({ page, status: { indicator, description }, components: [component(status)], incidents: [], scheduled_maintenances: [] }) },
      { path: `/${SLUG}/api/v2/incidents.json`, body: JSON.stringify({ page, incidents: [] }) },
      { path: `/${SLUG}/api/v2/scheduled-maintenances.json`, body: JSON.stringify({ page, scheduled_maintenances: [] }) },
    ])
    await runRefresh(request, SLUG)
  }
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function expectAxeCleanInLightAndDark(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await seriousAxeViolations(page), colorScheme).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

// axe twice and eight screenshots per test: minutes on a loaded machine.
test.describe.configure({ timeout: 180_000 })

test.beforeAll(async ({ request }) => {
  await stageSignals(Date.now())
  await dropVandelaysCachedPages(request)
})

test('the vendor page shows the possible outage as unofficial, the 24-hour chart and the median lead', async ({ page, request }) => {
  await page.goto(`/vendors/${SLUG}`)
  // The answer names the possible outage as unofficial and keeps the vendor's page's word apart.
  await expect(page.getByTestId('answer')).toHaveText(/^Users report problems with Vandelay \(unofficial, since \d\d:\d\d UTC, [^)]+\); Vandelay's status page reports no problems \(checked [^)]+\)\.$/)
  const banner = page.getByTestId('possible-outage')
  await expect(banner.getByRole('heading', { name: 'Possible outage at Vandelay' })).toBeVisible()
  await expect(banner).toContainText(/Users report problems since \d\d:\d\d \S+ \(23 reports in 15 min, 8× usual\); 2 of 3 probes failing\./)
  await expect(banner.getByTestId('unofficial-label')).toHaveText("Unofficial: from Vendorwatch users' reports and our probes, not from Vandelay's status page.")

  const chart = page.getByTestId('reports-chart')
  await expect(chart.getByRole('img', { name: 'Problem reports about Vandelay over the last 24 hours' })).toBeVisible()
  // One bar per 15 minutes with reports; the newest holds the spike.
  expect(await chart.locator('rect[data-count]').count()).toBeGreaterThan(40)
  await expect(chart.locator('rect[data-count="23"]')).toHaveCount(1)
  await expect(chart.locator('figcaption')).toContainText('Most at once: 23 networks in the 15 minutes from')
  await expect(page.getByTestId('lead-time')).toContainText("Vendorwatch users saw problems a median 14 minutes before Vandelay's page")

  const api = await (await request.get(`/api/v1/vendors/${SLUG}`)).json()
  expect(api.vendor.earlyWarning).toMatchObject({ possibleOutage: { trigger: 'reports+probes', evidence: EVIDENCE }, medianLeadSeconds: 840, measuredIncidents: 3 })

  await expectAxeCleanInLightAndDark(page)
  await shoot(page, 'early-warning-vendor')
})

test('the home page lists the possible outage apart from official incidents, labelled unofficial', async ({ page }) => {
  await page.goto('/')
  const list = page.getByTestId('possible-outages')
  await expect(list.getByRole('heading', { name: 'Possible outages' })).toBeVisible()
  const item = list.getByRole('listitem').filter({ hasText: 'Vandelay' })
  await expect(item).toContainText('Unofficial')
  await expect(item).toContainText(/Users report problems \(23 reports in 15 min, 8× usual\); 2 of 3 probes failing, since \d\d:\d\d/)
  await expect(page.getByTestId('down-now').getByText('Vandelay')).toHaveCount(0)
  await expectAxeCleanInLightAndDark(page)
  await shoot(page, 'early-warning-home')
})
