import { jsonError } from '@/lib/api/responses'
import { env } from '@/lib/env'
import { vendorMaintenanceCalendar } from '@/lib/feeds/vendor-feeds'

export const dynamic = 'force-dynamic'

/** GET /vendors/{slug}/maintenance.ics: the vendor's scheduled maintenance as a calendar. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const body = await vendorMaintenanceCalendar(slug, new Date(), env.APP_URL)
  if (body === null) return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${slug}-maintenance.ics"` } })
}
