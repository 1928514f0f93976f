import { timingSafeEqual } from 'node:crypto'
import { jsonError } from '@/lib/api/responses'
import { isInternalRefreshToken } from '@/lib/data/internal-token'
import { dropCachedPages } from '@/lib/data/page-cache'
import { markVendorDue, refreshDueVendors } from '@/lib/data/refresh'
import { env, isProduction } from '@/lib/env'

export const dynamic = 'force-dynamic'
// Vercel's limit for this function; the cycle stops claiming vendors well before it.
export const maxDuration = 60
const TIME_BUDGET_MS = 45_000

/**
 * GET /api/cron/refresh with `Authorization: Bearer $CRON_SECRET`: runs one refresh cycle and
 * answers its summary. Vercel Cron sends that header itself (vercel.json schedules the call); the
 * in-process scheduler of `npm start` calls it over loopback with a per-process token.
 * `?vendor=<slug>` first makes that vendor due now (check it again without waiting).
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
  const vendor = new URL(request.url).searchParams.get('vendor')
  if (vendor !== null && !(await markVendorDue(vendor))) return jsonError(404, 'not_found', `No vendor with slug "${vendor}".`)
  try {
    const { changedPages, ...summary } = await refreshDueVendors(internal ? 'scheduler' : vendor === null ? 'cron' : 'manual', TIME_BUDGET_MS)
    dropCachedPages(changedPages)
    return Response.json(summary, { headers: { 'cache-control': 'no-store' } })
  } catch (e) {
    console.error('[cron] refresh failed:', e)
    return jsonError(500, 'refresh_failed', 'The refresh cycle failed; see the server log.')
  }
}

function bearerToken(header: string | null): string | null {
  const match = /^Bearer (.+)$/.exec(header ?? '')
  return match?.[1] ?? null
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
