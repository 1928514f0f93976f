// The notifier as the app runs it: the change events of a refresh turned into alert emails, wired
// to this process's database, email transport and configuration.
import { FREE_WATCHLIST_LIMIT, PRO_WATCHLIST_LIMIT } from '@/lib/plans/plans'
import { alertMailer } from '@/lib/email'
import { env } from '@/lib/env'
import { notifierData } from '@/lib/data/notifier-data'
import { createComposer, createDigestComposer } from '@/lib/notify/compose'
import { runNotifier, type NotifierResult } from '@/lib/notify/run'
import { shutdownSignal, trackWork } from '@/lib/shutdown'
import type { ChannelRunResult } from '@/lib/channels/outbox'
import { deliverToChannels } from './channels'

/**
 * Email and the channels (lib/jobs/channels.ts) side by side, each with the whole budget: neither
 * waits for the other, and a channel failure never costs the email result (it is logged).
 */
export async function notifyWatchers(timeBudgetMs: number, now: () => Date = () => new Date()): Promise<NotifierResult & { channels: ChannelRunResult | null }> {
  const [email, channels] = await Promise.all([
    notifyByEmail(timeBudgetMs, now).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    ),
    trackWork(deliverToChannels(timeBudgetMs, now)).catch((e: unknown) => {
      console.error('[channels] outbox run failed:', e)
      return null
    }),
  ])
  if ('error' in email) throw email.error
  return { ...email.result, channels }
}

async function notifyByEmail(timeBudgetMs: number, now: () => Date): Promise<NotifierResult> {
  const composer = { appUrl: env.APP_URL, secret: env.AUTH_SECRET }
  // A stop (SIGTERM) makes it stop claiming batches and digests; a batch in flight finishes.
  return trackWork(runNotifier(
    {
      data: notifierData,
      mailer: alertMailer(),
      compose: createComposer(notifierData, composer),
      composeDigest: createDigestComposer(notifierData, composer),
      now,
      signal: shutdownSignal(),
    },
    // Watches beyond the plan's limit (the newest ones, after a downgrade) stay silent.
    { limits: { free: FREE_WATCHLIST_LIMIT, paid: PRO_WATCHLIST_LIMIT }, timeBudgetMs },
  ))
}
