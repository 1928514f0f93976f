import { jsonError } from '@/lib/api/responses'
import { bearerToken, sameSecret } from '@/lib/auth/operator'
import { isInternalRefreshToken } from '@/lib/data/internal-token'
import { dropCachedPages } from '@/lib/data/page-cache'
import { notifyWatchers } from '@/lib/data/notify'
import { markVendorDue, refreshDueVendors } from '@/lib/data/refresh'
import { env, isProduction } from '@/lib/env'
import { isSlug } from '@/lib/validation/url-input'
import { shutdownSignal } from '@/lib/shutdown'

export const dynamic = 'force-dynamic'
// Vercel's limit for this function; the cycle stops claiming vendors well before it, and the
// notifier sends what the cycle found within what is left (any rest goes out next minute).
export const maxDuration = 60
const REFRESH_BUDGET_MS = 35_000
const NOTIFY_BUDGET_MS = 15_000

/**
 * GET /api/cron/refresh with `Authorization: Bearer $CRON_SECRET`: runs one refresh cycle, then
 * sends the alerts it produced, and answers a summary of both. Vercel Cron sends that header itself (vercel.json schedules the call); the
 * in-process scheduler of `npm start` calls it over loopback with a per-process token.
 * `?vendor=<slug>` makes that vendor due now and checks it before any other (check it again without waiting).
 */
export async function GET(request: Request) {
  const token = bearerToken(request.headers.get('authorization'))
  const internal = token !== null && isInternalRefreshToken(token)
  if (!internal) {
    if (!env.CRON_SECRET) {
      // Without a secret anyone could make us hammer 2,000 status pages: refuse in production.
      if (isProduction) return jsonError(503, 'not_configured', 'CRON_SECRET is not set; the refresh route is disabled.')
    } else if (token === null || !sameSecret(token, env.CRON_SECRET)) {
      return jsonError(401, 'unauthorized', 'Missing or wrong bearer token.')
    }
  }
  if (shutdownSignal().aborted) return jsonError(503, 'stopping', 'The server is stopping; no refresh now.')
  const vendor = new URL(request.url).searchParams.get('vendor')
  // markVendorDue refuses anything that is not a slug, so a hostile value is a plain 404, never echoed.
  if (vendor !== null && !(await markVendorDue(vendor))) return jsonError(404, 'not_found', isSlug(vendor) ? `No vendor with slug "${vendor}".` : 'No such vendor.')
  let summary: Omit<Awaited<ReturnType<typeof refreshDueVendors>>, 'changedPages'>
  try {
    const { changedPages, ...rest } = await refreshDueVendors(internal ? 'scheduler' : vendor === null ? 'cron' : 'manual', REFRESH_BUDGET_MS, vendor ?? undefined)
    dropCachedPages(changedPages)
    summary = rest
  } catch (e) {
    console.error('[cron] refresh failed:', e)
    return jsonError(500, 'refresh_failed', 'The refresh cycle failed; see the server log.')
  }
  // Stopping: the alerts wait in the outbox for the next start.
  if (summary.interrupted) return Response.json({ ...summary, notify: null }, { headers: { 'cache-control': 'no-store' } })
  try {
    const notify = await notifyWatchers(NOTIFY_BUDGET_MS)
    return Response.json({ ...summary, notify }, { headers: { 'cache-control': 'no-store' } })
  } catch (e) {
    // The refresh itself is recorded; the alerts wait in the outbox for the next run.
    console.error('[cron] notifier failed:', e)
    return Response.json({ ...summary, notify: { error: 'The notifier failed; see the server log.' } }, { status: 500, headers: { 'cache-control': 'no-store' } })
  }
}
