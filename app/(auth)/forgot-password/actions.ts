'use server'

import { headers } from 'next/headers'
import { afterResponse } from '@/lib/accounts/after-response'
import { requestPasswordReset } from '@/lib/accounts/password-reset'
import { clientIp } from '@/lib/auth/client-ip'
import { knownDeviceFor } from '@/lib/auth/known-device-cookie'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { forgotPasswordSchema } from '@/lib/validation/auth'
import { failure, type FormState, parseForm } from '@/lib/validation/form'

export async function forgotPasswordAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData)
  if (!parsed.ok) return parsed.state
  try {
    const { email } = parsed.data
    const result = await requestPasswordReset(email, clientIp(await headers()), new Date(), afterResponse('forgot-password'), await knownDeviceFor(email))
    if (!result.ok) return failure(formData, [], { formError: `Too many reset requests. Please try again ${describeRetryAfter(result.retryAfterMs)}.` })
  } catch (e) {
    console.error('[forgot-password] failed:', e)
    return failure(formData, [], { formError: 'Something went wrong on our side. Please try again.' })
  }
  // Identical whether or not the account exists.
  return { ok: true, message: `If an account exists for ${parsed.data.email}, we sent a link to reset its password. It works for 1 hour.` }
}
