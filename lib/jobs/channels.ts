// The channel outbox as the app runs it: wired to this process's database, senders, guarded HTTP,
// email (for "your destination stopped working") and configuration.
import * as channelOutbox from '@/lib/data/channel-outbox'
import { createOutboundHttp } from '@/lib/channels/outbound-http'
import { runChannelOutbox, type ChannelRunResult } from '@/lib/channels/outbox'
import { openSettings } from '@/lib/channels/sealed-settings'
import { SENDERS } from '@/lib/channels/senders'
import { sendEmail } from '@/lib/email'
import { destinationBrokenMessage } from '@/lib/email/messages'
import { env } from '@/lib/env'
import { FREE_WATCHLIST_LIMIT, PRO_WATCHLIST_LIMIT } from '@/lib/plans/plans'
import { shutdownSignal } from '@/lib/shutdown'

let http: ReturnType<typeof createOutboundHttp> | undefined

/** The one guarded client of this process (keep-alive sockets are shared by every run). */
export function channelHttp() {
  http ??= createOutboundHttp({ allowPrivateNetwork: env.CHANNELS_ALLOW_PRIVATE_NETWORK })
  return http
}

export async function deliverToChannels(timeBudgetMs: number, now: () => Date = () => new Date()): Promise<ChannelRunResult> {
  return runChannelOutbox(
    {
      data: channelOutbox,
      senders: SENDERS,
      openSettings,
      http: channelHttp(),
      appUrl: env.APP_URL,
      now,
      notifyBroken: async (owner, reason) => {
        await sendEmail(await destinationBrokenMessage(owner.email, owner.name, reason, `${env.APP_URL}/settings/destinations`))
      },
      signal: shutdownSignal(),
    },
    { watchLimits: { free: FREE_WATCHLIST_LIMIT, paid: PRO_WATCHLIST_LIMIT }, timeBudgetMs, concurrency: env.CHANNELS_SEND_CONCURRENCY },
  )
}
