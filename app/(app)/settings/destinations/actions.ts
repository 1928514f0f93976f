'use server'

import { revalidatePath } from 'next/cache'
import { fromSchema, userAction } from '@/lib/actions/define-action'
import { afterResponse } from '@/lib/accounts/after-response'
import { addDestination, removeDestination, rotateWebhookSecret, sendTest } from '@/lib/channels/manage'
import { destinationPlan, setDestinationEnabled } from '@/lib/data/destinations'
import { billingEnabled, env } from '@/lib/env'
import { channelHttp } from '@/lib/jobs/channels'
import { destinationLimitMessage } from '@/lib/plans/plans'
import { addDestinationSchema, destinationIdSchema, toggleDestinationSchema } from '@/lib/validation/destinations'

const PAGE = '/settings/destinations'

/** What the add form shows once: a webhook's signing secret. */
export interface AddedExtra {
  secret?: string
  addedName?: string
}

export const addDestinationAction = userAction<{ kind: (typeof addDestinationSchema)['_output']['kind']; name: string; target: string }, AddedExtra>(
  // The URL or key never travels back to the browser, not even after a refusal.
  { name: 'destinations add', signInReturnTo: PAGE, parse: fromSchema(addDestinationSchema), secrets: ['target'] },
  async (input, user, fail) => {
    const result = await addDestination(user.id, input)
    if (!result.ok) {
      if (result.field === 'target') return fail({ fieldErrors: { target: [result.error] } })
      if (result.field === 'limit') {
        const { plan } = await destinationPlan(user.id)
        return { ...fail({ formError: destinationLimitMessage(plan, input.kind, billingEnabled) }), ...(billingEnabled && plan === 'free' ? { upgradeUrl: '/pricing' } : {}) }
      }
      return fail({ formError: result.error })
    }
    revalidatePath(PAGE)
    return { ok: true, message: `${input.name} added.`, addedName: input.name, ...(result.secret ? { secret: result.secret } : {}) }
  },
)

export interface TestExtra {
  testOk?: boolean
}

export const sendTestAction = userAction<{ id: string }, TestExtra>(
  { name: 'destinations test', signInReturnTo: PAGE, parse: fromSchema(destinationIdSchema), notFound: 'That destination was deleted.' },
  async ({ id }, user, fail) => {
    const result = await sendTest(user.id, id, { http: channelHttp(), appUrl: env.APP_URL, now: () => new Date() })
    if (!result) return fail({ formError: 'That destination was deleted.' })
    revalidatePath(PAGE)
    return result.ok ? { ok: true, message: result.text, testOk: true } : { ...fail({ formError: result.text }), testOk: false }
  },
)

export const toggleDestinationAction = userAction(
  { name: 'destinations toggle', signInReturnTo: PAGE, parse: fromSchema(toggleDestinationSchema) },
  async ({ id, enabled }, user, fail) => {
    if (!(await setDestinationEnabled(user.id, id, enabled))) return fail({ formError: 'That destination was deleted.' })
    revalidatePath(PAGE)
    return { ok: true, message: enabled ? 'Turned on.' : 'Turned off: nothing is sent there until you turn it on.' }
  },
)

export const deleteDestinationAction = userAction({ name: 'destinations delete', signInReturnTo: PAGE, parse: fromSchema(destinationIdSchema) }, async ({ id }, user) => {
  // A Slack bot token is revoked after the answer (best effort): the delete never waits for Slack.
  await removeDestination(user.id, id, { defer: afterResponse('destinations delete') })
  revalidatePath(PAGE)
  return { ok: true, message: 'Deleted, with its saved URL or key.' }
})

export const rotateSecretAction = userAction<{ id: string }, { secret?: string }>(
  { name: 'destinations rotate secret', signInReturnTo: PAGE, parse: fromSchema(destinationIdSchema) },
  async ({ id }, user, fail) => {
    const secret = await rotateWebhookSecret(user.id, id)
    if (!secret) return fail({ formError: 'That webhook was deleted.' })
    revalidatePath(PAGE)
    return { ok: true, message: 'New signing secret. The old one no longer verifies.', secret }
  },
)
