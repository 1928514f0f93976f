'use server'

import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth/session'
import { UPGRADE_PATH } from '@/lib/plans/plans'
import { addVendorToWatchlist, removeVendorFromWatchlist } from '@/lib/data/watchlist'
import { LimitExceededError, NotFoundError } from '@/lib/errors'
import { watchToggleSchema } from '@/lib/validation/watchlist'

export type WatchState = { ok: true; watched: boolean } | { ok: false; watched: boolean; message: string; upgradeUrl?: string } | null

/** The Watch / Unwatch button. The user comes from the session; the form only names the vendor. */
export async function toggleWatchAction(_prev: WatchState, formData: FormData): Promise<WatchState> {
  const parsed = watchToggleSchema.safeParse({ vendor: formData.get('vendor'), intent: formData.get('intent') })
  if (!parsed.success) return { ok: false, watched: false, message: 'This button is out of date. Reload the page and try again.' }
  const { vendor, intent } = parsed.data
  const user = await requireUser(`/vendors/${vendor}`)
  try {
    if (intent === 'watch') await addVendorToWatchlist(user.id, vendor)
    else await removeVendorFromWatchlist(user.id, vendor)
  } catch (e) {
    if (e instanceof LimitExceededError) return { ok: false, watched: false, message: e.message, upgradeUrl: UPGRADE_PATH }
    if (e instanceof NotFoundError) return { ok: false, watched: false, message: 'We could not find this vendor. Reload the page and try again.' }
    console.error('[watchlist] toggle failed:', e)
    return { ok: false, watched: intent === 'unwatch', message: 'Something went wrong on our side. Please try again.' }
  }
  // The dashboard lists the watchlist; public pages are cached for everyone and learn the reader's
  // watchlist in the browser (/api/me), so they are not touched.
  revalidatePath('/dashboard')
  return { ok: true, watched: intent === 'watch' }
}
