import { expect, test } from '@playwright/test'
import { RATE_LIMITS } from '@/lib/auth/rate-limits'
import { linkIn, PASSWORD, signIn, signUp, uniqueEmail, waitForEmail } from './support/accounts'
import { E2E_PORT } from './support/config'

test('sign-in says the same for a wrong password and an unknown email, keeps the email typed; sign-out ends the session on the server', async ({ page, browser }) => {
  const email = uniqueEmail('known')
  const other = await browser.newContext()
  await signUp(await other.newPage(), email)
  await other.close()

  for (const attempt of [email, uniqueEmail('unknown')]) {
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(attempt)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible()
    await expect(page.getByLabel('Email')).toHaveValue(attempt)
    await expect(page.getByLabel('Password')).toHaveValue('')
  }

  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  // Someone copies the session cookie while the user is signed in: the copy works for now.
  const copy = await (await browser.newContext()).newPage()
  await copy.context().addCookies(await page.context().cookies())
  await copy.goto('/dashboard')
  await expect(copy.getByRole('heading', { name: 'Dashboard' })).toBeVisible()

  // The account menu signs out, and that ends the session on the server: the copy is refused.
  await page.getByRole('button', { name: 'Account menu' }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible()
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/)
  await copy.goto('/dashboard')
  await expect(copy).toHaveURL(/\/sign-in\?next=%2Fdashboard$/)
  await copy.context().close()
})

test('sign-up with an address that has an account says what a new sign-up says; the owner is told by email', async ({ page, browser }) => {
  const email = uniqueEmail('owner')
  const other = await browser.newContext()
  await signUp(await other.newPage(), email)
  await other.close()

  const answers: string[] = []
  for (const attempt of [uniqueEmail('newcomer'), email]) {
    await page.goto('/sign-up')
    await page.getByLabel('Email').fill(attempt)
    await page.getByLabel('Password').fill('somebody else password')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
    answers.push((await page.getByRole('main').innerText()).replace(attempt, '<email>'))
  }
  expect(answers[1]).toBe(answers[0])
  const notice = await waitForEmail(email, /tried to sign up/)
  expect(notice.text).toContain('/forgot-password')
})

test('a forgotten password is reset by an emailed link, which signs out other sessions', async ({ page, browser }) => {
  const email = uniqueEmail('forgetful')
  const elsewhere = await (await browser.newContext()).newPage()
  await signUp(elsewhere, email)

  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await page.getByLabel('Email').fill(uniqueEmail('nobody'))
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByText(/^If an account exists for .*, we sent a link/)).toBeVisible()

  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByText(`If an account exists for ${email}, we sent a link`, { exact: false })).toBeVisible()

  const link = linkIn(await waitForEmail(email, /Reset your/), '/reset-password')
  await page.goto(link)
  await page.getByLabel('New password', { exact: true }).fill('a new long password')
  await page.getByLabel('Repeat new password').fill('a different password')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByText('The two passwords do not match')).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill('a new long password')
  await page.getByLabel('Repeat new password').fill('a new long password')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  // The session that was open before the reset is gone; the link cannot be used again.
  await elsewhere.goto('/dashboard')
  await expect(elsewhere).toHaveURL(/\/sign-in/)
  await page.goto(link)
  await expect(page.getByText('This reset link has expired or was already used.')).toBeVisible()
})

test('settings: time zone, password (other sessions signed out), re-verified email change, deletion', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const email = uniqueEmail('settler')
  await signUp(page, email)
  const elsewhere = await (await browser.newContext()).newPage()
  await signIn(elsewhere, email)

  await page.goto('/settings')
  const timeZone = page.getByRole('combobox', { name: 'Time zone' })
  await timeZone.selectOption('Asia/Tokyo')
  await page.getByRole('button', { name: 'Save time zone' }).click()
  await expect(page.getByText('Times are now shown in Asia/Tokyo.')).toBeVisible()
  // The select shows the saved zone at once, not the one it was first rendered with.
  await expect(timeZone).toHaveValue('Asia/Tokyo')
  await page.reload()
  await expect(timeZone).toHaveValue('Asia/Tokyo')

  const passwordSection = page.getByRole('region', { name: 'Password' })
  await passwordSection.getByLabel('Current password').fill('wrong password')
  await passwordSection.getByLabel('New password', { exact: true }).fill('another long password')
  await passwordSection.getByLabel('Repeat new password').fill('another long password')
  await passwordSection.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordSection.getByText('That is not your current password')).toBeVisible()
  await passwordSection.getByLabel('Current password').fill(PASSWORD)
  await passwordSection.getByLabel('New password', { exact: true }).fill('another long password')
  await passwordSection.getByLabel('Repeat new password').fill('another long password')
  await passwordSection.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordSection.getByText('Password changed. Every other device has been signed out.')).toBeVisible()
  await elsewhere.goto('/dashboard')
  await expect(elsewhere).toHaveURL(/\/sign-in/)
  await page.goto('/dashboard')
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()

  const newEmail = uniqueEmail('moved')
  await page.goto('/settings')
  const emailSection = page.getByRole('region', { name: 'Email' })
  await emailSection.getByLabel('New email').fill(newEmail)
  await emailSection.getByLabel('Current password').fill('another long password')
  await emailSection.getByRole('button', { name: 'Send confirmation link' }).click()
  await expect(emailSection.getByText(`We sent a link to ${newEmail}.`, { exact: false })).toBeVisible()
  await page.reload()
  await expect(page.getByText(`Your account, ${email}.`)).toBeVisible()
  await expect(page.getByText(`Waiting for you to confirm ${newEmail}`, { exact: false })).toBeVisible()
  await page.goto(linkIn(await waitForEmail(newEmail, /Confirm your new email/), '/verify'))
  await expect(page.getByRole('heading', { name: 'Email changed' })).toBeVisible()
  await page.goto('/settings')
  await expect(page.getByText(`Your account, ${newEmail}.`)).toBeVisible()
  await expect((await waitForEmail(email, /email was changed/)).text).toContain(newEmail)

  const danger = page.getByRole('region', { name: 'Delete account' })
  await danger.getByRole('button', { name: 'Delete account…' }).click()
  await danger.getByLabel('Current password').fill('another long password')
  await danger.getByRole('button', { name: 'Delete my account' }).click()
  await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible()
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(newEmail)
  await page.getByLabel('Password').fill('another long password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible()
})

test('a client making up a new X-Forwarded-For for every request is still one client to the limits', async ({ browser }) => {
  // One fixed loopback address, so every request comes from the same peer, on a network of its own
  // (127.0.1.0/24; the other tests come from 127.0.0.1 or ::1): spending that network's reset budget
  // leaves every other test's alone, so this one may run in any order, or alone.
  test.setTimeout(120_000)
  const context = await browser.newContext({ baseURL: `http://127.0.1.1:${E2E_PORT}` })
  const page = await context.newPage()
  const max = RATE_LIMITS.resetPerNetwork.max
  let refused = -1
  for (let i = 0; i <= max && refused < 0; i++) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.${i}.7`, 'x-real-ip': `198.51.${i}.8` })
    await page.goto('/forgot-password')
    await page.getByLabel('Email').fill(uniqueEmail('rotating'))
    await page.getByRole('button', { name: 'Send reset link' }).click()
    const answer = page.getByText(/^If an account exists for|^Too many reset requests/)
    await expect(answer).toBeVisible()
    if ((await answer.textContent())?.startsWith('Too many')) refused = i
  }
  // Refused once the network's budget is spent, never on the first request.
  expect(refused).toBeGreaterThan(0)
  await context.close()
})
