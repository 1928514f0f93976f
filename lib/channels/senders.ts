// The registry of senders, one per destination kind. The outbox (lib/channels/deliver.ts) and
// "Send test" look a sender up here; a kind without an entry is not offered.
import { env } from '@/lib/env'
import { createPagerDutySender } from './pagerduty'
import type { ChannelKind, ChannelSender } from './types'
import { webhookSender } from './webhook'

export const SENDERS: { [K in ChannelKind]?: ChannelSender<K> } = {
  webhook: webhookSender,
  pagerduty: createPagerDutySender(env.PAGERDUTY_EVENTS_URL),
}
