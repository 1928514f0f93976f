'use server'

import { resendVerificationEmail } from '@/lib/accounts/email-verification'
import { requireUser } from '@/lib/auth/session'

export type ResendState = { ok: boolean; message: string } | null

export async function resendVerificationAction(): Promise<ResendState> {
  const user = await requireUser('/dashboard')
  try {
    const result = await resendVerificationEmail(user.id, new Date())
    if (result.ok) return { ok: true, message: `Sent. Check ${result.email} for the link.` }
    if (result.reason === 'already_verified') return { ok: true, message: 'Your email is already confirmed.' }
    if (result.reason === 'rate_limited') return { ok: false, message: 'We sent several links already. Please wait an hour before asking again.' }
    return { ok: false, message: 'Something went wrong. Please try again.' }
  } catch (e) {
    console.error('[dashboard] resend verification failed:', e)
    return { ok: false, message: 'Something went wrong on our side. Please try again.' }
  }
}
