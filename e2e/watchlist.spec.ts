import { expect, test } from '@playwright/test'
import { linkIn, PASSWORD, signUp, uniqueEmail, waitForEmail } from './support/accounts'
import { runRefresh, setStatusPages } from './support/fixtures'
import { shoot } from './support/screenshots'
import { initialPages } from './support/status-pages'

test('sign up, verify by email, watch ten vendors, be refused the eleventh, then swap one', async ({ page }) => {
  test.setTimeout(120_000)
  const email = uniqueEmail('watcher')
  await signUp(page, email)
  await expect(page.getByText('Verify your email to receive alerts.')).toBeVisible()

  const mail = await waitForEmail(email, /Confirm your email/)
  await page.goto(linkIn(mail, '/verify'))
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to your dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
  await expect(page.getByText('Verify your email to receive alerts.')).toHaveCount(0)

  await page.goto('/vendors')
  // Vendors having problems are listed twice (their own section and the full list); work in the full list.
  const all = page.getByRole('region', { name: 'All vendors' })
  // Vendors we cannot read ("Not monitored") need a confirmation first; this test is about the limit.
  const labels = await all
    .getByRole('button', { name: /^Watch (?!.*not monitored)/i })
    .evaluateAll((buttons) => buttons.slice(0, 11).map((b) => b.getAttribute('aria-label') ?? ''))
  const names = labels.map((l) => l.replace(/^Watch /, ''))
  expect(names).toHaveLength(11)

  for (const name of names.slice(0, 10)) {
    await all.getByRole('button', { name: `Watch ${name}`, exact: true }).click()
    await expect(all.getByRole('button', { name: `Unwatch ${name}`, exact: true })).toBeVisible()
  }

  const eleventh = names[10]!
  await all.getByRole('button', { name: `Watch ${eleventh}`, exact: true }).click()
  const refusal = page.getByRole('alert').filter({ hasText: 'The Free plan watches up to 10 vendors' })
  await expect(refusal).toBeVisible()
  await expect(refusal.getByRole('link', { name: 'See plans' })).toHaveAttribute('href', '/pricing')
  await expect(all.getByRole('button', { name: `Watch ${eleventh}`, exact: true })).toBeVisible()

  await all.getByRole('button', { name: `Unwatch ${names[0]}`, exact: true }).click()
  await expect(all.getByRole('button', { name: `Watch ${names[0]}`, exact: true })).toBeVisible()
  await all.getByRole('button', { name: `Watch ${eleventh}`, exact: true }).click()
  await expect(all.getByRole('button', { name: `Unwatch ${eleventh}`, exact: true })).toBeVisible()

  await page.goto('/dashboard')
  await expect(page.getByText('Watching 10 of 10 vendors on the Free plan.')).toBeVisible()
  const watchlist = page.getByRole('region', { name: 'Your watchlist' })
  await expect(watchlist.getByRole('link', { name: eleventh, exact: true })).toBeVisible()
  await expect(watchlist.getByRole('link', { name: names[0]!, exact: true })).toHaveCount(0)

  // A full watchlist points to the plans.
  await expect(page.getByText('Your watchlist is full.')).toBeVisible()
  await page.getByRole('link', { name: 'See plans' }).click()
  await expect(page.getByRole('heading', { name: 'Pricing' })).toBeVisible()
  await expect(page.getByText('Watch up to 10 vendors')).toBeVisible()
})

test('a signed-out visitor who presses Watch signs up and comes back with the vendor watched', async ({ page }) => {
  await page.goto('/vendors/github')
  await page.getByRole('link', { name: 'Watch GitHub' }).click()
  await expect(page).toHaveURL(/\/sign-up\?watch=github&next=%2Fvendors%2Fgithub$/)
  await expect(page.getByRole('heading', { name: 'Watch GitHub' })).toBeVisible()
  const visitor = uniqueEmail('visitor')
  await page.getByLabel('Email').fill(visitor)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  // Sign-up only says "check your email"; signing in next keeps the vendor to watch.
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await page.getByRole('link', { name: 'Continue to sign in' }).click()
  await expect(page).toHaveURL(/\/sign-in\?watch=github&next=%2Fvendors%2Fgithub$/)
  await page.getByLabel('Email').fill(visitor)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/vendors\/github$/)
  await expect(page.getByRole('button', { name: 'Unwatch GitHub' })).toBeVisible()
  await page.goto('/dashboard')
  await expect(page.getByRole('region', { name: 'Your watchlist' }).getByRole('link', { name: 'GitHub', exact: true })).toBeVisible()
})

