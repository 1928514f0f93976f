// Microsoft Teams, through a Workflows webhook URL (the "Post to a channel when a webhook request
// is received" template; Office 365 connectors are retired). A workflow can only post: it cannot
// edit or delete a card and has no thread to reply into, so every change is a new Adaptive Card
// that restates the whole incident. The settings page says so (lib/channels/kinds.ts).
import { failureOutcome, networkOutcome } from './chat-outcome'
import { clip, headline, IMPACT_LABELS, isMaintenance, isPossibleOutage, statusLine, timeFacts } from './message-parts'
import type { ChannelMessage, ChannelSender, OutboundResponse, SendOutcome } from './types'

/** Adaptive Card text colours: Attention (red), Warning (amber), Good (green), Accent (blue). */
function cardColour(message: ChannelMessage): string {
  if (message.closed) return 'Good'
  if (isMaintenance(message)) return 'Accent'
  if (isPossibleOutage(message)) return 'Warning'
  if (message.impact === 'critical' || message.impact === 'major') return 'Attention'
  if (message.impact === 'minor') return 'Warning'
  return 'Default'
}

/**
 * Adaptive Cards render a Markdown subset in TextBlocks and have no escape for it; a vendor's words
 * must not become links, so `](` is broken apart. Other markup (bold, lists) is harmless.
 */
function plain(text: string): string {
  return text.replace(/\]\(/g, '] (')
}

/** Adaptive Card date function: shown in each reader's own zone and language. */
function cardDate(at: Date): string {
  const iso = `${at.toISOString().slice(0, 19)}Z`
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`
}

export function teamsCard(message: ChannelMessage): Record<string, unknown> {
  const facts: { title: string; value: string }[] = [{ title: 'Status', value: plain(message.statusLabel) }]
  if (message.impact && !isMaintenance(message)) facts.push({ title: 'Impact', value: IMPACT_LABELS[message.impact] })
  for (const fact of timeFacts(message)) facts.push({ title: fact.label, value: cardDate(fact.at) })
  if (message.affectedComponents.length > 0) facts.push({ title: 'Affected', value: plain(clip(message.affectedComponents.join(', '), 1000)) })
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: plain(clip(message.vendor.name, 200)), weight: 'Bolder', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: plain(clip(`${message.test ? '[Test] ' : ''}${message.title}`, 500)), weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: plain(statusLine(message)), color: cardColour(message), weight: 'Bolder', wrap: true, spacing: 'None' },
    { type: 'FactSet', facts },
  ]
  if (message.latestUpdate) {
    body.push({ type: 'TextBlock', text: `**${plain(message.latestUpdate.statusLabel)}** (${cardDate(message.latestUpdate.publishedAt)})`, wrap: true, separator: true })
    body.push({ type: 'TextBlock', text: plain(clip(message.latestUpdate.body, 3000)), wrap: true, spacing: 'Small' })
  }
  return {
    type: 'message',
    // Workflows forward `summary`-less messages too; the attachment is what the channel shows.
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          fallbackText: clip(`${headline(message)} (${message.statusLabel})`, 300),
          body,
          actions: [
            { type: 'Action.OpenUrl', title: 'Open on Vendorwatch', url: message.url },
            { type: 'Action.OpenUrl', title: `All of ${clip(message.vendor.name, 60)}`, url: message.vendor.url },
          ],
        },
      },
    ],
  }
}

export function teamsFailure(response: OutboundResponse): SendOutcome {
  // 404: the workflow was deleted or turned off; 401/403: its signature (`sig=`) no longer matches.
  return failureOutcome(response, { brokenStatuses: [401, 403, 404] })
}

export const teamsSender: ChannelSender<'teams'> = {
  kind: 'teams',
  async send({ settings, message, http, signal }) {
    try {
      const response = await http({ method: 'POST', url: settings.webhookUrl, headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsCard(message)), signal })
      if (response.status < 200 || response.status >= 300) return teamsFailure(response)
      // Nothing to edit later: no thread is kept, each change posts its own card.
      return { ok: true, statusCode: response.status, detail: 'card posted' }
    } catch (error) {
      return networkOutcome(error)
    }
  },
}
