import { env, refreshIntervalMs } from '@/lib/env'
import { serveStackFeed } from '@/lib/feeds/served'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'

/** GET /s/{token}/maintenance.ics: a private stack page's upcoming maintenance, one calendar for every watched vendor. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return serveStackFeed(request, { kind: 'token', token: (await params).token }, 'ics', env.APP_URL, new Date(), refreshIntervalMs, cachedStackVendors)
}
