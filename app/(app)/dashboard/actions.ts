'use server'

import { revalidatePath } from 'next/cache'
import { resendVerificationEmail } from '@/lib/accounts/email-verification'
import { dropOwnersStackPage } from '@/lib/pages/stack-page-drops'
import { fromSchema, noInput, userAction } from '@/lib/actions/define-action'
import { findOrAddStatusPage } from '@/lib/catalog/add-by-url'
import { detectionHttpClient } from '@/lib/catalog/detection-client'
import { addVendorToWatchlist } from '@/lib/data/watchlist'
import { ConfirmationRequiredError } from '@/lib/errors'
import { addStatusPageSchema } from '@/lib/validation/watchlist'

/** The "Resend link" of the verify-email banner. */
export const resendVerificationAction = userAction({ name: 'dashboard resend verification', signInReturnTo: '/dashboard', parse: noInput }, async (_input, user, fail) => {
  const result = await resendVerificationEmail(user.id, new Date())
  if (result.ok) return { ok: true, message: `Sent. Check ${result.email} for the link.` }
  if (result.reason === 'already_verified') return { ok: true, message: 'Your email is already confirmed.' }
  if (result.reason === 'rate_limited') return fail({ formError: 'We sent several links already. Please wait an hour before asking again.' })
  return fail({ formError: 'Something went wrong. Please try again.' })
})

/** Where the answer points: the vendor the address resolved to. */
export type AddStatusPageExtra = { vendorSlug?: string; vendorName?: string }

/**
 * "Watch any status page": the address resolves to a catalog vendor, or detection adds the page
 * as a new vendor (pending review for the directory); either way the user then watches it, within
 * the plan limit (LimitExceededError's words come from the wrapper).
 */
export const addStatusPageAction = userAction<{ url: string }, AddStatusPageExtra>(
  { name: 'dashboard add status page', signInReturnTo: '/dashboard', parse: fromSchema(addStatusPageSchema) },
  async ({ url }, user, fail) => {
    const found = await findOrAddStatusPage(user.id, url, { http: detectionHttpClient(), now: () => new Date() })
    if (found.kind === 'refused') return fail({ fieldErrors: { url: [found.message] } })
    const vendor = { vendorSlug: found.slug, vendorName: found.name }
    try {
      const watched = await addVendorToWatchlist(user.id, found.slug)
      revalidatePath('/dashboard')
      if (watched === 'added') await dropOwnersStackPage(user.id)
      if (found.kind === 'created') return { ok: true, ...vendor, message: `Added ${found.name} (${found.platformLabel}) and watching it. Its first check runs within a minute.` }
      return { ok: true, ...vendor, message: watched === 'added' ? `${found.name} is already in the catalog: watching it.` : `${found.name} is already in the catalog, and you watch it.` }
    } catch (e) {
      // Only a catalog vendor can be unmonitored (a new one is created only when detection read it).
      if (e instanceof ConfirmationRequiredError) return { ...fail({ formError: `${e.message} Open its page to watch it anyway.` }), ...vendor }
      throw e
    }
  },
)
