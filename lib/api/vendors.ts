// The public vendor API's two reads, one call each for their routes: the data, shaped as the
// documented JSON (lib/api/vendor-json.ts).
import { findVendorStatus } from '@/lib/data/vendor-status'
import { searchVendors } from '@/lib/data/vendors'
import { loadLeadTimes, loadPossibleOutage } from '@/lib/pages/early-warning'
import type { VendorQuery } from '@/lib/validation/vendor-query'
import { earlyWarningJson, vendorStatusJson, vendorSummaryJson } from './vendor-json'

/** GET /api/v1/vendors: one page of the search. */
export async function listVendorsJson(query: VendorQuery, now: Date, refreshIntervalMs: number) {
  const page = await searchVendors(query)
  return {
    total: page.total,
    // A search ranks at most 1,000 candidates: then `total` is a lower bound.
    ...(page.totalCapped && { totalCapped: true }),
    count: page.vendors.length,
    nextCursor: page.nextCursor,
    vendors: page.vendors.map((v) => ({
      ...vendorSummaryJson(v, now, refreshIntervalMs),
      // Search results say why they matched, and link to the component the query named.
      ...(v.match && {
        match: {
          kind: v.match.kind,
          alias: v.match.alias,
          component: v.match.component && { ...v.match.component, url: `/vendors/${v.slug}#component-${v.match.component.id}` },
        },
      }),
    })),
  }
}

/** GET /api/v1/vendors/{slug}: the vendor's status in detail, or null when there is no such vendor. */
export async function vendorDetailJson(slug: string, now: Date, refreshIntervalMs: number) {
  const vendor = await findVendorStatus(slug, now)
  if (!vendor) return null
  const [possibleOutage, lead] = await Promise.all([loadPossibleOutage(vendor.id), loadLeadTimes(vendor.id, now)])
  return { vendor: { ...vendorStatusJson(vendor, now, refreshIntervalMs, possibleOutage), earlyWarning: earlyWarningJson(possibleOutage, lead) } }
}
