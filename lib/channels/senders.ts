// The registry of senders, one per destination kind. The outbox (lib/channels/deliver.ts) and
// "Send test" look a sender up here; a kind without an entry is not offered.
import { env } from '@/lib/env'
import { discordSender } from './discord'
import { googleChatSender } from './google-chat'
import { createPagerDutySender } from './pagerduty'
import { createSlackSender } from './slack'
import { teamsSender } from './teams'
import type { ChannelKind, ChannelSender } from './types'
import { webhookSender } from './webhook'

export const SENDERS: { [K in ChannelKind]?: ChannelSender<K> } = {
  webhook: webhookSender,
  pagerduty: createPagerDutySender(env.PAGERDUTY_EVENTS_URL),
  slack: createSlackSender({ apiUrl: env.SLACK_API_URL }),
  discord: discordSender,
  google_chat: googleChatSender,
  teams: teamsSender,
}
