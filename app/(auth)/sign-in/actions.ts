'use server'

import { CredentialsSignin } from 'next-auth'
import { redirect } from 'next/navigation'
import { dropOwnersStackPage } from '@/lib/pages/stack-page-drops'
import { fromSchema, publicAction } from '@/lib/actions/define-action'
import { signIn, SignInRateLimited } from '@/lib/auth/config'
import { rememberDevice } from '@/lib/auth/known-device-cookie'
import { safeReturnPath } from '@/lib/auth/return-path'
import { findUserIdByEmail } from '@/lib/data/users'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { ConfirmationRequiredError, LimitExceededError } from '@/lib/errors'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { signInSchema } from '@/lib/validation/auth'

/** The same words whether the email is unknown or the password wrong: no account discovery. */
const WRONG_CREDENTIALS = 'Email or password is incorrect.'

export const signInAction = publicAction({ name: 'sign-in', parse: fromSchema(signInSchema), secrets: ['password'] }, async ({ email, password, watch, next }, fail) => {
  try {
    await signIn('credentials', { email, password, redirect: false })
  } catch (e) {
    // Auth.js's own refusals are this action's known errors; anything else is the wrapper's to mask.
    if (e instanceof SignInRateLimited) return fail({ formError: `Too many sign-in attempts. Please try again ${describeRetryAfter(e.retryAfterMs)}.` })
    if (e instanceof CredentialsSignin) return fail({ formError: WRONG_CREDENTIALS })
    throw e
  }
  await rememberDevice(email)
  if (watch) await watchAfterSignIn(email, watch)
  redirect(safeReturnPath(next, watch ? `/vendors/${watch}` : '/dashboard'))
})

/** A signed-out visitor pressed Watch, then chose to sign in: add the vendor if the plan allows. */
async function watchAfterSignIn(email: string, slug: string): Promise<void> {
  try {
    const userId = await findUserIdByEmail(email)
    if (userId && (await addVendorToWatchlist(userId, slug)) === 'added') await dropOwnersStackPage(userId)
  } catch (e) {
    // At the limit, the vendor page they return to shows the Watch button and, on press, why not.
    // Not monitored: the page shows the button, which asks for the no-alerts confirmation on press.
    if (!(e instanceof LimitExceededError) && !(e instanceof ConfirmationRequiredError)) console.error('[sign-in] could not add the watched vendor:', e)
  }
}

