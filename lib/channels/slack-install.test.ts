// "Add to Slack": the state cookie binds the OAuth round trip to one user and ten minutes; the
// pending install cookie opens for that user only, for fifteen minutes.
import { describe, expect, it } from 'vitest'
import { checkOAuthState, issueOAuthState, openPendingInstall, sealPendingInstall, slackAuthorizeUrl } from './slack-install'

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long'
const NOW = new Date('2026-03-02T14:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

describe('Slack OAuth state', () => {
  it('accepts the state it issued, for the same user, within ten minutes', () => {
    const { state, cookie } = issueOAuthState('user-1', SECRET, NOW)
    expect(checkOAuthState(cookie, state, 'user-1', SECRET, later(9))).toBe('ok')
    expect(checkOAuthState(cookie, state, 'user-1', SECRET, later(11))).toBe('expired')
  })

  it('refuses another user, another state, another secret, an altered or missing cookie', () => {
    const { state, cookie } = issueOAuthState('user-1', SECRET, NOW)
    expect(checkOAuthState(cookie, state, 'user-2', SECRET, NOW)).toBe('mismatch')
    expect(checkOAuthState(cookie, `${state}x`, 'user-1', SECRET, NOW)).toBe('mismatch')
    expect(checkOAuthState(cookie, state, 'user-1', `${SECRET}-other`, NOW)).toBe('mismatch')
    const [s, , mac] = cookie.split('.')
    expect(checkOAuthState(`${s}.${later(600).getTime()}.${mac}`, state, 'user-1', SECRET, NOW)).toBe('mismatch')
    expect(checkOAuthState(undefined, state, 'user-1', SECRET, NOW)).toBe('missing')
    expect(checkOAuthState(cookie, undefined, 'user-1', SECRET, NOW)).toBe('missing')
  })

  it('builds the authorize URL with the bot scopes and our callback', () => {
    const url = new URL(slackAuthorizeUrl({ clientId: '123.456', redirectUri: 'https://vw.example/api/slack/oauth/callback', state: 'st' }))
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize')
    expect(url.searchParams.get('scope')).toBe('chat:write,chat:write.public,channels:read,groups:read,channels:history,groups:history')
    expect(url.searchParams.get('redirect_uri')).toBe('https://vw.example/api/slack/oauth/callback')
    expect(url.searchParams.get('state')).toBe('st')
  })
})

describe('pending install cookie', () => {
  const install = { botToken: 'xoxb-secret-token', teamId: 'T1', teamName: 'Acme' }

  it('opens for its user within fifteen minutes and never shows the token in clear', () => {
    const sealed = sealPendingInstall(install, 'user-1', SECRET, NOW)
    expect(sealed).not.toContain('xoxb')
    expect(openPendingInstall(sealed, 'user-1', SECRET, later(14))).toMatchObject(install)
    expect(openPendingInstall(sealed, 'user-1', SECRET, later(16))).toBeNull()
    expect(openPendingInstall(sealed, 'user-2', SECRET, NOW)).toBeNull()
    expect(openPendingInstall(`${sealed.slice(0, -2)}AA`, 'user-1', SECRET, NOW)).toBeNull()
    expect(openPendingInstall(undefined, 'user-1', SECRET, NOW)).toBeNull()
  })
})
