'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { unsubscribeAction, type UnsubscribeState } from './actions'

/**
 * Unsubscribe, or undo it: one form whose button flips with the state. `subscribed` is where the
 * alerts stand when the page loads.
 */
export function UnsubscribeForm({ token, what, subscribed }: { token: string; what: string; subscribed: boolean }) {
  const [state, action, pending] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, null)
  const on = state?.ok ? state.subscribed : subscribed
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="intent" value={on ? 'unsubscribe' : 'resubscribe'} />
      {state?.ok && (
        <p role="status" className="font-medium text-emerald-700 dark:text-emerald-400">
          {state.subscribed ? `Done. ${capitalize(what)} are back on.` : `Done. You will not get ${what} any more.`}
        </p>
      )}
      {state && !state.ok && state.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
      <Button type="submit" variant={on ? 'primary' : 'secondary'} disabled={pending}>
        {on ? (pending ? 'Unsubscribing…' : 'Unsubscribe') : pending ? 'Turning back on…' : `Turn ${what} back on`}
      </Button>
    </form>
  )
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
