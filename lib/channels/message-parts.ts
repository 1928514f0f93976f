// Pure pieces every chat rendering shares: the impact's words and colour, the headline, the
// UTC time text and bounded strings. Chat services cap field lengths (Slack: 3,000 characters per
// section text, 150 per header; Discord: 4,096 per embed description, 256 per title); a vendor's
// words are cut with a visible ellipsis rather than rejected by the service.
import { IMPACT_LABEL } from '@/lib/format/status-labels'
import type { ChannelMessage } from './types'

/** The words the emails and pages use for an impact. */
export const IMPACT_LABELS = IMPACT_LABEL

/** RGB colours: the impact while a subject is open, green once it is over, blue for maintenance. */
export const COLOURS = {
  critical: 0xd93025,
  major: 0xe8710a,
  minor: 0xf2c744,
  none: 0x8a8f98,
  unknown: 0x8a8f98,
  maintenance: 0x3b82f6,
  /** Violet: unlike any impact colour, so an unofficial warning is never mistaken for the vendor's incident. */
  possibleOutage: 0x8b5cf6,
  closed: 0x2eb67d,
} as const

export function isMaintenance(message: Pick<ChannelMessage, 'subjectKey'>): boolean {
  return message.subjectKey.startsWith('maintenance:')
}

/** Our unofficial early warning (issue 19), not the vendor's word. */
export function isPossibleOutage(message: Pick<ChannelMessage, 'subjectKey'>): boolean {
  return message.subjectKey.startsWith('possible-outage:')
}

/** The colour a message is drawn in: green when over, blue for maintenance, violet for a possible outage, else its impact. */
export function messageColour(message: ChannelMessage): number {
  if (message.closed) return COLOURS.closed
  if (isMaintenance(message)) return COLOURS.maintenance
  if (isPossibleOutage(message)) return COLOURS.possibleOutage
  return COLOURS[message.impact ?? 'unknown']
}

export function hexColour(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`
}

/** Cuts `text` to at most `max` characters (an ellipsis included), on a code point boundary. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** "2026-12-07 14:05 UTC": readers are in many zones; services that can localise do so themselves. */
export function utcText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "GitHub — Incident with Actions": the one line a notification preview shows. */
export function headline(message: ChannelMessage): string {
  const prefix = message.test ? '[Test] ' : ''
  return `${prefix}${message.vendor.name} — ${message.title}`
}

/** "Resolved · Major" / "Investigating · Critical" / "Scheduled". */
export function statusLine(message: ChannelMessage): string {
  const parts = [message.statusLabel]
  if (message.impact && !isMaintenance(message)) parts.push(IMPACT_LABELS[message.impact])
  return parts.join(' · ')
}

/** "Started …", "Resolved …" (or "Ended …" for maintenance and components). */
export function timeFacts(message: ChannelMessage): { label: string; at: Date }[] {
  const facts: { label: string; at: Date }[] = []
  if (message.startedAt) facts.push({ label: isMaintenance(message) && !message.closed && message.startedAt > message.occurredAt ? 'Starts' : 'Started', at: message.startedAt })
  if (message.endedAt) {
    const label = message.closed ? (message.subjectKey.startsWith('incident:') ? 'Resolved' : 'Ended') : 'Ends'
    facts.push({ label, at: message.endedAt })
  }
  return facts
}

/** What a thread reply says about the change: the newest update, else the new state. */
export function replyText(message: ChannelMessage): string {
  if (message.latestUpdate) return `${message.latestUpdate.statusLabel}: ${message.latestUpdate.body}`
  return message.closed ? `${message.statusLabel}.` : `Now: ${statusLine(message)}.`
}
