import { refreshIntervalMs } from '@/lib/env'
import { serveVendorBadge } from '@/lib/feeds/served'

export const dynamic = 'force-dynamic'

/** GET /vendors/{slug}/badge.svg: the vendor's status as an SVG badge (cacheable, ETag). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return serveVendorBadge(request, (await params).slug, new Date(), refreshIntervalMs)
}
