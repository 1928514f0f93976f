// What the settings page says about each chat kind, and the webhook URL each accepts. The shapes
// are checked at save time, so a typo or a URL of the wrong service is refused with words that say
// where the right one is found; the URL then still goes through the SSRF guard when it is sent
// (lib/channels/outbound-http.ts). Tests add one base URL (their local stand-in) by setting
// CHAT_WEBHOOK_TEST_BASE_URL; production accepts only the services' own hosts.
import { z } from 'zod'
import type { ChannelKind } from './types'

export type ChatWebhookKind = 'discord' | 'google_chat' | 'teams'

/** One line per kind for the settings page: what the destination does, and what it cannot. */
export const CHAT_KIND_DESCRIPTIONS: Record<'slack' | ChatWebhookKind, { label: string; description: string; urlHelp?: string }> = {
  slack: {
    label: 'Slack',
    description: 'One message per incident in the channel you pick, edited as the incident moves, with every update as a thread reply.',
  },
  discord: {
    label: 'Discord',
    description: 'One message per incident, edited in place as it moves, coloured by impact.',
    urlHelp: 'Channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
  },
  google_chat: {
    label: 'Google Chat',
    description: 'One thread per incident in the space; every update is a reply in that thread.',
    urlHelp: 'Space → Apps & integrations → Webhooks → Add webhook, then copy its URL.',
  },
  teams: {
    label: 'Microsoft Teams',
    description: 'A new card for every change: Teams workflows cannot edit or thread a posted card, so each card restates the whole incident.',
    urlHelp: 'Channel → ⋯ → Workflows → "Post to a channel when a webhook request is received", then copy its URL.',
  },
}

export const CHAT_WEBHOOK_KINDS = ['discord', 'google_chat', 'teams'] as const satisfies readonly ChannelKind[]

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com'])

/** Null when `url` is a webhook URL of `kind`; otherwise why not, in words for the form. */
export function chatWebhookUrlProblem(kind: ChatWebhookKind, raw: string, options: { testBaseUrl?: string } = {}): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return 'Enter the full webhook URL, starting with https://'
  }
  if (options.testBaseUrl && url.toString().startsWith(options.testBaseUrl)) return null
  if (url.protocol !== 'https:') return 'The webhook URL must start with https://'
  if (url.username || url.password) return 'The webhook URL must not contain a user name or password'
  if (url.port && url.port !== '443') return 'The webhook URL must not name another port'
  const host = url.hostname.toLowerCase()
  if (kind === 'discord') {
    if (!DISCORD_HOSTS.has(host) || !/^\/api\/(v\d+\/)?webhooks\/\d{5,25}\/[A-Za-z0-9_-]{20,100}\/?$/.test(url.pathname)) {
      return 'Expected a Discord webhook URL like https://discord.com/api/webhooks/123…/abc…'
    }
    return null
  }
  if (kind === 'google_chat') {
    if (host !== 'chat.googleapis.com' || !/^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages$/.test(url.pathname) || !url.searchParams.get('key') || !url.searchParams.get('token')) {
      return 'Expected a Google Chat webhook URL like https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…'
    }
    return null
  }
  if (host.endsWith('.webhook.office.com') || host === 'outlook.office.com') {
    return 'Office 365 connector URLs are retired: create a Workflows webhook in Teams and paste its URL'
  }
  const logicApps = host.endsWith('.logic.azure.com') && /^\/workflows\/[A-Za-z0-9]+\/triggers\/[A-Za-z0-9_]+\/paths\/invoke\/?$/.test(url.pathname)
  const powerPlatform =
    host.endsWith('.api.powerplatform.com') && /^\/powerautomate\/automations\/direct\/workflows\/[A-Za-z0-9]+\/triggers\/[A-Za-z0-9_]+\/paths\/invoke\/?$/.test(url.pathname)
  if (!(logicApps || powerPlatform) || !url.searchParams.get('sig')) {
    return 'Expected a Teams Workflows webhook URL (…logic.azure.com/workflows/… or …api.powerplatform.com/powerautomate/…, with sig=…)'
  }
  return null
}

/** The zod schema of one kind's settings form, as the settings page's server action parses it. */
export function chatWebhookSettingsSchema(kind: ChatWebhookKind, options: { testBaseUrl?: string } = {}) {
  return z.object({
    webhookUrl: z
      .string({ error: 'Enter the webhook URL' })
      .trim()
      .min(1, 'Enter the webhook URL')
      .max(2000, 'That URL is too long')
      .superRefine((value, ctx) => {
        const problem = chatWebhookUrlProblem(kind, value, options)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
  })
}

/**
 * What the browser sees after saving: the host and the last four characters, never the token.
 * "discord.com/api/webhooks/…f3a1".
 */
export function maskChatWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw)
    const path = url.pathname.split('/').filter(Boolean)
    const tail = raw.replace(/[^A-Za-z0-9]/g, '').slice(-4)
    const lead = path.slice(0, 2).join('/')
    return `${url.host}/${lead}${lead ? '/' : ''}…${tail}`
  } catch {
    return '…'
  }
}
