'use server'

import { applyResubscribe, applyUnsubscribe } from '@/lib/data/unsubscribe'
import { env } from '@/lib/env'
import { readUnsubscribeToken } from '@/lib/notify/unsubscribe-token'

/** `subscribed`: where the alerts stand after the button did its work. */
export type UnsubscribeState = { done: false; error?: string } | { done: true; subscribed: boolean }

/**
 * The buttons on the unsubscribe page (which works signed out: the signed token is the
 * authority): "Unsubscribe", and "Turn them back on" to undo it.
 */
export async function unsubscribeAction(_state: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const token = form.get('token')
  const scope = typeof token === 'string' ? readUnsubscribeToken(token, env.AUTH_SECRET) : null
  if (!scope) return { done: false, error: 'This unsubscribe link is not valid. Change your alerts from your dashboard instead.' }
  const subscribe = form.get('intent') === 'resubscribe'
  try {
    await (subscribe ? applyResubscribe(scope) : applyUnsubscribe(scope))
    return { done: true, subscribed: subscribe }
  } catch (e) {
    console.error('[unsubscribe] failed:', e)
    return { done: false, error: 'Something went wrong. Please try again.' }
  }
}
