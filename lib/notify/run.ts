// One notifier pass: reminders due, fan events out to deliveries, send what is instant, and the
// daily digests that are due. Safe to run from any number of processes at once (see each step).
import { sendDueDigests } from './digest'
import { fanOutEvents, type WatchLimits } from './fanout'
import type { Mailer } from './mailer'
import type { NotifierData } from './ports'
import { recordMaintenanceReminders } from './reminders'
import { sendInstantDeliveries, type Compose } from './send'

export interface NotifierDeps {
  /** What every step reads and writes (lib/data/notifier-data.ts in the app and the tests). */
  data: NotifierData
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
  const reminders = await recordMaintenanceReminders(deps.data, deps.now())
  const fanned = await fanOutEvents(deps.data, options.limits, deps.now())
  const sent = await sendInstantDeliveries(deps.data, deps.mailer, deps.compose, {
    now: deps.now,
    leaseMs: 2 * 60_000,
    maxAttempts: 8,
    timeBudgetMs: options.timeBudgetMs,
    concurrency: options.concurrency ?? 4,
    ...(deps.signal && { signal: deps.signal }),
  })
  const digests = await sendDueDigests(deps.data, deps.mailer, deps.composeDigest, deps.now(), deps.signal)
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
