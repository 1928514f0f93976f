// Unsubscribing from alert emails, by a signed token from the email itself (no sign-in needed).
import { db } from '@/lib/db/client'

/** Whose alerts an unsubscribe link turns off (what its signed token carries, lib/notify/unsubscribe-token.ts). */
export interface UnsubscribeScope {
  userId: string
  /** null: every alert of this user. */
  vendorId: string | null
}

export interface UnsubscribeTarget {
  email: string
  /** null: all of the user's alerts. */
  vendor: { name: string; slug: string } | null
  alreadyOff: boolean
}

/** What a token would unsubscribe from, or null when its user or watch no longer exists. */
export async function describeUnsubscribe(scope: UnsubscribeScope): Promise<UnsubscribeTarget | null> {
  const user = await db.user.findUnique({ where: { id: scope.userId }, select: { email: true, emailAlerts: true } })
  if (!user) return null
  if (!scope.vendorId) return { email: user.email, vendor: null, alreadyOff: !user.emailAlerts }
  const watch = await db.watchlistEntry.findUnique({
    where: { userId_vendorId: { userId: scope.userId, vendorId: scope.vendorId } },
    select: { alertsEnabled: true, vendor: { select: { name: true, slug: true } } },
  })
  if (!watch) return null
  return { email: user.email, vendor: watch.vendor, alreadyOff: !watch.alertsEnabled }
}

/**
 * Turns the alerts off: one vendor's (the watch stays on the dashboard, silent) or all of them.
 * Idempotent, and a token for a deleted user or watch changes nothing.
 */
export async function applyUnsubscribe(scope: UnsubscribeScope): Promise<boolean> {
  return setScopeAlerts(scope, false)
}

/**
 * Undoes applyUnsubscribe with the same token: whoever can unsubscribe from an email can change
 * their mind from it. The watch's other preferences were kept while it was silent.
 */
export async function applyResubscribe(scope: UnsubscribeScope): Promise<boolean> {
  return setScopeAlerts(scope, true)
}

async function setScopeAlerts(scope: UnsubscribeScope, on: boolean): Promise<boolean> {
  if (!scope.vendorId) {
    return (await db.user.updateMany({ where: { id: scope.userId }, data: { emailAlerts: on } })).count > 0
  }
  const { count } = await db.watchlistEntry.updateMany({ where: { userId: scope.userId, vendorId: scope.vendorId }, data: { alertsEnabled: on } })
  return count > 0
}
