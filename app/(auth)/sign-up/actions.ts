'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { registerAccount } from '@/lib/accounts/sign-up'
import { clientIp } from '@/lib/auth/client-ip'
import { signIn } from '@/lib/auth/config'
import { rememberDevice } from '@/lib/auth/known-device-cookie'
import { authHref, safeReturnPath } from '@/lib/auth/return-path'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { signUpSchema } from '@/lib/validation/auth'
import { failure, type FormState, parseForm } from '@/lib/validation/form'

const SECRETS = ['password']

export async function signUpAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData, SECRETS)
  if (!parsed.ok) return parsed.state
  const { email, password, timeZone, watch, next } = parsed.data
  let userId: string
  try {
    const result = await registerAccount({ email, password, timeZone }, clientIp(await headers()), new Date())
    if (!result.ok && result.reason === 'email_taken') {
      return failure(formData, SECRETS, { fieldErrors: { email: ['There is already an account with this email. Sign in instead, or reset your password.'] } })
    }
    if (!result.ok) return failure(formData, SECRETS, { formError: `Too many sign-ups from here. Please try again ${describeRetryAfter(result.retryAfterMs)}.` })
    userId = result.userId
  } catch (e) {
    console.error('[sign-up] failed:', e)
    return failure(formData, SECRETS, { formError: 'Something went wrong on our side. Please try again.' })
  }
  // The account exists from here on: whatever fails next, the way forward is signing in.
  const signedIn = await signIn('credentials', { email, password, redirect: false }).then(
    () => true,
    (e: unknown) => {
      console.error('[sign-up] sign-in after sign-up failed:', e)
      return false
    },
  )
  if (!signedIn) redirect(authHref('/sign-in', { watch, next }))
  await rememberDevice(email)
  // The vendor a signed-out visitor pressed Watch on. A new account is far below any limit.
  if (watch) await addVendorToWatchlist(userId, watch).catch((e: unknown) => console.error('[sign-up] could not add the watched vendor:', e))
  redirect(safeReturnPath(next, watch ? `/vendors/${watch}` : '/dashboard'))
}

