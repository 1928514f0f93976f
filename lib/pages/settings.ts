// What the settings page shows, loaded in one call: the account, an email change waiting for
// confirmation, the alert switches, and the time zones to choose from. Every read is the user's own.
import { findPendingEmailChange } from '@/lib/accounts/settings'
import { getAlertSwitches } from '@/lib/data/alerts'
import { getAccount } from '@/lib/data/users'
import { listTimeZones } from '@/lib/validation/time-zone'

/** Null when the account is gone (deleted in another tab). */
export async function loadSettings(userId: string, now: Date) {
  const [account, pending, alerts] = await Promise.all([getAccount(userId), findPendingEmailChange(userId, now), getAlertSwitches(userId)])
  return account ? { account, pending, alerts, zones: listTimeZones() } : null
}
