import { env, refreshIntervalMs } from '@/lib/env'
import { serveStackFeed } from '@/lib/feeds/served'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'

/** GET /stacks/{slug}/badge.svg: a public stack page's badge (SVG). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return serveStackFeed(request, { kind: 'slug', slug: (await params).slug }, 'badge', env.APP_URL, new Date(), refreshIntervalMs, cachedStackVendors)
}
