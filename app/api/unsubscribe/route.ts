import { unsubscribeByLink } from '@/lib/accounts/unsubscribe-link'
import { env } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the URL in the
 * List-Unsubscribe header. It acts at once, signed in or not; the token is the authority.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  if ((await unsubscribeByLink(token)) === 'invalid') return Response.json({ error: 'invalid_token', message: 'This unsubscribe link is not valid.' }, { status: 400 })
  return Response.json({ ok: true })
}

/** A GET (a person clicking, or a link scanner) never unsubscribes: it shows the confirmation page. */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return Response.redirect(new URL(`/unsubscribe?token=${encodeURIComponent(token)}`, env.APP_URL), 303)
}
