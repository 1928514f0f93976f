import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test'
import { signUp, uniqueEmail } from './support/accounts'
import { E2E_STRIPE_SECRET_KEY, FAKE_STRIPE_URL } from './support/config'
import { shoot } from './support/screenshots'

// The Stripe stand-in delivers every webhook, and waits for the app's answer, before it sends the
// browser back; a step through it therefore includes a few round trips through the app.
const THROUGH_STRIPE = { timeout: 30_000 }
const FREE_LIMIT_REFUSAL = 'The Free plan watches up to 10 vendors'

const onStandIn = (path: string) => (url: URL) => url.href.startsWith(`${FAKE_STRIPE_URL}${path}`)

/** The directory's list of all vendors (its first page). */
async function directory(page: Page): Promise<Locator> {
  await page.goto('/vendors')
  return page.getByRole('region', { name: 'All vendors' })
}

/** The first `count` vendors not watched yet on the directory's first page (vendors in trouble are listed twice). */
async function directoryVendors(page: Page, count: number): Promise<{ all: Locator; names: string[] }> {
  const all = await directory(page)
  // Vendors we cannot read ("Not monitored") need a confirmation first; this test is about the limit.
  const labels = await all.getByRole('button', { name: /^Watch (?!.*not monitored)/i }).evaluateAll((buttons, n) => buttons.slice(0, n).map((b) => b.getAttribute('aria-label') ?? ''), count)
  const names = labels.map((l) => l.replace(/^Watch /, ''))
  expect(names).toHaveLength(count)
  return { all, names }
}

async function watch(all: Locator, name: string): Promise<void> {
  await all.getByRole('button', { name: `Watch ${name}`, exact: true }).click()
  await expect(all.getByRole('button', { name: `Unwatch ${name}`, exact: true })).toBeVisible()
}

async function expectRefused(page: Page, all: Locator, name: string): Promise<void> {
  await all.getByRole('button', { name: `Watch ${name}`, exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: FREE_LIMIT_REFUSAL })).toBeVisible()
  await expect(all.getByRole('button', { name: `Watch ${name}`, exact: true })).toBeVisible()
}

/** The webhook deliveries the stand-in made about one customer, as [type, the app's status]. */
async function deliveriesFor(request: APIRequestContext, checkoutSessionId: string): Promise<[string, number][]> {
  const session = await request.get(`${FAKE_STRIPE_URL}/v1/checkout/sessions/${checkoutSessionId}`, { headers: { authorization: `Bearer ${E2E_STRIPE_SECRET_KEY}` } })
  expect(session.ok()).toBe(true)
  const { customer } = (await session.json()) as { customer: string }
  const res = await request.get(`${FAKE_STRIPE_URL}/__deliveries?customer=${customer}`)
  return ((await res.json()) as { type: string; status: number }[]).map((d) => [d.type, d.status])
}

test('upgrade to Pro through Checkout to watch past 10, then cancel in the portal: the newest watch is paused', async ({ page, request }) => {
  test.setTimeout(180_000)
  await signUp(page, uniqueEmail('billing'))

  const { all, names } = await directoryVendors(page, 12)
  for (const name of names.slice(0, 10)) await watch(all, name)
  const eleventh = names[10]!
  const twelfth = names[11]!
  await expectRefused(page, all, eleventh)

  // Pricing reads the Pro price from Stripe; Upgrade goes to Stripe Checkout.
  await page.goto('/pricing')
  await expect(page.getByRole('heading', { name: 'Free', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Pro', exact: true })).toBeVisible()
  await expect(page.getByText(/\$9(\.00)? per month/)).toBeVisible()
  await shoot(page, 'pricing')
  await page.getByRole('button', { name: 'Upgrade to Pro' }).click()
  await expect(page).toHaveURL(onStandIn('/checkout/cs_'), THROUGH_STRIPE)
  await expect(page.getByRole('heading', { name: 'Stripe Checkout (local stand-in)' })).toBeVisible()
  await expect(page.getByText('$9.00 per month')).toBeVisible()

  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page).toHaveURL(/\/billing\/success\?session_id=cs_\w+$/, THROUGH_STRIPE)
  await expect(page.getByRole('heading', { name: 'Welcome to Pro' })).toBeVisible(THROUGH_STRIPE)
  await shoot(page, 'billing-success')
  const sessionId = new URL(page.url()).searchParams.get('session_id') as string
  // The app accepted every event, including the one it ignores.
  expect(await deliveriesFor(request, sessionId)).toEqual([
    ['customer.subscription.created', 200],
    ['checkout.session.completed', 200],
    ['invoice.paid', 200],
  ])

  // Pro: the eleventh vendor can be watched now.
  // The directory's first page (25 rows) still lists the eleventh: its first twelve watchable ones were
  // picked from it, and the ten watched since are among them.
  await watch(await directory(page), eleventh)
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 11 of 200 vendors on the Pro plan.')).toBeVisible()
  const watchlist = page.getByRole('region', { name: 'Your watchlist' })
  await expect(watchlist.getByText('Paused', { exact: true })).toHaveCount(0)

  // Cancel in the portal: back on the dashboard, Free again, with the newest watch paused.
  await page.getByRole('button', { name: 'Manage billing' }).click()
  await expect(page).toHaveURL(onStandIn('/portal/bps_'), THROUGH_STRIPE)
  await expect(page.getByRole('heading', { name: 'Billing portal (local stand-in)' })).toBeVisible()
  await expect(page.getByText(/^Status: active/)).toBeVisible()
  await page.getByRole('button', { name: 'Cancel plan' }).click()
  await expect(page).toHaveURL(/\/dashboard$/, THROUGH_STRIPE)
  expect((await deliveriesFor(request, sessionId)).at(-1)).toEqual(['customer.subscription.deleted', 200])

  await expect(page.getByText('Watching 11 of 10 vendors on the Free plan.')).toBeVisible()
  const notice = page.locator('[role="alert"], [role="status"]').filter({ hasText: '1 watch paused: your plan alerts for your 10 oldest watches.' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('link', { name: 'Upgrade to Pro' })).toHaveAttribute('href', '/pricing')
  await expect(watchlist.getByText('Paused', { exact: true })).toHaveCount(1)
  const newest = watchlist.getByRole('listitem').filter({ has: page.getByRole('link', { name: eleventh, exact: true }) })
  await expect(newest.getByText('Paused', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Manage billing' })).toBeVisible()
  await shoot(page, 'dashboard-downgraded')

  // Free again: still capped, so a twelfth watch is refused.
  await expectRefused(page, await directory(page), twelfth)
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 11 of 10 vendors on the Free plan.')).toBeVisible()
})

test('leaving Checkout with Back charges nothing and keeps the Free plan', async ({ page }) => {
  await signUp(page, uniqueEmail('billing-back'))
  await page.goto('/pricing')
  await page.getByRole('button', { name: 'Upgrade to Pro' }).click()
  await expect(page).toHaveURL(onStandIn('/checkout/cs_'), THROUGH_STRIPE)
  await page.getByRole('link', { name: 'Back' }).click()
  await expect(page).toHaveURL(/\/pricing\?checkout=cancelled$/)
  await expect(page.getByText('Checkout was cancelled and nothing was charged.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible()
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 0 of 10 vendors on the Free plan.')).toBeVisible()
})
