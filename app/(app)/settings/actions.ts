'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { changePassword, deleteAccount, requestEmailChange, type PasswordCheck } from '@/lib/accounts/settings'
import { signIn, signOut } from '@/lib/auth/config'
import { requireUser } from '@/lib/auth/session'
import { updateTimeZone } from '@/lib/data/users'
import { failure, type FormState, parseForm } from '@/lib/validation/form'
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, timeZoneSchema } from '@/lib/validation/settings'

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword']
/** The query the settings page shows "password changed" for. */
const PASSWORD_CHANGED = 'changed=password'
const UNEXPECTED = 'Something went wrong on our side. Please try again.'
/**
 * The pages that show times in the user's own zone. All are rendered per request for one user, so
 * revalidating them drops only this browser's router cache; never the layout of `/`, which would
 * throw away every visitor's cached public pages.
 */
const TIME_ZONE_PAGES = ['/dashboard', '/settings']

function passwordProblem(formData: FormData, check: Exclude<PasswordCheck, 'ok'>): FormState {
  return check === 'rate_limited'
    ? failure(formData, PASSWORD_FIELDS, { formError: 'Too many password attempts. Please wait an hour and try again.' })
    : failure(formData, PASSWORD_FIELDS, { fieldErrors: { currentPassword: ['That is not your current password'] } })
}

export async function updateTimeZoneAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings')
  const parsed = parseForm(timeZoneSchema, formData)
  if (!parsed.ok) return parsed.state
  await updateTimeZone(user.id, parsed.data.timeZone)
  for (const path of TIME_ZONE_PAGES) revalidatePath(path)
  return { ok: true, message: `Times are now shown in ${parsed.data.timeZone}.` }
}

export async function changeEmailAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings')
  const parsed = parseForm(changeEmailSchema, formData, PASSWORD_FIELDS)
  if (!parsed.ok) return parsed.state
  try {
    const result = await requestEmailChange(user.id, parsed.data.email, parsed.data.currentPassword, new Date())
    if (!result.ok) {
      if (result.reason === 'same_email') return failure(formData, PASSWORD_FIELDS, { fieldErrors: { email: ['That is already your email'] } })
      return passwordProblem(formData, result.reason)
    }
  } catch (e) {
    console.error('[settings] email change failed:', e)
    return failure(formData, PASSWORD_FIELDS, { formError: UNEXPECTED })
  }
  revalidatePath('/settings')
  return { ok: true, message: `We sent a link to ${parsed.data.email}. Your email changes when you open it; until then we keep using ${user.email}.` }
}

export async function changePasswordAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings')
  const parsed = parseForm(changePasswordSchema, formData, PASSWORD_FIELDS)
  if (!parsed.ok) return parsed.state
  try {
    const check = await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword, new Date())
    if (check !== 'ok') return passwordProblem(formData, check)
    // The change signed out every session, this one too: give this browser a fresh one.
    await signIn('credentials', { email: user.email, password: parsed.data.newPassword, redirect: false })
  } catch (e) {
    console.error('[settings] password change failed:', e)
    return failure(formData, PASSWORD_FIELDS, { formError: UNEXPECTED })
  }
  // Not a plain re-render: this request still carries the old (now rejected) session cookie,
  // while the redirect's render sees the new one.
  redirect(`/settings?${PASSWORD_CHANGED}`)
}

export async function deleteAccountAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings')
  const parsed = parseForm(deleteAccountSchema, formData, PASSWORD_FIELDS)
  if (!parsed.ok) return parsed.state
  try {
    const check = await deleteAccount(user.id, parsed.data.currentPassword, new Date())
    if (check !== 'ok') return passwordProblem(formData, check)
  } catch (e) {
    console.error('[settings] account deletion failed:', e)
    return failure(formData, PASSWORD_FIELDS, { formError: UNEXPECTED })
  }
  await signOut({ redirectTo: '/goodbye' })
  return { ok: true }
}
