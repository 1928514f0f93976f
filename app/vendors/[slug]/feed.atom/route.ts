import { jsonError } from '@/lib/api/responses'
import { findIncidentFeed } from '@/lib/data/feeds'
import { env } from '@/lib/env'
import { renderAtom } from '@/lib/feeds/atom'
import { upstreamPlainText } from '@/lib/format/upstream-text'

export const dynamic = 'force-dynamic'

/** GET /vendors/{slug}/feed.atom: the vendor's incidents as an Atom feed. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const vendor = await findIncidentFeed(slug)
  if (!vendor) return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
  const pageUrl = new URL(`/vendors/${slug}`, env.APP_URL).toString()
  const body = renderAtom({
    id: pageUrl,
    title: `${vendor.name} incidents (Vendorwatch)`,
    selfUrl: `${pageUrl}/feed.atom`,
    pageUrl,
    updatedAt: vendor.incidents.reduce((d, i) => (i.updatedAt > d ? i.updatedAt : d), new Date(0)),
    incidents: vendor.incidents.map((i) => ({
      id: i.id,
      title: upstreamPlainText(i.title),
      status: i.status,
      impact: i.impact,
      startedAt: i.startedAt,
      url: `${pageUrl}/incidents/${i.id}`,
      postmortemBody: i.postmortemBody,
      updates: i.updates,
    })),
  })
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
