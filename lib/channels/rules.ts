// Which events a destination kind carries, on top of each watch's preferences (lib/notify/rules.ts,
// the same rules as email): PagerDuty pages only when an incident opens and resolves when it
// resolves; maintenance and component notices never page. Pure (rules.test.ts).
//
// Possible outages (unofficial): PagerDuty triggers a "warning" alert on its own dedup key
// ("possible-outage:<id>") and resolves it when the outage closes, whichever way: the official
// incident pages on its own key. A possible outage closed by the official incident is carried by
// the kinds that can follow up on what they posted without a separate message in the channel:
// Slack and Discord edit their message to point at the incident (Slack also replies in its thread),
// Google Chat replies in the possible outage's thread, webhooks get the event (machines want the
// link). Teams can neither edit nor thread, so it leaves the follow-up to the incident's own card.
import type { ChangeEventKind, PendingEventFacts } from '@/lib/data/outbox'
import { closedByOfficialIncident } from '@/lib/notify/rules'
import type { ChannelKind, ChannelMessage } from './types'

const PAGING_EVENTS: ReadonlySet<ChangeEventKind> = new Set(['incident_opened', 'incident_resolved', 'possible_outage_opened', 'possible_outage_closed'])

/**
 * The kinds whose follow-up edits or replies to an earlier message, and so need it (a thread) to
 * exist. Teams keeps no thread (it cannot edit or reply), so it cannot tell and posts its card.
 */
const FOLLOW_UP_NEEDS_THREAD: ReadonlySet<ChannelKind> = new Set(['slack', 'discord', 'google_chat'])

export function kindCarries(kind: ChannelKind, event: ChangeEventKind | Pick<PendingEventFacts, 'kind' | 'possibleOutage'>): boolean {
  const facts = typeof event === 'string' ? { kind: event, possibleOutage: null } : event
  if (kind === 'pagerduty') return PAGING_EVENTS.has(facts.kind)
  if (kind === 'teams' && closedByOfficialIncident(facts)) return false
  // A reworded update is not news anywhere (lib/notify/rules.ts drops it before this).
  return facts.kind !== 'incident_update_edited'
}

/**
 * A possible outage's "closed" message only follows up on the "opened" one: a chat destination that
 * never got the opening (added since, or it failed) gets no lone "subsided" or "confirmed" message.
 */
export function skipWithoutThread(kind: ChannelKind, message: Pick<ChannelMessage, 'eventKind' | 'test'>): boolean {
  return !message.test && message.eventKind === 'possible_outage_closed' && FOLLOW_UP_NEEDS_THREAD.has(kind)
}
