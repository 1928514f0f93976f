'use server'
// Shared server action: the alert switches on the dashboard banner and in settings.

import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth/session'
import { setAccountAlerts, setWatchAlerts } from '@/lib/data/alerts'
import { alertSwitchSchema } from '@/lib/validation/watchlist'

/**
 * All alert emails, or one watched vendor's, on or off. The user comes from the session; the form
 * only names the vendor. A plain form action, not through `userAction`: the switches show no
 * answer but the re-rendered page, so there is no state to return; an unexpected error goes to
 * the error page (which Next masks) rather than into a state nobody reads.
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
