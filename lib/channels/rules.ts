// Which events a destination kind carries, on top of each watch's preferences (lib/notify/rules.ts,
// the same rules as email): PagerDuty pages only when an incident opens and resolves when it
// resolves; maintenance and component notices never page. Pure (rules.test.ts).
import type { ChangeEventKind } from '@/lib/data/outbox'
import type { ChannelKind } from './types'

const PAGING_EVENTS: ReadonlySet<ChangeEventKind> = new Set(['incident_opened', 'incident_resolved'])

export function kindCarries(kind: ChannelKind, event: ChangeEventKind): boolean {
  if (kind === 'pagerduty') return PAGING_EVENTS.has(event)
  // A reworded update is not news anywhere (lib/notify/rules.ts drops it before this).
  return event !== 'incident_update_edited'
}
