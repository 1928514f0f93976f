// Whether alert emails go out at all: the account's switch (User.emailAlerts) and each watch's
// (WatchlistEntry.alertsEnabled). An unsubscribe link turns one of them off; these turn them back
// on (or off) for the signed-in user. Per-watch preferences (components, impact) live in
// watch-preferences.ts and are kept while a watch is silent.
import { db } from '@/lib/db/client'

export interface AlertSwitches {
  /** false: no alert email at all (the user unsubscribed from everything). */
  accountOn: boolean
  /** Watched vendors whose alerts are off (unsubscribed from that vendor), by name. */
  mutedWatches: { slug: string; name: string }[]
}

export async function getAlertSwitches(userId: string): Promise<AlertSwitches> {
  const [user, muted] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { emailAlerts: true } }),
    db.watchlistEntry.findMany({
      where: { userId, alertsEnabled: false },
      select: { vendor: { select: { slug: true, name: true } } },
      orderBy: { vendor: { name: 'asc' } },
    }),
  ])
  return { accountOn: user?.emailAlerts ?? false, mutedWatches: muted.map((m) => m.vendor) }
}

/** All of the user's alert emails on or off. */
export async function setAccountAlerts(userId: string, on: boolean): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { emailAlerts: on } })
}

/** One watch's alerts on or off; false when the user does not watch that vendor. */
export async function setWatchAlerts(userId: string, vendorSlug: string, on: boolean): Promise<boolean> {
  const { count } = await db.watchlistEntry.updateMany({ where: { userId, vendor: { slug: vendorSlug } }, data: { alertsEnabled: on } })
  return count > 0
}
