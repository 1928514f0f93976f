'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { afterResponse } from '@/lib/accounts/after-response'
import { changePassword, deleteAccount, requestEmailChange, type PasswordCheck } from '@/lib/accounts/settings'
import { dropStackPages, publicStackSlug } from '@/lib/pages/stack-page-drops'
import { type Fail, fromSchema, userAction } from '@/lib/actions/define-action'
import { signIn, signOut } from '@/lib/auth/config'
import { updateTimeZone } from '@/lib/data/users'
import type { ActionState } from '@/lib/validation/form'
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, timeZoneSchema } from '@/lib/validation/settings'

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword']
/** The query the settings page shows "password changed" for. */
const PASSWORD_CHANGED = 'changed=password'
/**
 * The pages that show times in the user's own zone. All are rendered per request for one user, so
 * revalidating them drops only this browser's router cache; never the layout of `/`, which would
 * throw away every visitor's cached public pages.
 */
const TIME_ZONE_PAGES = ['/dashboard', '/settings']

function passwordProblem(fail: Fail<object>, check: Exclude<PasswordCheck, 'ok'>): ActionState {
  return check === 'rate_limited'
    ? fail({ formError: 'Too many password attempts. Please wait an hour and try again.' })
    : fail({ fieldErrors: { currentPassword: ['That is not your current password'] } })
}

export const updateTimeZoneAction = userAction({ name: 'settings time zone', signInReturnTo: '/settings', parse: fromSchema(timeZoneSchema) }, async ({ timeZone }, user) => {
  await updateTimeZone(user.id, timeZone)
  for (const path of TIME_ZONE_PAGES) revalidatePath(path)
  return { ok: true, message: `Times are now shown in ${timeZone}.` }
})

export const changeEmailAction = userAction(
  { name: 'settings email change', signInReturnTo: '/settings', parse: fromSchema(changeEmailSchema), secrets: PASSWORD_FIELDS },
  async ({ email, currentPassword }, user, fail) => {
    const result = await requestEmailChange(user.id, email, currentPassword, new Date())
    if (!result.ok) {
      if (result.reason === 'same_email') return fail({ fieldErrors: { email: ['That is already your email'] } })
      return passwordProblem(fail, result.reason)
    }
    revalidatePath('/settings')
    return { ok: true, message: `We sent a link to ${email}. Your email changes when you open it; until then we keep using ${user.email}.` }
  },
)

export const changePasswordAction = userAction(
  { name: 'settings password change', signInReturnTo: '/settings', parse: fromSchema(changePasswordSchema), secrets: PASSWORD_FIELDS },
  async ({ currentPassword, newPassword }, user, fail) => {
    const check = await changePassword(user.id, currentPassword, newPassword, new Date())
    if (check !== 'ok') return passwordProblem(fail, check)
    // The change signed out every session, this one too: give this browser a fresh one.
    await signIn('credentials', { email: user.email, password: newPassword, redirect: false })
    // Not a plain re-render: this request still carries the old (now rejected) session cookie,
    // while the redirect's render sees the new one.
    redirect(`/settings?${PASSWORD_CHANGED}`)
  },
)

export const deleteAccountAction = userAction(
  { name: 'settings account deletion', signInReturnTo: '/settings', parse: fromSchema(deleteAccountSchema), secrets: PASSWORD_FIELDS },
  async ({ currentPassword }, user, fail) => {
    // Read first: the deletion takes the stack page's name with it, and its cached copy must go too.
    const stackSlug = await publicStackSlug(user.id)
    // Its Slack bot tokens are revoked after the answer (best effort): the deletion never waits for Slack.
    const check = await deleteAccount(user.id, currentPassword, new Date(), { defer: afterResponse('account deletion') })
    if (check !== 'ok') return passwordProblem(fail, check)
    dropStackPages([stackSlug])
    // Throws signOut's redirect to /goodbye, which the wrapper lets through.
    await signOut({ redirectTo: '/goodbye' })
    return { ok: true }
  },
)
