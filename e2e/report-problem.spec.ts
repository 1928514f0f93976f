// The vendor page's report button (issue 19), signed out: one click counts a report, a second one
// from the same browser is "already counted"; the button itself says "Reported" at once; screenshots of the section, desktop and phone, light and dark.
import { expect, test } from '@playwright/test'
import { shoot } from './support/screenshots'

test('reports a problem signed out, once per browser per 30 minutes', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/vendors/hooli')
  const section = page.getByTestId('early-warning')
  await expect(section.getByRole('heading', { name: 'Having problems with Hooli?' })).toBeVisible()
  await section.getByRole('button', { name: 'Report a problem' }).click()
  await expect(section.getByRole('status')).toHaveText(/Thanks: your report about Hooli is counted\.|already counted/)
  // The button says so at once, without a reload, and cannot be pressed again.
  await expect(section.getByRole('button', { name: /^(Already )?[Rr]eported$/ })).toBeDisabled()
  await section.getByRole('status').scrollIntoViewIfNeeded()
  await shoot(page, 'report-problem')
  // A reload is a fresh form; the cookie still says who this browser is.
  await page.reload()
  await page.getByTestId('early-warning').getByRole('button', { name: 'Report a problem' }).click()
  await expect(page.getByTestId('early-warning').getByRole('status')).toHaveText('Your report about Hooli is already counted (one per 30 minutes).')
  await expect(page.getByTestId('early-warning').getByRole('button', { name: 'Already reported' })).toBeDisabled()
})
