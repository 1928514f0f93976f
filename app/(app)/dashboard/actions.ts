'use server'

import { resendVerificationEmail } from '@/lib/accounts/email-verification'
import { noInput, userAction } from '@/lib/actions/define-action'

/** The "Resend link" of the verify-email banner. */
export const resendVerificationAction = userAction({ name: 'dashboard resend verification', signInReturnTo: '/dashboard', parse: noInput }, async (_input, user, fail) => {
  const result = await resendVerificationEmail(user.id, new Date())
  if (result.ok) return { ok: true, message: `Sent. Check ${result.email} for the link.` }
  if (result.reason === 'already_verified') return { ok: true, message: 'Your email is already confirmed.' }
  if (result.reason === 'rate_limited') return fail({ formError: 'We sent several links already. Please wait an hour before asking again.' })
  return fail({ formError: 'Something went wrong. Please try again.' })
})
