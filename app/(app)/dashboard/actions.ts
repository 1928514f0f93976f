'use server'

import { revalidatePath } from 'next/cache'
import { resendVerificationEmail } from '@/lib/accounts/email-verification'
import { requireUser } from '@/lib/auth/session'
import { setAccountAlerts, setWatchAlerts } from '@/lib/data/alerts'
import { alertSwitchSchema } from '@/lib/validation/watchlist'

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

/**
 * The alert switches on the dashboard banner and in settings: all alert emails, or one watched
 * vendor's, on or off. The user comes from the session; the form only names the vendor.
 */
export async function setAlertsAction(formData: FormData): Promise<void> {
  const user = await requireUser('/dashboard')
  const parsed = alertSwitchSchema.safeParse({ vendor: formData.get('vendor'), on: formData.get('on') })
  // A forged or stale form: the page re-renders with the switches as they are.
  if (!parsed.success) return
  const { vendor, on } = parsed.data
  if (vendor) await setWatchAlerts(user.id, vendor, on)
  else await setAccountAlerts(user.id, on)
  revalidatePath('/dashboard')
  revalidatePath('/settings')
}
