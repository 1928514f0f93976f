import { jsonError } from '@/lib/api/responses'
import { findMaintenanceFeed } from '@/lib/data/feeds'
import { env } from '@/lib/env'
import { renderIcal } from '@/lib/feeds/ical'
import { upstreamPlainText } from '@/lib/format/upstream-text'

export const dynamic = 'force-dynamic'

/** GET /vendors/{slug}/maintenance.ics: the vendor's scheduled maintenance as a calendar. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const now = new Date()
  const vendor = await findMaintenanceFeed(slug, now)
  if (!vendor) return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
  const pageUrl = new URL(`/vendors/${slug}`, env.APP_URL).toString()
  const body = renderIcal({
    name: `${vendor.name} maintenance (Vendorwatch)`,
    host: new URL(env.APP_URL).hostname,
    now,
    maintenances: vendor.maintenances.map((m) => ({
      id: m.id,
      title: `${vendor.name}: ${m.title}`,
      status: m.status,
      start: m.scheduledFor,
      end: m.scheduledUntil,
      description: m.body ? upstreamPlainText(m.body) : null,
      url: pageUrl,
      updatedAt: m.updatedAt,
    })),
  })
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${slug}-maintenance.ics"` } })
}
