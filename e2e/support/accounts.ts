// Accounts for the specs: unique emails, sign-up through the real form, and the links the app
// mails (read from the local Resend stand-in the e2e app sends through).
import { randomBytes } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { E2E_APP_URL } from './config'
import { sentEmails, type SentEmail } from './mailbox'

export const PASSWORD = 'correct horse battery staple'

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.com`
}

/** Waits for the newest message to `to` (optionally with a subject) and returns it. */
export async function waitForEmail(to: string, subject?: RegExp): Promise<SentEmail> {
  let found: SentEmail | undefined
  await expect
    .poll(
      async () => {
        found = (await sentEmails())
          .filter((m) => m.to === to && (!subject || subject.test(m.subject)))
          .at(-1)
        return found !== undefined
      },
      { message: `an email to ${to}`, timeout: 10_000 },
    )
    .toBe(true)
  return found as SentEmail
}

/** The first link into the app at `pathname` in a message's text. */
export function linkIn(mail: SentEmail, pathname: string): string {
  const match = (mail.text ?? '').match(new RegExp(`${E2E_APP_URL}${pathname}\\?token=[\\w-]+`))
  if (!match) throw new Error(`no ${pathname} link in "${mail.subject}"`)
  return match[0]
}

/**
 * Signs up through the form, then signs in (sign-up itself only says "check your email", the same
 * as for an address that already has an account) and lands on the dashboard.
 */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await signIn(page, email, password)
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // A password check is a deliberately slow hash; on a busy CI machine it can take seconds.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 })
}
