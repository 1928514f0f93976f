// One notifier pass: reminders due, fan events out to deliveries, send what is instant, and the
// daily digests that are due. Safe to run from any number of processes at once (see each step).
import { sendDueDigests, type DigestPort } from './digest'
import { fanOutEvents, type FanoutPort, type WatchLimits } from './fanout'
import type { Mailer } from './mailer'
import { recordMaintenanceReminders, type RemindersPort } from './reminders'
import { sendInstantDeliveries, type Compose, type SendPort } from './send'

export interface NotifierDeps {
  /** Change events to fan out, and the maintenance reminders added to them (lib/data/outbox.ts). */
  outbox: FanoutPort & RemindersPort
  /** Instant deliveries: claims and outcomes (lib/data/deliveries.ts). */
  deliveries: SendPort
  /** Daily digests (lib/data/digests.ts). */
  digests: DigestPort
  mailer: Mailer
  compose: Compose
  composeDigest: Parameters<typeof sendDueDigests>[2]
  now: () => Date
  /** Stops claiming new batches and digests (the process is stopping); a batch in flight finishes. */
  signal?: AbortSignal
}

export interface NotifierResult {
  reminders: number
  eventsFannedOut: number
  deliveriesCreated: number
  sent: number
  failed: number
  retrying: number
  digests: number
  apiCalls: number
}

export async function runNotifier(deps: NotifierDeps, options: { limits: WatchLimits; timeBudgetMs: number; concurrency?: number }): Promise<NotifierResult> {
  const reminders = await recordMaintenanceReminders(deps.outbox, deps.now())
  const fanned = await fanOutEvents(deps.outbox, options.limits, deps.now())
  const sent = await sendInstantDeliveries(deps.deliveries, deps.mailer, deps.compose, {
    now: deps.now,
    leaseMs: 2 * 60_000,
    maxAttempts: 8,
    timeBudgetMs: options.timeBudgetMs,
    concurrency: options.concurrency ?? 4,
    ...(deps.signal && { signal: deps.signal }),
  })
  const digests = await sendDueDigests(deps.digests, deps.mailer, deps.composeDigest, deps.now(), deps.signal)
  return {
    reminders,
    eventsFannedOut: fanned.events,
    deliveriesCreated: fanned.deliveries,
    sent: sent.sent + digests.deliveries,
    failed: sent.failed,
    retrying: sent.retrying,
    digests: digests.digests,
    apiCalls: sent.apiCalls + digests.apiCalls,
  }
}
