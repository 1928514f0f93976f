import { type APIRequestContext, expect, test } from '@playwright/test'
import { STATUS_SERVER_URL } from './support/config'
import { runRefresh, setStatusPages } from './support/fixtures'
import { initialPages } from './support/status-pages'
import { shoot } from './support/screenshots'

const OUTAGE = 'statuspage/github-summary-major-outage-35-updates.json'
const acmeInitialPages = () => initialPages().filter((p) => p.path.startsWith('/acme-cloud/'))

/** Acme Cloud's page reports the recorded outage with an open incident; the app reads it. */
async function showAcmeOutage(request: APIRequestContext) {
  const outage = await (await request.get(`${STATUS_SERVER_URL}/acme-cloud/api/v2/summary.json`)).json()
  await setStatusPages(request, [
    { path: '/acme-cloud/api/v2/summary.json', fixture: OUTAGE, recent: true },
    { path: '/acme-cloud/api/v2/incidents.json', body: JSON.stringify({ page: outage.page, incidents: [] }) },
  ])
  await runRefresh(request, 'acme-cloud')
}

test('a vendor page shows the real status after a refresh, and follows an outage', async ({ page, request }) => {
  // Other specs refresh too, so this one starts from a known page rather than "never checked"
  // (catalog.spec covers that state).
  await setStatusPages(request, acmeInitialPages())
  const first = await runRefresh(request, 'acme-cloud')
  expect(first.checked).toBeGreaterThanOrEqual(1)
  await page.goto('/vendors/acme-cloud')
  await expect(page.getByRole('heading', { name: 'All systems operational' })).toBeVisible()
  // The page is cached (ISR, up to a minute) and an unchanged check does not regenerate it, so an
  // earlier spec's rendering may say a few minutes.
  await expect(page.getByText(/Last checked (just now|\d+ minutes? ago)/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Components', exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Components', exact: true }).getByText('Git Operations')).toBeVisible()

  // The vendor's page now reports an outage with an open incident.
  await showAcmeOutage(request)
  await page.reload()
  // The page's indicator says "major" (partial outage); its open incident is critical, and an open
  // incident's impact sets the floor of the overall status (lib/status/open-incidents.ts).
  await expect(page.getByRole('heading', { name: 'Major outage' })).toBeVisible()
  await expect(page.getByTestId('banner-incident')).toHaveText('Active incident: Incident with GitHub.com')
  const active = page.getByRole('region', { name: 'Active incidents' })
  await expect(active.getByRole('heading', { level: 3 })).toHaveCount(1)
  await expect(active.getByText('Latest update')).toBeVisible()
  await expect(page.getByText('Major outage').first()).toBeVisible()

  const api = await (await request.get('/api/v1/vendors/acme-cloud')).json()
  expect(api.vendor).toMatchObject({ status: 'major_outage', freshness: 'fresh', readWarnings: [] })
  expect(api.vendor.incidents[0].updates).toHaveLength(35)
})

test('a failing status page keeps the last known status and says it may be out of date', async ({ page, request }) => {
  // The last known status: the outage, read from Acme Cloud's own page first.
  await setStatusPages(request, acmeInitialPages())
  await showAcmeOutage(request)
  await setStatusPages(request, [{ path: '/acme-cloud/api/v2/summary.json', body: '<html>Bad gateway</html>', status: 502 }])
  await runRefresh(request, 'acme-cloud')
  await page.goto('/vendors/acme-cloud')
  await expect(page.getByRole('heading', { name: 'Major outage' })).toBeVisible()
  await expect(page.getByText(/may be out of date/)).toBeVisible()
  // Plain words for the reader; the upstream error is for operators only.
  await expect(page.getByRole('region', { name: 'Major outage' }).getByText("We cannot read Acme Cloud's status page right now (since")).toBeVisible()
  await expect(page.getByTestId('answer')).toHaveText(/^We cannot read Acme Cloud's status page right now \(since \d\d:\d\d UTC, [^)]+\); when we last read it, it reported a major outage\.$/)
  await expect(page.getByText(/502|Bad gateway|http_error|status code/i)).toHaveCount(0)
})

test('an open incident is never read as operational, whatever the page indicator says (issue 14 #2)', async ({ page, request }) => {
  // GitHub, recorded 2026-08-18: indicator "none" ("All Systems Operational") next to an
  // investigating/major incident and a monitoring/minor one.
  const NONE = 'statuspage/github-summary-none-two-incidents-major-and-monitoring.json'
  await setStatusPages(request, [
    { path: '/acme-cloud/api/v2/summary.json', fixture: NONE, recent: true },
    { path: '/acme-cloud/api/v2/incidents.json', body: JSON.stringify({ incidents: [] }) },
  ])
  await runRefresh(request, 'acme-cloud')
  await page.goto('/vendors/acme-cloud')
  await expect(page.getByRole('heading', { name: 'Partial outage' })).toBeVisible()
  await expect(page.getByTestId('banner-incident')).toHaveText('Active incident: Incident with Actions and 1 more')
  await shoot(page, 'vendor-open-incident')
  const api = await (await request.get('/api/v1/vendors/acme-cloud')).json()
  expect(api.vendor).toMatchObject({ status: 'partial_outage', statusText: 'All Systems Operational' })
  // Leave Acme Cloud as the suite started it (specs that need its state set it up themselves).
  await setStatusPages(request, acmeInitialPages())
  await runRefresh(request, 'acme-cloud')
})

test('a page that moved platform says the status may be out of date, never an outage (platform drift)', async ({ page, request }) => {
  // Acme Cloud is catalogued as Statuspage; its page now answers like incident.io (the recorded
  // OpenAI compatible summary: all operational, ULID ids, no time zone).
  await setStatusPages(request, [
    { path: '/acme-cloud/api/v2/summary.json', fixture: 'incidentio/openai-summary-statuspage-compat.json', recent: true },
    { path: '/acme-cloud/api/v2/incidents.json', body: JSON.stringify({ incidents: [] }) },
  ])
  await runRefresh(request, 'acme-cloud')
  await page.goto('/vendors/acme-cloud')
  await expect(page.getByRole('heading', { name: 'All systems operational' })).toBeVisible()
  await expect(page.getByTestId('source-changed')).toHaveText(/Acme Cloud's status page seems to have moved .* may be out of date/)
  await shoot(page, 'vendor-source-changed')
  const api = await (await request.get('/api/v1/vendors/acme-cloud')).json()
  expect(api.vendor).toMatchObject({ status: 'operational', sourceChange: { kind: 'signature', detail: 'answers like incidentio, catalogued as statuspage' } })

  // Back on Statuspage: the note goes.
  await setStatusPages(request, acmeInitialPages())
  await runRefresh(request, 'acme-cloud')
  await page.reload()
  await expect(page.getByTestId('source-changed')).toHaveCount(0)
})
