import { jsonError } from '@/lib/api/responses'
import { vendorSummaryJson } from '@/lib/api/vendor-json'
import { findVendorBySlug } from '@/lib/data/vendors'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors/{slug} */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const vendor = await findVendorBySlug(slug)
  if (!vendor) return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
  return Response.json({ vendor: vendorSummaryJson(vendor) })
}
