// Google Chat, through a space's incoming webhook URL (Apps & integrations → Webhooks). Every
// message about one subject carries the same `threadKey` with
// `messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`: the first starts the incident's
// thread, every change is a reply in it. Webhook messages cannot be edited, so the thread is the
// incident's history. The card header carries vendor, title and state; the text the details.
import { failureOutcome, networkOutcome } from './chat-outcome'
import { clip, headline, statusLine, timeFacts, utcText } from './message-parts'
import type { ChannelMessage, ChannelSender, OutboundResponse, SendOutcome } from './types'

/** Google Chat's text formatting uses `*bold*` and `<url|label>`; upstream `<` and `>` are escaped. */
function chatEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** One thread per subject per destination; Google allows any string, we keep it short and stable. */
export function googleChatThreadKey(subjectKey: string): string {
  return `vendorwatch-${subjectKey.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 200)
}

export function googleChatPayload(message: ChannelMessage): Record<string, unknown> {
  const lines = [`*<${message.url}|${chatEscape(clip(headline(message), 300)).replace(/\|/g, '¦')}>*`, chatEscape(statusLine(message))]
  if (message.affectedComponents.length > 0) lines.push(`Affected: ${chatEscape(clip(message.affectedComponents.join(', '), 1000))}`)
  for (const fact of timeFacts(message)) lines.push(`${fact.label}: ${utcText(fact.at)}`)
  if (message.latestUpdate) lines.push('', `*${chatEscape(message.latestUpdate.statusLabel)}* (${utcText(message.latestUpdate.publishedAt)}): ${chatEscape(clip(message.latestUpdate.body, 3000))}`)
  const payload: Record<string, unknown> = { text: lines.join('\n') }
  if (!message.test) payload.thread = { threadKey: googleChatThreadKey(message.subjectKey) }
  return payload
}

export function googleChatFailure(response: OutboundResponse): SendOutcome {
  // 401/403: the webhook's key or token was revoked; 404: the space or webhook is gone.
  return failureOutcome(response, { brokenStatuses: [401, 403, 404] })
}

export function googleChatUrl(webhookUrl: string, test: boolean | undefined): string {
  const parsed = new URL(webhookUrl)
  if (!test) parsed.searchParams.set('messageReplyOption', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD')
  return parsed.toString()
}

export const googleChatSender: ChannelSender<'google_chat'> = {
  kind: 'google_chat',
  async send({ settings, message, thread, http, signal }) {
    try {
      const response = await http({
        method: 'POST',
        url: googleChatUrl(settings.webhookUrl, message.test),
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(googleChatPayload(message)),
        signal,
      })
      if (response.status < 200 || response.status >= 300) return googleChatFailure(response)
      if (message.test) return { ok: true, statusCode: response.status, detail: 'posted' }
      let threadName: string | undefined
      try {
        const parsed = JSON.parse(response.text) as { thread?: { name?: unknown } }
        if (typeof parsed.thread?.name === 'string') threadName = parsed.thread.name
      } catch {
        threadName = undefined
      }
      const key = googleChatThreadKey(message.subjectKey)
      return {
        ok: true,
        statusCode: response.status,
        detail: thread ? `replied in ${threadName ?? key}` : `started ${threadName ?? key}`,
        thread: { externalId: key, ...(threadName && { data: { threadName } }) },
      }
    } catch (error) {
      return networkOutcome(error)
    }
  },
}
