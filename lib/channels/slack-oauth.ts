// "Add to Slack" with the Web API client (OAuth v2): start (the authorize URL and the state cookie),
// the callback (state checked, the code exchanged with oauth.v2.access), the channel picker
// (conversations.list with the new bot token) and saving the destination with its token sealed.
// The routes and the picker page call these and only set or read cookies.
import 'server-only'
import { ErrorCode } from '@slack/web-api'
import { createDestination } from '@/lib/data/destinations'
import { env, slackEnabled } from '@/lib/env'
import { sealSettings } from './sealed-settings'
import { createSlackClient } from './slack'
import { checkOAuthState, issueOAuthState, openPendingInstall, sealPendingInstall, slackAuthorizeUrl, type PendingInstall } from './slack-install'

export const SLACK_CALLBACK_PATH = '/api/slack/oauth/callback'
export const SLACK_PICKER_PATH = '/settings/destinations/slack'

/** The Slack app this server is: from the environment, or passed in by tests. */
export interface SlackAppConfig {
  clientId: string
  clientSecret: string
  /** Signs the state cookie and seals the pending install (AUTH_SECRET). */
  secret: string
  appUrl: string
  apiUrl?: string
  authorizeUrl?: string
}

/** The configured Slack app, or null when SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are unset. */
export function slackAppConfig(): SlackAppConfig | null {
  if (!slackEnabled || !env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET) return null
  return { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, secret: env.AUTH_SECRET, appUrl: env.APP_URL, apiUrl: env.SLACK_API_URL, authorizeUrl: env.SLACK_AUTHORIZE_URL }
}

const redirectUri = (config: SlackAppConfig) => `${config.appUrl}${SLACK_CALLBACK_PATH}`

export function startSlackInstall(userId: string, now: Date, config = slackAppConfig()): { ok: true; authorizeUrl: string; stateCookie: string } | { ok: false; reason: 'not_configured' } {
  if (!config) return { ok: false, reason: 'not_configured' }
  const { state, cookie } = issueOAuthState(userId, config.secret, now)
  return { ok: true, authorizeUrl: slackAuthorizeUrl({ base: config.authorizeUrl, clientId: config.clientId, redirectUri: redirectUri(config), state }), stateCookie: cookie }
}

/** Why an install did not finish, as the picker page words it (SLACK_INSTALL_ERRORS). */
export type SlackInstallError = 'not_configured' | 'denied' | 'state' | 'expired' | 'exchange' | 'unavailable'

export const SLACK_INSTALL_ERRORS: Record<SlackInstallError, string> = {
  not_configured: 'Slack is not configured on this server.',
  denied: 'Slack was not connected: the request was cancelled in Slack.',
  state: 'That Slack sign-in did not start here, or started in another account. Start again from "Add to Slack".',
  expired: 'That Slack sign-in took too long. Start again from "Add to Slack".',
  exchange: 'Slack did not accept the sign-in. Start again from "Add to Slack".',
  unavailable: 'Slack could not be reached. Try again in a minute.',
}

export async function finishSlackInstall(input: {
  userId: string
  code: string | null
  state: string | null
  error: string | null
  stateCookie: string | undefined
  now: Date
}, config = slackAppConfig()): Promise<{ ok: true; pendingCookie: string } | { ok: false; reason: SlackInstallError }> {
  if (!config) return { ok: false, reason: 'not_configured' }
  const check = checkOAuthState(input.stateCookie, input.state ?? undefined, input.userId, config.secret, input.now)
  if (check === 'expired') return { ok: false, reason: 'expired' }
  if (check !== 'ok') return { ok: false, reason: 'state' }
  if (input.error || !input.code) return { ok: false, reason: 'denied' }
  try {
    const result = await createSlackClient(undefined, { apiUrl: config.apiUrl }).oauth.v2.access({
      client_id: config.clientId,
      client_secret: config.clientSecret,
      code: input.code,
      redirect_uri: redirectUri(config),
    })
    if (!result.access_token || result.token_type !== 'bot' || !result.team?.id) return { ok: false, reason: 'exchange' }
    const pendingCookie = sealPendingInstall({ botToken: result.access_token, teamId: result.team.id, teamName: result.team.name ?? result.team.id }, input.userId, config.secret, input.now)
    return { ok: true, pendingCookie }
  } catch (error) {
    const code = (error as { code?: string }).code
    console.error(`[slack] oauth.v2.access failed: ${code === ErrorCode.PlatformError ? (error as { data?: { error?: string } }).data?.error : error instanceof Error ? error.message : String(error)}`)
    return { ok: false, reason: code === ErrorCode.PlatformError ? 'exchange' : 'unavailable' }
  }
}

export interface SlackChannelChoice {
  id: string
  name: string
  isPrivate: boolean
}

/** At most 5 pages of 200: the picker lists up to 1,000 channels (public ones, and private ones the bot is in). */
async function listChannels(install: PendingInstall, config: SlackAppConfig): Promise<SlackChannelChoice[]> {
  const client = createSlackClient(install.botToken, { apiUrl: config.apiUrl })
  const channels: SlackChannelChoice[] = []
  let cursor: string | undefined
  for (let page = 0; page < 5; page++) {
    const result = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor && { cursor }) })
    for (const c of result.channels ?? []) if (c.id && c.name) channels.push({ id: c.id, name: c.name, isPrivate: Boolean(c.is_private) })
    cursor = result.response_metadata?.next_cursor || undefined
    if (!cursor) break
  }
  return channels.sort((a, b) => a.name.localeCompare(b.name))
}

export type SlackPicker =
  | { ok: true; teamName: string; channels: SlackChannelChoice[] }
  | { ok: false; reason: 'no_install' | 'unavailable' }

/** What the channel picker shows: the workspace and its channels, or why there is nothing to pick. */
export async function loadSlackPicker(userId: string, pendingCookie: string | undefined, now: Date, config = slackAppConfig()): Promise<SlackPicker> {
  const install = config && openPendingInstall(pendingCookie, userId, config.secret, now)
  if (!config || !install) return { ok: false, reason: 'no_install' }
  try {
    return { ok: true, teamName: install.teamName, channels: await listChannels(install, config) }
  } catch (error) {
    console.error(`[slack] conversations.list failed: ${error instanceof Error ? error.message : String(error)}`)
    return { ok: false, reason: 'unavailable' }
  }
}

export type SaveSlackResult = { ok: true; id: string } | { ok: false; reason: 'no_install' | 'unknown_channel' | 'limit' | 'unavailable' }

/** Saves the picked channel as a destination; the channel must be one the picker offered. */
export async function saveSlackDestination(
  userId: string,
  pendingCookie: string | undefined,
  choice: { channelId: string; name: string },
  now: Date,
  config = slackAppConfig(),
): Promise<SaveSlackResult> {
  const install = config && openPendingInstall(pendingCookie, userId, config.secret, now)
  if (!config || !install) return { ok: false, reason: 'no_install' }
  let channels: SlackChannelChoice[]
  try {
    channels = await listChannels(install, config)
  } catch {
    return { ok: false, reason: 'unavailable' }
  }
  const channel = channels.find((c) => c.id === choice.channelId)
  if (!channel) return { ok: false, reason: 'unknown_channel' }
  const settings = { botToken: install.botToken, channelId: channel.id, channelName: channel.name, teamId: install.teamId, teamName: install.teamName }
  return createDestination({
    userId,
    kind: 'slack',
    name: choice.name || `#${channel.name}`,
    sealedSettings: sealSettings('slack', settings),
    maskedTarget: `#${channel.name} in ${install.teamName}`,
  })
}
