import { NextResponse } from 'next/server'
import { getOptionalUser } from '@/lib/auth/session'
import { authHref } from '@/lib/auth/return-path'
import { SLACK_PICKER_PATH, startSlackInstall } from '@/lib/channels/slack-oauth'
import { OAUTH_STATE_COOKIE, OAUTH_STATE_MAX_AGE_S } from '@/lib/channels/slack-install'
import { env } from '@/lib/env'

export const dynamic = 'force-dynamic'

/** "Add to Slack": off to Slack's authorize page with a `state` bound to this user in a short-lived cookie. */
export async function GET() {
  const user = await getOptionalUser()
  if (!user) return NextResponse.redirect(new URL(authHref('/sign-in', { next: '/settings/destinations' }), env.APP_URL), 303)
  const started = startSlackInstall(user.id, new Date())
  if (!started.ok) return NextResponse.redirect(new URL(`${SLACK_PICKER_PATH}?error=${started.reason}`, env.APP_URL), 303)
  const response = NextResponse.redirect(started.authorizeUrl, 303)
  response.cookies.set(OAUTH_STATE_COOKIE, started.stateCookie, {
    httpOnly: true,
    // Lax: sent on Slack's top-level redirect back to the callback, not on cross-site subrequests.
    sameSite: 'lax',
    secure: env.APP_URL.startsWith('https:'),
    path: '/api/slack',
    maxAge: OAUTH_STATE_MAX_AGE_S,
  })
  return response
}
