// The "Unsubscribe" link of every alert email, for its three entry points (the confirmation page,
// its buttons, and mail clients' one-click POST). The signed token is the authority, signed in or
// not; the secret that checks it stays here instead of in each route.
import { applyResubscribe, applyUnsubscribe, describeUnsubscribe, type UnsubscribeTarget } from '@/lib/data/unsubscribe'
import { env } from '@/lib/env'
import { readUnsubscribeToken, type UnsubscribeScope } from '@/lib/notify/unsubscribe-token'

export type { UnsubscribeScope }

/** Who and what a link names, or null when its signature does not hold. */
export function readUnsubscribeLink(token: string): UnsubscribeScope | null {
  return readUnsubscribeToken(token, env.AUTH_SECRET)
}

/** What the link would unsubscribe from; null when it is not valid or its user or watch is gone. */
export async function describeUnsubscribeLink(token: string): Promise<UnsubscribeTarget | null> {
  const scope = readUnsubscribeLink(token)
  return scope ? describeUnsubscribe(scope) : null
}

/** Alerts off (`subscribe` false) or back on, for a link already read. Idempotent. */
export async function setSubscribedByLink(scope: UnsubscribeScope, subscribe: boolean): Promise<void> {
  await (subscribe ? applyResubscribe(scope) : applyUnsubscribe(scope))
}

/** RFC 8058 one-click: alerts off at once, or 'invalid' for a link whose signature does not hold. */
export async function unsubscribeByLink(token: string): Promise<'done' | 'invalid'> {
  const scope = readUnsubscribeLink(token)
  if (!scope) return 'invalid'
  await applyUnsubscribe(scope)
  return 'done'
}
