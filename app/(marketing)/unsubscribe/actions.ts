'use server'

import { readUnsubscribeLink, setSubscribedByLink, type UnsubscribeScope } from '@/lib/accounts/unsubscribe-link'
import { publicAction } from '@/lib/actions/define-action'
import { type ActionState, failure } from '@/lib/validation/form'

/** `subscribed`: where the alerts stand after the button did its work. */
export type UnsubscribeState = ActionState<{ subscribed: boolean }> | null

/**
 * The buttons on the unsubscribe page (which works signed out: the signed token is the
 * authority): "Unsubscribe", and "Turn them back on" to undo it.
 */
export const unsubscribeAction = publicAction<{ scope: UnsubscribeScope; subscribe: boolean }, { subscribed: boolean }>(
  {
    name: 'unsubscribe',
    // The token is the authority; it never travels back into the page's state.
    secrets: ['token'],
    parse: (form, secrets) => {
      const token = form.get('token')
      const scope = typeof token === 'string' ? readUnsubscribeLink(token) : null
      if (!scope) return { ok: false, state: failure(form, secrets, { formError: 'This unsubscribe link is not valid. Change your alerts from your dashboard instead.' }) }
      return { ok: true, data: { scope, subscribe: form.get('intent') === 'resubscribe' } }
    },
    unexpected: 'Something went wrong. Please try again.',
  },
  async ({ scope, subscribe }) => {
    await setSubscribedByLink(scope, subscribe)
    return { ok: true, subscribed: subscribe }
  },
)
