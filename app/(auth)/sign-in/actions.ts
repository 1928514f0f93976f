'use server'

import { CredentialsSignin } from 'next-auth'
import { redirect } from 'next/navigation'
import { signIn, SignInRateLimited } from '@/lib/auth/config'
import { rememberDevice } from '@/lib/auth/known-device-cookie'
import { safeReturnPath } from '@/lib/auth/return-path'
import { findUserIdByEmail } from '@/lib/data/users'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { LimitExceededError } from '@/lib/errors'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { signInSchema } from '@/lib/validation/auth'
import { failure, type FormState, parseForm } from '@/lib/validation/form'

const SECRETS = ['password']
/** The same words whether the email is unknown or the password wrong: no account discovery. */
const WRONG_CREDENTIALS = 'Email or password is incorrect.'

export async function signInAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData, SECRETS)
  if (!parsed.ok) return parsed.state
  const { email, password, watch, next } = parsed.data
  try {
    await signIn('credentials', { email, password, redirect: false })
  } catch (e) {
    if (e instanceof SignInRateLimited) {
      return failure(formData, SECRETS, { formError: `Too many sign-in attempts. Please try again ${describeRetryAfter(e.retryAfterMs)}.` })
    }
    if (e instanceof CredentialsSignin) return failure(formData, SECRETS, { formError: WRONG_CREDENTIALS })
    console.error('[sign-in] failed:', e)
    return failure(formData, SECRETS, { formError: 'Something went wrong on our side. Please try again.' })
  }
  await rememberDevice(email)
  if (watch) await watchAfterSignIn(email, watch)
  redirect(safeReturnPath(next, watch ? `/vendors/${watch}` : '/dashboard'))
}

/** A signed-out visitor pressed Watch, then chose to sign in: add the vendor if the plan allows. */
async function watchAfterSignIn(email: string, slug: string): Promise<void> {
  try {
    const userId = await findUserIdByEmail(email)
    if (userId) await addVendorToWatchlist(userId, slug)
  } catch (e) {
    // At the limit, the vendor page they return to shows the Watch button and, on press, why not.
    if (!(e instanceof LimitExceededError)) console.error('[sign-in] could not add the watched vendor:', e)
  }
}
