'use server'

import { headers } from 'next/headers'
import { afterResponse } from '@/lib/accounts/after-response'
import { requestPasswordReset } from '@/lib/accounts/password-reset'
import { fromSchema, publicAction } from '@/lib/actions/define-action'
import { clientIp } from '@/lib/auth/client-ip'
import { knownDeviceFor } from '@/lib/auth/known-device-cookie'
import { describeRetryAfter } from '@/lib/rate-limit/window'
import { forgotPasswordSchema } from '@/lib/validation/auth'

export const forgotPasswordAction = publicAction({ name: 'forgot-password', parse: fromSchema(forgotPasswordSchema) }, async ({ email }, fail) => {
  const result = await requestPasswordReset(email, clientIp(await headers()), new Date(), afterResponse('forgot-password'), await knownDeviceFor(email))
  if (!result.ok) return fail({ formError: `Too many reset requests. Please try again ${describeRetryAfter(result.retryAfterMs)}.` })
  // Identical whether or not the account exists.
  return { ok: true, message: `If an account exists for ${email}, we sent a link to reset its password. It works for 1 hour.` }
})
