import { dropChangedVendorPages } from '@/app/vendors/[slug]/cached-pages'
import { jsonError } from '@/lib/api/responses'
import { identifyCronCaller } from '@/lib/jobs/cron-caller'
import { runScheduledWork } from '@/lib/jobs/scheduled-work'

export const dynamic = 'force-dynamic'
// Vercel's limit for this function; the cycle stops claiming vendors well before it, and the
// notifier sends what the cycle found within what is left (any rest goes out next minute).
export const maxDuration = 60
const REFRESH_BUDGET_MS = 35_000
const NOTIFY_BUDGET_MS = 15_000
const NO_STORE = { 'cache-control': 'no-store' }

/**
 * GET /api/cron/refresh with `Authorization: Bearer $CRON_SECRET`: runs one refresh cycle, then
 * sends the alerts it produced, and answers a summary of both. Vercel Cron sends that header itself
 * (vercel.json schedules the call); the in-process schedule of `npm start` calls it over loopback
 * with a per-process token. `?vendor=<slug>` makes that vendor due now and checks it before any
 * other (check it again without waiting).
 */
export async function GET(request: Request) {
  const caller = identifyCronCaller(request.headers.get('authorization'))
  if (caller === 'not-configured') return jsonError(503, 'not_configured', 'CRON_SECRET is not set; the refresh route is disabled.')
  if (caller === 'unauthorized') return jsonError(401, 'unauthorized', 'Missing or wrong bearer token.')
  const vendor = new URL(request.url).searchParams.get('vendor')
  const outcome = await runScheduledWork({
    trigger: caller === 'scheduler' ? 'scheduler' : vendor === null ? 'cron' : 'manual',
    ...(vendor !== null && { vendorSlug: vendor }),
    refreshBudgetMs: REFRESH_BUDGET_MS,
    notifyBudgetMs: NOTIFY_BUDGET_MS,
    // This runs inside a request, the only place Next.js lets cached pages be dropped.
    dropChangedPages: dropChangedVendorPages,
  })
  switch (outcome.kind) {
    case 'stopping':
      return jsonError(503, 'stopping', 'The server is stopping; no refresh now.')
    case 'unknown-vendor':
      // A value that is not a slug is never echoed.
      return jsonError(404, 'not_found', outcome.slug !== null ? `No vendor with slug "${outcome.slug}".` : 'No such vendor.')
    case 'refresh-failed':
      return jsonError(500, 'refresh_failed', 'The refresh cycle failed; see the server log.')
    case 'notify-failed':
      return Response.json({ ...outcome.refresh, notify: { error: 'The notifier failed; see the server log.' } }, { status: 500, headers: NO_STORE })
    case 'done':
      return Response.json({ ...outcome.refresh, notify: outcome.notify }, { headers: NO_STORE })
  }
}
