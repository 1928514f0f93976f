// The pieces of "Add to Slack" that need no network: the authorize URL, the OAuth `state` bound to
// the signed-in user in a signed, short-lived cookie, and the installed bot token held between the
// callback and the channel picker in an encrypted, short-lived cookie (it is sealed for good only
// when a channel is picked and the destination saved). Secrets and clocks are passed in.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * What the bot may do: post (also in public channels it has not joined), list channels to pick
 * from, and read back the channel's recent messages so a retry finds a post whose answer was lost
 * instead of posting it twice (slack-repost-guard.ts).
 */
export const SLACK_SCOPES = ['chat:write', 'chat:write.public', 'channels:read', 'groups:read', 'channels:history', 'groups:history'] as const
export const SLACK_AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize'
export const OAUTH_STATE_COOKIE = 'vw-slack-state'
export const OAUTH_STATE_MAX_AGE_S = 10 * 60
export const PENDING_INSTALL_COOKIE = 'vw-slack-install'
export const PENDING_INSTALL_MAX_AGE_S = 15 * 60

export function slackAuthorizeUrl(options: { base?: string; clientId: string; redirectUri: string; state: string }): string {
  const url = new URL(options.base ?? SLACK_AUTHORIZE_URL)
  url.searchParams.set('client_id', options.clientId)
  url.searchParams.set('scope', SLACK_SCOPES.join(','))
  url.searchParams.set('redirect_uri', options.redirectUri)
  url.searchParams.set('state', options.state)
  return url.toString()
}

function key(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', label, 32))
}

function stateMac(secret: string, state: string, userId: string, expiresAt: number): Buffer {
  return createHmac('sha256', key(secret, 'vendorwatch slack oauth state v1')).update(`${state}:${userId}:${expiresAt}`).digest()
}

/** A fresh `state` for the authorize URL and the cookie that binds it to this user for 10 minutes. */
export function issueOAuthState(userId: string, secret: string, now: Date): { state: string; cookie: string } {
  const state = randomBytes(24).toString('base64url')
  const expiresAt = now.getTime() + OAUTH_STATE_MAX_AGE_S * 1000
  return { state, cookie: `${state}.${expiresAt}.${stateMac(secret, state, userId, expiresAt).toString('base64url')}` }
}

export type StateCheck = 'ok' | 'missing' | 'mismatch' | 'expired'

/** Whether `state` from Slack's redirect is the one this user's browser was sent with, in time. */
export function checkOAuthState(cookie: string | undefined, state: string | undefined, userId: string, secret: string, now: Date): StateCheck {
  if (!cookie || !state) return 'missing'
  const [issued, expires, mac, extra] = cookie.split('.')
  const expiresAt = Number(expires)
  if (extra !== undefined || !issued || !mac || !Number.isSafeInteger(expiresAt)) return 'mismatch'
  const given = Buffer.from(mac, 'base64url')
  const expected = stateMac(secret, issued, userId, expiresAt)
  // The cookie must be ours for this user (another user's cookie fails here), and Slack must echo its state.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch'
  const a = Buffer.from(issued)
  const b = Buffer.from(state)
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'mismatch'
  return now.getTime() > expiresAt ? 'expired' : 'ok'
}

/** A workspace's bot token, between the OAuth callback and the channel the user picks. */
export interface PendingInstall {
  botToken: string
  teamId: string
  teamName: string
  expiresAt: number
}

const PENDING_LABEL = 'vendorwatch slack pending install v1'

/** AES-256-GCM with the user id as additional data: the cookie opens for this user only. */
export function sealPendingInstall(install: Omit<PendingInstall, 'expiresAt'>, userId: string, secret: string, now: Date): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, PENDING_LABEL), iv)
  cipher.setAAD(Buffer.from(`slack-install:${userId}`))
  const payload: PendingInstall = { ...install, expiresAt: now.getTime() + PENDING_INSTALL_MAX_AGE_S * 1000 }
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.')
}

/** The install, or null when the cookie is absent, altered, another user's, or older than 15 minutes. */
export function openPendingInstall(value: string | undefined, userId: string, secret: string, now: Date): PendingInstall | null {
  const [iv, body, tag, extra] = (value ?? '').split('.')
  if (!iv || !body || !tag || extra !== undefined) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret, PENDING_LABEL), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(`slack-install:${userId}`))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    const install = JSON.parse(plain) as PendingInstall
    return now.getTime() > install.expiresAt ? null : install
  } catch {
    return null
  }
}
