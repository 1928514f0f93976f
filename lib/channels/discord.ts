// Discord, through a channel's webhook URL (Server Settings → Integrations → Webhooks). The first
// message about a subject is posted with `?wait=true`, so Discord answers with the message and we
// keep its id; every later change edits that message (PATCH …/messages/{id}), so the channel shows
// one embed per incident, always current, in the impact's colour. Mentions are switched off: a
// vendor's words cannot ping @everyone.
import { failureOutcome, networkOutcome } from './chat-outcome'
import { clip, headline, IMPACT_LABELS, isMaintenance, messageColour, timeFacts } from './message-parts'
import type { ChannelMessage, ChannelSender, OutboundResponse, SendOutcome } from './types'

/** Discord answers 404 with this code when the message (not the webhook) is gone. */
const UNKNOWN_MESSAGE = 10008

export function discordPayload(message: ChannelMessage): Record<string, unknown> {
  const fields: { name: string; value: string; inline: boolean }[] = [{ name: 'Status', value: clip(message.statusLabel, 1024), inline: true }]
  if (message.impact && !isMaintenance(message)) fields.push({ name: 'Impact', value: IMPACT_LABELS[message.impact], inline: true })
  for (const fact of timeFacts(message)) fields.push({ name: fact.label, value: `<t:${Math.floor(fact.at.getTime() / 1000)}:f>`, inline: true })
  if (message.affectedComponents.length > 0) fields.push({ name: 'Affected', value: clip(message.affectedComponents.join(', '), 1024), inline: false })
  const embed: Record<string, unknown> = {
    title: clip(`${message.test ? '[Test] ' : ''}${message.title}`, 256),
    url: message.url,
    color: messageColour(message),
    author: { name: clip(message.vendor.name, 256), url: message.vendor.url },
    fields,
    timestamp: (message.latestUpdate?.publishedAt ?? message.occurredAt).toISOString(),
    footer: { text: 'Vendorwatch' },
  }
  if (message.latestUpdate) embed.description = clip(`**${message.latestUpdate.statusLabel}**: ${message.latestUpdate.body}`, 4096)
  return { content: clip(headline(message), 2000), embeds: [embed], allowed_mentions: { parse: [] } }
}

/** Discord's 429 body says how long to wait, in seconds, as `retry_after`. */
function discordRetryAfter(text: string): number | null {
  try {
    const parsed = JSON.parse(text) as { retry_after?: unknown }
    return typeof parsed.retry_after === 'number' ? Math.ceil(parsed.retry_after * 1000) : null
  } catch {
    return null
  }
}

function discordCode(text: string): number | null {
  try {
    const parsed = JSON.parse(text) as { code?: unknown }
    return typeof parsed.code === 'number' ? parsed.code : null
  } catch {
    return null
  }
}

/** 401/403/404 mean the webhook was deleted or its token is wrong. */
export function discordFailure(response: OutboundResponse): SendOutcome {
  return failureOutcome(response, { brokenStatuses: [401, 403, 404], retryAfterFromBody: discordRetryAfter })
}

function withQuery(url: string, key: string, value: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set(key, value)
  return parsed.toString()
}

function messageUrl(webhookUrl: string, messageId: string): string {
  const parsed = new URL(webhookUrl)
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/messages/${encodeURIComponent(messageId)}`
  return parsed.toString()
}

export const discordSender: ChannelSender<'discord'> = {
  kind: 'discord',
  async send({ settings, message, thread, http, signal }) {
    const body = JSON.stringify(discordPayload(message))
    const headers = { 'content-type': 'application/json' }
    try {
      const post = async (): Promise<SendOutcome> => {
        const response = await http({ method: 'POST', url: withQuery(settings.webhookUrl, 'wait', 'true'), headers, body, signal })
        if (response.status < 200 || response.status >= 300) return discordFailure(response)
        let id: unknown
        try {
          id = (JSON.parse(response.text) as { id?: unknown }).id
        } catch {
          id = undefined
        }
        if (typeof id !== 'string') return { ok: true, statusCode: response.status, detail: 'posted (no message id in the answer)' }
        return { ok: true, statusCode: response.status, detail: `posted ${id}`, ...(!message.test && { thread: { externalId: id } }) }
      }
      if (message.test || !thread) return await post()
      const response = await http({ method: 'PATCH', url: messageUrl(settings.webhookUrl, thread.externalId), headers, body, signal })
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, detail: `edited ${thread.externalId}` }
      // Someone deleted our message: post a new one and follow it from now on.
      if (response.status === 404 && discordCode(response.text) === UNKNOWN_MESSAGE) return await post()
      return discordFailure(response)
    } catch (error) {
      return networkOutcome(error)
    }
  },
}
