// Whether Vendorwatch can read a vendor's status at all. A vendor that is only listed ("Not
// monitored") shows no status and sends no alerts; watching it needs the user's say-so (see
// addVendorToWatchlist). No imports beyond types, so the Watch button (a client component) can use it.
import type { Platform } from '@/lib/db/generated/enums'

export function isMonitoredSource(source: { platform: Platform; apiUrl: string | null } | null): boolean {
  if (!source || source.platform === 'unknown') return false
  // status.io discovers its page id from the status page itself.
  return source.apiUrl !== null || source.platform === 'statusio'
}
