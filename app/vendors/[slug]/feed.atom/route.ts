import { jsonError } from '@/lib/api/responses'
import { env } from '@/lib/env'
import { vendorIncidentFeed } from '@/lib/feeds/vendor-feeds'

export const dynamic = 'force-dynamic'

/** GET /vendors/{slug}/feed.atom: the vendor's incidents as an Atom feed. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const body = await vendorIncidentFeed(slug, env.APP_URL)
  if (body === null) return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