test('from the directory, Watch keeps the search to come back to; an existing account can sign in instead', async ({ page, browser }) => {
  const email = uniqueEmail('returning')
  const other = await browser.newContext()
  await signUp(await other.newPage(), email)
  await other.close()

  await page.goto('/vendors?q=stripe')
  const watch = page.getByRole('link', { name: 'Watch Stripe', exact: true })
  await expect(watch).toHaveAttribute('href', '/sign-up?watch=stripe&next=%2Fvendors%3Fq%3Dstripe')
  await watch.click()
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/sign-in\?watch=stripe&next=%2Fvendors%3Fq%3Dstripe$/)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/vendors\?q=stripe$/)
  await expect(page.getByRole('button', { name: 'Unwatch Stripe', exact: true })).toBeVisible()
})

test('a server action posted from another origin is refused; the same request from ours works', async ({ page }) => {
  await signUp(page, uniqueEmail('origin'))
  await page.goto('/vendors/github')
  // Capture the Watch request the browser would send, without letting it through.
  await page.route('**/vendors/github', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()))
  const [captured] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), page.getByRole('button', { name: 'Watch GitHub' }).click()])
  const headers = Object.fromEntries(Object.entries(await captured.allHeaders()).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)))
  const body = captured.postDataBuffer() ?? Buffer.alloc(0)
  await page.unrouteAll()

  const forged = await page.request.post(captured.url(), { headers: { ...headers, origin: 'https://evil.example' }, data: body })
  expect(forged.status()).toBeGreaterThanOrEqual(400)
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 0 of 10 vendors')).toBeVisible()

  const genuine = await page.request.post(captured.url(), { headers, data: body })
  expect(genuine.status()).toBe(200)
  await page.goto('/dashboard')
  await expect(page.getByText('Watching 1 of 10 vendors')).toBeVisible()
})

test('alert preferences of a watch: chosen components, minimum impact, maintenance, daily digest', async ({ page, request, browser }) => {
  // Two sign-ups, a refresh and screenshots in four variants: more than 30 s on a loaded machine.
  test.setTimeout(120_000)
  // Components are known once the vendor has been read: read Acme Cloud's initial page here.
  await setStatusPages(request, initialPages().filter((p) => p.path.startsWith('/acme-cloud/')))
  await runRefresh(request, 'acme-cloud')
  // Another user watches GitHub, so that "another user's watch" below exists.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signUp(otherPage, uniqueEmail('other-watcher'))
  await otherPage.goto('/vendors/github')
  await otherPage.getByRole('button', { name: 'Watch GitHub' }).click()
  await expect(otherPage.getByRole('button', { name: 'Unwatch GitHub' })).toBeVisible()
  await other.close()

  await signUp(page, uniqueEmail('prefs'))
  await page.goto('/vendors/acme-cloud')
  await page.getByRole('button', { name: 'Watch Acme Cloud' }).click()
  await expect(page.getByRole('button', { name: 'Unwatch Acme Cloud' })).toBeVisible()
  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Alert settings for Acme Cloud' }).click()
  await expect(page.getByRole('heading', { name: 'Alerts for Acme Cloud' })).toBeVisible()
  await page.getByLabel('Only the ones I choose').check()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Choose at least one component, or all of them')).toBeVisible()
  await page.getByLabel('Git Operations').check()
  await page.getByLabel('API Requests').check()
  await page.getByLabel('Major and up').check()
  await page.getByLabel('Maintenance notices').uncheck()
  // Possible outages (unofficial early warning) are off until the watcher opts in.
  await expect(page.getByLabel('Possible outages (unofficial, early warning)')).not.toBeChecked()
  await page.getByLabel('Possible outages (unofficial, early warning)').check()
  // So are component changes without an incident (noisy).
  await expect(page.getByLabel('Component changes without an incident')).not.toBeChecked()
  await page.getByLabel('Component changes without an incident').check()
  await page.getByLabel('Daily digest').check()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Alert preferences saved.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Only the ones I choose')).toBeChecked()
  await expect(page.getByLabel('Git Operations')).toBeChecked()
  await expect(page.getByLabel('API Requests')).toBeChecked()
  await expect(page.getByLabel('Webhooks')).not.toBeChecked()
  await expect(page.getByLabel('Major and up')).toBeChecked()
  await expect(page.getByLabel('Maintenance notices')).not.toBeChecked()
  await expect(page.getByLabel('Possible outages (unofficial, early warning)')).toBeChecked()
  await expect(page.getByLabel('Component changes without an incident')).toBeChecked()
  await expect(page.getByLabel('Daily digest')).toBeChecked()
  await shoot(page, 'watch-alert-preferences')
  await page.goto('/dashboard')
  await expect(page.getByText('Alerts: 2 components · major and up · daily digest · no maintenance · early warnings · component changes')).toBeVisible()

  // Another user's watch is not there to be seen.
  await page.goto('/watchlist/github')
  await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible()
})
