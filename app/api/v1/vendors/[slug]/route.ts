import { jsonError, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { vendorDetailJson } from '@/lib/api/vendors'
import { refreshIntervalMs } from '@/lib/env'
import { isSlug } from '@/lib/validation/url-input'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors/{slug}: status, components, incidents with updates, maintenances. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return unlessDatabaseUnavailable(async () => {
    const body = await vendorDetailJson(slug, new Date(), refreshIntervalMs)
    if (!body) return jsonError(404, 'not_found', isSlug(slug) ? `No vendor with slug "${slug}".` : 'No such vendor.')
    return Response.json(body)
  })
}
