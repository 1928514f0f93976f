import { getOptionalUser } from '@/lib/auth/session'
import { listWatchedSlugs } from '@/lib/data/watchlist'

export const dynamic = 'force-dynamic'

/**
 * GET /api/me: who is signed in and what they watch, for the browser. Public pages are cached and
 * shared by everyone, so the parts that depend on the reader (the header's account menu, Watch
 * buttons) ask here instead of being rendered into the page.
 */
export async function GET() {
  const headers = { 'cache-control': 'private, no-store' }
  const user = await getOptionalUser()
  if (!user) return Response.json({ user: null, watching: [] }, { headers })
  return Response.json({ user: { email: user.email }, watching: await listWatchedSlugs(user.id) }, { headers })
}
