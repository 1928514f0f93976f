'use server'

import { applyUnsubscribe } from '@/lib/data/unsubscribe'
import { env } from '@/lib/env'
import { readUnsubscribeToken } from '@/lib/notify/unsubscribe-token'

export type UnsubscribeState = { done: false; error?: string } | { done: true }

/** The button on the unsubscribe page (which works signed out: the signed token is the authority). */
export async function unsubscribeAction(_state: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const token = form.get('token')
  const scope = typeof token === 'string' ? readUnsubscribeToken(token, env.AUTH_SECRET) : null
  if (!scope) return { done: false, error: 'This unsubscribe link is not valid. Change your alerts from your dashboard instead.' }
  try {
    await applyUnsubscribe(scope)
    return { done: true }
  } catch (e) {
    console.error('[unsubscribe] failed:', e)
    return { done: false, error: 'Something went wrong. Please try again.' }
  }
}
