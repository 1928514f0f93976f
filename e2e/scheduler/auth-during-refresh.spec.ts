// The default configuration (`npm start`: embedded database, in-process scheduler) while a
// refresh cycle fails on ~1,000 vendors whose hosts do not resolve. Sign-up, sign-in and sign-out
// once took 10-11 s here: the cycle starved the event loop (chained embedded-database queries)
// and, with private networks allowed, filled the DNS lane of libuv's thread pool, so Next's
// server-action redirect, which fetches its own server, hit its 10 s connect timeout (issue 11 #2).
// The bound below is that timeout, not a performance target (bench:auth measures those).
import { expect, test, type Page } from '@playwright/test'
import { PASSWORD, uniqueEmail } from '../support/accounts'
import { cycleState, waitForRunningCycle } from './cycle'

/** Next's own limit for the redirect fetch of a server action: an action that needs it fails here. */
const REDIRECT_CONNECT_TIMEOUT_MS = 10_000

async function timed(action: () => Promise<void>): Promise<number> {
  const started = Date.now()
  await action()
  return Date.now() - started
}

async function signUpSignInSignOut(page: Page, email: string) {
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  // Sign-up ends at "check your email" whether or not the address had an account (issue 13 #4).
  const signUp = await timed(async () => {
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible({ timeout: 30_000 })
  })
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  const signIn = await timed(async () => {
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 })
  })
  await page.getByRole('button', { name: 'Account menu' }).click()
  const signOut = await timed(async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 })
  })
  return { signUp, signIn, signOut }
}

test('sign-up, sign-out and sign-in complete while the in-process refresh cycle runs', async ({ browser }) => {
  test.setTimeout(240_000)
  // First use compiles and loads every route involved; that is not what is measured here.
  const warm = await browser.newContext()
  await signUpSignInSignOut(await warm.newPage(), uniqueEmail('warm'))
  await warm.close()

  for (let round = 0; round < 2; round++) {
    const cycle = await waitForRunningCycle(120_000)
    const context = await browser.newContext()
    const times = await signUpSignInSignOut(await context.newPage(), uniqueEmail(`cycle${round}`))
    await context.close()
    test.info().annotations.push({ type: `round ${round}`, description: JSON.stringify(times) })
    for (const [action, ms] of Object.entries(times)) {
      expect(ms, `${action} took ${ms} ms during a refresh cycle`).toBeLessThan(REDIRECT_CONNECT_TIMEOUT_MS)
    }
    // The actions ran inside that cycle: it is still running, or it was when they ended.
    const after = await cycleState()
    expect(after.startedAt === cycle.startedAt || (after.startedAt !== null && cycle.startedAt !== null && after.startedAt > cycle.startedAt)).toBe(true)
    expect(after.checked).toBeGreaterThan(0)
  }
})
