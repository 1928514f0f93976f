'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { unsubscribeAction, type UnsubscribeState } from './actions'

export function UnsubscribeForm({ token, what }: { token: string; what: string }) {
  const [state, action, pending] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, { done: false })
  if (state.done) {
    return (
      <p role="status" className="font-medium text-emerald-700 dark:text-emerald-400">
        Done. You will not get {what} any more.
      </p>
    )
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Unsubscribing…' : 'Unsubscribe'}
      </Button>
    </form>
  )
}
