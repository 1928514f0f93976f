import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import { getOptionalUser } from '@/lib/auth/session'
import { authHref } from '@/lib/auth/return-path'
import { finishSlackInstall, SLACK_PICKER_PATH } from '@/lib/channels/slack-oauth'
import { OAUTH_STATE_COOKIE, PENDING_INSTALL_COOKIE, PENDING_INSTALL_MAX_AGE_S } from '@/lib/channels/slack-install'
import { env } from '@/lib/env'

export const dynamic = 'force-dynamic'

/** Slack's redirect back: the state is checked, the code exchanged, and the user picks a channel next. */
export async function GET(request: Request) {
  const user = await getOptionalUser()
  if (!user) return NextResponse.redirect(new URL(authHref('/sign-in', { next: '/settings/destinations' }), env.APP_URL), 303)
  const query = new URL(request.url).searchParams
  const jar = await cookies()
  const finished = await finishSlackInstall({
    userId: user.id,
    code: query.get('code'),
    state: query.get('state'),
    error: query.get('error'),
    stateCookie: jar.get(OAUTH_STATE_COOKIE)?.value,
    now: new Date(),
  })
  const target = finished.ok ? SLACK_PICKER_PATH : `${SLACK_PICKER_PATH}?error=${finished.reason}`
  const response = NextResponse.redirect(new URL(target, env.APP_URL), 303)
  // The state is single-use, whatever the outcome.
  response.cookies.set(OAUTH_STATE_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/api/slack', maxAge: 0 })
  if (finished.ok) {
    response.cookies.set(PENDING_INSTALL_COOKIE, finished.pendingCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.APP_URL.startsWith('https:'),
      path: '/settings/destinations',
      maxAge: PENDING_INSTALL_MAX_AGE_S,
    })
  }
  return response
}
