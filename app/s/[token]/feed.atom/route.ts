import { env, refreshIntervalMs } from '@/lib/env'
import { serveStackFeed } from '@/lib/feeds/served'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'

/** GET /s/{token}/feed.atom: a private stack page's active incidents (Atom). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return serveStackFeed(request, { kind: 'token', token: (await params).token }, 'atom', env.APP_URL, new Date(), refreshIntervalMs, cachedStackVendors)
}
