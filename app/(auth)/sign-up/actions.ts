'use server'

import { headers } from 'next/headers'
import { afterResponse } from '@/lib/accounts/after-response'
import { registerAccount } from '@/lib/accounts/sign-up'
import { fromSchema, publicAction } from '@/lib/actions/define-action'
import { clientIp } from '@/lib/auth/client-ip'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { signUpSchema } from '@/lib/validation/auth'

/**
 * Always ends at "check your email", for a new account and for an address that already has one
 * alike, so the form cannot tell anyone who has an account (see lib/accounts/sign-up.ts). Hence
 * no sign-in here: a new user signs in next (the form links to sign-in, carrying the vendor they
 * pressed Watch on, which sign-in adds).
 */
export const signUpAction = publicAction({ name: 'sign-up', parse: fromSchema(signUpSchema), secrets: ['password'] }, async ({ email, password, timeZone }, fail) => {
  const result = await registerAccount({ email, password, timeZone }, clientIp(await headers()), new Date(), afterResponse('sign-up'))
  if (!result.ok) return fail({ formError: `Too many sign-ups from here. Please try again ${describeRetryAfter(result.retryAfterMs)}.` })
  return { ok: true, message: `We sent an email to ${email}. Open the link in it to confirm your address, then sign in.` }
})
