'use server'
// Shared server action: the Watch / Unwatch button (components/watchlist/watch-toggle.tsx) sits on
// the directory, the vendor pages and the dashboard.

import { revalidatePath } from 'next/cache'
import { dropOwnersStackPage } from '@/lib/pages/stack-page-drops'
import { addVendorToWatchlist, removeVendorFromWatchlist } from '@/lib/data/watchlist'
import { vendorSlugSchema, watchToggleSchema } from '@/lib/validation/watchlist'
import { type ActionState, failure } from '@/lib/validation/form'
import { ConfirmationRequiredError } from '@/lib/errors'
import { userAction } from './define-action'

/**
 * `watched`: what the button shows after the press (on a refusal, what it showed before).
 * `confirmNoAlerts`: the vendor is not monitored and the user has not confirmed yet.
 */
export type WatchExtra = { watched: boolean; confirmNoAlerts?: boolean }
export type WatchState = ActionState<WatchExtra> | null

const OUT_OF_DATE = 'This button is out of date. Reload the page and try again.'

const readToggle = (form: FormData) =>
  watchToggleSchema.safeParse({ vendor: form.get('vendor'), intent: form.get('intent'), confirmNoAlerts: form.get('confirmNoAlerts') ?? undefined })

/** The Watch / Unwatch button. The user comes from the session; the form only names the vendor. */
export const toggleWatchAction = userAction<{ vendor: string; intent: 'watch' | 'unwatch'; confirmNoAlerts?: 'yes' }, WatchExtra>(
  {
    name: 'watchlist toggle',
    signInReturnTo: (form) => {
      const slug = vendorSlugSchema.safeParse(form.get('vendor'))
      return slug.success ? `/vendors/${slug.data}` : '/dashboard'
    },
    parse: (form) => {
      const parsed = readToggle(form)
      return parsed.success ? { ok: true, data: parsed.data } : { ok: false, state: failure(form, [], { formError: OUT_OF_DATE }) }
    },
    notFound: 'We could not find this vendor. Reload the page and try again.',
    // A refusal leaves the button as it was (a refused Watch: not watched; a failed Unwatch: still
    // watched); a forged or stale form shows Watch. The plan limit's refusal (LimitExceededError)
    // brings its own words and the way to the plans.
    onFailure: (form) => ({ watched: readToggle(form).data?.intent === 'unwatch' }),
  },
  async ({ vendor, intent, confirmNoAlerts }, user, fail) => {
    if (intent === 'watch') {
      try {
        await addVendorToWatchlist(user.id, vendor, { acceptUnmonitored: confirmNoAlerts === 'yes' })
      } catch (e) {
        if (!(e instanceof ConfirmationRequiredError)) throw e
        return { ...fail({ formError: e.message }), watched: false, confirmNoAlerts: true }
      }
    } else await removeVendorFromWatchlist(user.id, vendor)
    // The dashboard lists the watchlist; public pages are cached for everyone and learn the
    // reader's watchlist in the browser (/api/me), so they are not touched, except the user's own
    // public stack page, which lists the watchlist itself.
    revalidatePath('/dashboard')
    await dropOwnersStackPage(user.id)
    return { ok: true, watched: intent === 'watch' }
  },
)
