// What the badge and stack-feed routes answer: one call each, so the route files stay thin.
import { isMonitoredSource } from '@/lib/catalog/platforms'
import { findVendorsBySlugs } from '@/lib/data/vendors'
import { loadStackPage, type StackAddress, type StackVendorReader } from '@/lib/pages/stack-page'
import { freshness } from '@/lib/status/freshness'
import { isSlug } from '@/lib/validation/url-input'
import { bodyEtag, etagMatches, renderBadge } from './badge'
import { stackAtom, stackBadge, stackCalendar } from './stack-feeds'

/** Public badges may sit in shared caches for a minute; a private link's must revalidate every time (revocation is immediate). */
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=60, stale-while-revalidate=300'
const PRIVATE_CACHE = 'private, no-cache'

const NOT_FOUND = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })

function cacheable(request: Request, body: string, contentType: string, cacheControl: string, extra: Record<string, string> = {}): Response {
  const etag = bodyEtag(body)
  const headers = { etag, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff', ...extra }
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers })
  return new Response(body, { headers: { ...headers, 'content-type': contentType } })
}

const SVG = 'image/svg+xml; charset=utf-8'
// An SVG opened directly is a document: it may run nothing and load nothing.
const SVG_CSP = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" }

/** GET /vendors/{slug}/badge.svg */
export async function serveVendorBadge(request: Request, slug: string, now: Date, intervalMs: number): Promise<Response> {
  if (!isSlug(slug)) return NOT_FOUND()
  const [vendor] = await findVendorsBySlugs([slug])
  if (!vendor) return NOT_FOUND()
  const fresh = freshness(vendor.source, isMonitoredSource(vendor.source), now, intervalMs)
  const known = fresh.kind === 'fresh' || fresh.kind === 'stale'
  const message = fresh.kind === 'unmonitored' ? 'Not monitored' : fresh.kind === 'never_succeeded' ? 'Cannot read status' : undefined
  const body = renderBadge({ label: vendor.name, status: known ? vendor.status : null, message })
  return cacheable(request, body, SVG, PUBLIC_CACHE, SVG_CSP)
}

export type StackFeedKind = 'atom' | 'ics' | 'badge'

/** GET {stack page}/feed.atom | maintenance.ics | badge.svg; 404 for a revoked or unknown address. */
export async function serveStackFeed(
  request: Request,
  address: StackAddress,
  kind: StackFeedKind,
  appUrl: string,
  now: Date,
  intervalMs: number,
  readVendors?: StackVendorReader,
): Promise<Response> {
  const model = await loadStackPage(address, now, intervalMs, readVendors)
  if (!model) return NOT_FOUND()
  const cache = address.kind === 'token' ? PRIVATE_CACHE : PUBLIC_CACHE
  // A private link's feeds carry the token in their URL: keep it out of other sites' Referer and out of search engines.
  const privacy: Record<string, string> = address.kind === 'token' ? { 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' } : {}
  if (kind === 'badge') return cacheable(request, stackBadge(model), SVG, cache, { ...SVG_CSP, ...privacy })
  if (kind === 'atom') return cacheable(request, stackAtom(model, appUrl), 'application/atom+xml; charset=utf-8', cache, privacy)
  return cacheable(request, stackCalendar(model, appUrl, now), 'text/calendar; charset=utf-8', cache, { ...privacy, 'content-disposition': 'inline; filename="stack-maintenance.ics"' })
}
