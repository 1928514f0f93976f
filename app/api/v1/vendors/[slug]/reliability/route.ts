import { vendorReliabilityJson } from '@/lib/api/reliability'
import { jsonError, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { isSlug } from '@/lib/validation/url-input'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors/{slug}/reliability: incidents per month, durations by impact, worst components, over 30/90/365 days. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return unlessDatabaseUnavailable(async () => {
    const body = await vendorReliabilityJson(slug, new Date())
    if (!body) return jsonError(404, 'not_found', isSlug(slug) ? `No vendor with slug "${slug}".` : 'No such vendor.')
    return Response.json(body)
  })
}
