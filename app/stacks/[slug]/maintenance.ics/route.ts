import { env, refreshIntervalMs } from '@/lib/env'
import { serveStackFeed } from '@/lib/feeds/served'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'

/** GET /stacks/{slug}/maintenance.ics: a public stack page's upcoming maintenance, one calendar for every watched vendor. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return serveStackFeed(request, { kind: 'slug', slug: (await params).slug }, 'ics', env.APP_URL, new Date(), refreshIntervalMs, cachedStackVendors)
}
