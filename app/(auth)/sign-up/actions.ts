'use server'

import { headers } from 'next/headers'
import { afterResponse } from '@/lib/accounts/after-response'
import { registerAccount } from '@/lib/accounts/sign-up'
import { clientIp } from '@/lib/auth/client-ip'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { signUpSchema } from '@/lib/validation/auth'
import { failure, type FormState, parseForm } from '@/lib/validation/form'

const SECRETS = ['password']

/**
 * Always ends at "check your email", for a new account and for an address that already has one
 * alike, so the form cannot tell anyone who has an account (see lib/accounts/sign-up.ts). Hence
 * no sign-in here: a new user signs in next (the form links to sign-in, carrying the vendor they
 * pressed Watch on, which sign-in adds).
 */
export async function signUpAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData, SECRETS)
  if (!parsed.ok) return parsed.state
  const { email, password, timeZone } = parsed.data
  try {
    const result = await registerAccount({ email, password, timeZone }, clientIp(await headers()), new Date(), afterResponse('sign-up'))
    if (!result.ok) return failure(formData, SECRETS, { formError: `Too many sign-ups from here. Please try again ${describeRetryAfter(result.retryAfterMs)}.` })
  } catch (e) {
    console.error('[sign-up] failed:', e)
    return failure(formData, SECRETS, { formError: 'Something went wrong on our side. Please try again.' })
  }
  return { ok: true, message: `We sent an email to ${email}. Open the link in it to confirm your address, then sign in.` }
}
