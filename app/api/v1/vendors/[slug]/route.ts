import { jsonError, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { refreshIntervalMs } from '@/lib/env'
import { isSlug } from '@/lib/validation/url-input'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors/{slug}: status, components, incidents with updates, maintenances. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return unlessDatabaseUnavailable(async () => {
    const now = new Date()
    const vendor = await findVendorStatus(slug, now)
    if (!vendor) return jsonError(404, 'not_found', isSlug(slug) ? `No vendor with slug "${slug}".` : 'No such vendor.')
    return Response.json({ vendor: vendorStatusJson(vendor, now, refreshIntervalMs) })
  })
}
