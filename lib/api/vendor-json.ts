// The public JSON shape of a vendor (GET /api/v1/vendors and /api/v1/vendors/{slug}).
// Field names are part of the API contract documented in README.md.
import { isMonitoredSource } from '@/lib/catalog/platforms'
import type { VendorSummary } from '@/lib/data/vendors'

export function vendorSummaryJson(v: VendorSummary) {
  const monitored = isMonitoredSource(v.source)
  return {
    slug: v.slug,
    name: v.name,
    category: v.category,
    statusPageUrl: v.statusPageUrl,
    platform: v.source?.platform ?? 'unknown',
    monitored,
    /** null until the first successful check: we never report a status we have not read. */
    status: monitored && v.source?.lastSuccessAt ? v.status : null,
    lastCheckedAt: v.source?.lastCheckedAt?.toISOString() ?? null,
    lastSuccessfulCheckAt: v.source?.lastSuccessAt?.toISOString() ?? null,
    url: `/vendors/${v.slug}`,
  }
}
