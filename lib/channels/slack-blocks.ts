// Slack Block Kit for one incident (or maintenance, or component) message: pure, so what Slack
// shows is unit-tested. The main message is edited in place on every change; each change is also
// posted as a thread reply (slackReply). Slack's `<!date^…>` tokens show times in each reader's own
// zone, with the UTC text as the fallback. Upstream text is escaped (&, <, >) so a vendor's words
// cannot mention @channel or forge links.
import type { KnownBlock, MrkdwnElement } from '@slack/web-api'
import { clip, headline, IMPACT_LABELS, isMaintenance, isPossibleOutage, replyText, timeFacts, utcText } from './message-parts'
import type { ChannelMessage } from './types'

export type SlackBlock = KnownBlock

/** Slack's mrkdwn escaping: the three characters its formatting gives meaning to. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A link label may not contain `|` or `>`; URLs are ours (https://…), never upstream text. */
function slackLink(url: string, label: string): string {
  return `<${url}|${slackEscape(label).replace(/\|/g, '¦')}>`
}

function slackDate(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${utcText(at)}>`
}

const IMPACT_EMOJI: Record<string, string> = { critical: ':red_circle:', major: ':large_orange_circle:', minor: ':large_yellow_circle:' }

function stateEmoji(message: ChannelMessage): string {
  if (message.closed) return ':white_check_mark:'
  if (isMaintenance(message)) return ':wrench:'
  if (isPossibleOutage(message)) return ':warning:'
  return IMPACT_EMOJI[message.impact ?? ''] ?? ':white_circle:'
}

/** The plain-text fallback Slack shows in notifications and where blocks cannot render. */
export function slackFallbackText(message: ChannelMessage): string {
  return slackEscape(clip(`${message.closed && !isPossibleOutage(message) ? 'Resolved: ' : ''}${headline(message)} (${message.statusLabel})`, 300))
}

export function slackBlocks(message: ChannelMessage): SlackBlock[] {
  const fields: MrkdwnElement[] = [{ type: 'mrkdwn', text: `*Status*\n${stateEmoji(message)} ${slackEscape(message.statusLabel)}` }]
  if (message.impact && !isMaintenance(message)) fields.push({ type: 'mrkdwn', text: `*Impact*\n${IMPACT_LABELS[message.impact]}` })
  for (const fact of timeFacts(message)) fields.push({ type: 'mrkdwn', text: `*${fact.label}*\n${slackDate(fact.at)}` })

  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${message.test ? '[Test] ' : ''}${message.vendor.name}`, 150), emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*${slackLink(message.url, clip(message.title, 500))}*`, 3000) } },
    { type: 'section', fields: fields.slice(0, 10) },
  ]
  if (message.affectedComponents.length > 0) {
    const names = message.affectedComponents.slice(0, 25).map(slackEscape).join(', ')
    const more = message.affectedComponents.length > 25 ? ` and ${message.affectedComponents.length - 25} more` : ''
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Affected*\n${names}${more}`, 3000) } })
  }
  if (message.latestUpdate) {
    const update = message.latestUpdate
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Latest update* (${slackEscape(update.statusLabel)}, ${slackDate(update.publishedAt)})\n${slackEscape(update.body)}`, 3000) },
    })
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${slackLink(message.vendor.url, `${message.vendor.name} on Vendorwatch`)} · ${slackLink(message.url, 'Details')}` }],
  })
  return blocks
}

/** The thread reply for one change: what happened, in the vendor's words, with its time. */
export function slackReply(message: ChannelMessage): { text: string; blocks: SlackBlock[] } {
  const when = message.latestUpdate?.publishedAt ?? message.occurredAt
  const text = clip(`${stateEmoji(message)} ${slackEscape(replyText(message))}`, 2900)
  return {
    text: slackEscape(clip(`${headline(message)}: ${replyText(message)}`, 300)),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackDate(when) }] },
    ],
  }
}
