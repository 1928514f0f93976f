import { isMonitoredSource } from '@/lib/catalog/platforms'
import type { VendorSummary } from '@/lib/data/vendors'
import { NotCheckedBadge, StatusBadge } from './status-badge'

/** The vendor's status as far as we honestly know it. */
export function VendorStatus({ vendor }: { vendor: Pick<VendorSummary, 'status' | 'source'> }) {
  if (!isMonitoredSource(vendor.source)) return <NotCheckedBadge reason="unmonitored" />
  if (!vendor.source?.lastSuccessAt) return <NotCheckedBadge reason={vendor.source?.lastCheckedAt ? 'unreadable' : 'not_checked'} />
  return <StatusBadge status={vendor.status} />
}
