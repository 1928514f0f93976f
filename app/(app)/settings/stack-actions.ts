'use server'

import { revalidatePath } from 'next/cache'
import { fromSchema, noInput, userAction } from '@/lib/actions/define-action'
import { dropStackPages, publicStackSlug } from '@/lib/pages/stack-page-drops'
import { clearStackSlug, issueStackToken, revokeStackToken, setStackSlug } from '@/lib/data/stack-pages'
import { env } from '@/lib/env'
import { ConflictError } from '@/lib/errors'
import { stackSlugSchema } from '@/lib/validation/stack-page'

const RETURN = '/settings#stack-heading'

/** Issues a private link (replacing any earlier one) and shows it once: only its hash is kept. */
export const issueStackLinkAction = userAction<undefined, { link?: string }>({ name: 'stack link issue', signInReturnTo: RETURN, parse: noInput }, async (_input, user) => {
  const token = await issueStackToken(user.id)
  revalidatePath('/settings')
  return { ok: true, link: new URL(`/s/${token}`, env.APP_URL).toString(), message: 'Your private link is ready. Copy it now: we keep only a fingerprint of it, so it cannot be shown again.' }
})

export const revokeStackLinkAction = userAction({ name: 'stack link revoke', signInReturnTo: RETURN, parse: noInput }, async (_input, user) => {
  await revokeStackToken(user.id)
  revalidatePath('/settings')
  return { ok: true, message: 'The private link no longer works.' }
})

export const publishStackAction = userAction({ name: 'stack publish', signInReturnTo: RETURN, parse: fromSchema(stackSlugSchema) }, async ({ slug }, user, fail) => {
  const before = await publicStackSlug(user.id)
  try {
    await setStackSlug(user.id, slug)
  } catch (e) {
    if (e instanceof ConflictError) return fail({ fieldErrors: { slug: [e.message] } })
    throw e
  }
  // A rename: the old name stops answering at once; the new one shows this stack, not a copy from before.
  dropStackPages([before, slug])
  revalidatePath('/settings')
  return { ok: true, message: `Your stack is public at /stacks/${slug}.` }
})

export const unpublishStackAction = userAction({ name: 'stack unpublish', signInReturnTo: RETURN, parse: noInput }, async (_input, user) => {
  const before = await publicStackSlug(user.id)
  await clearStackSlug(user.id)
  dropStackPages([before])
  revalidatePath('/settings')
  return { ok: true, message: 'Your stack is no longer public.' }
})
