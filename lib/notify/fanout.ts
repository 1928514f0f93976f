// Turns change events into deliveries: one outbox row per (user, event) for every watcher the
// event concerns. Each batch of events is claimed, fanned out and marked done in ONE transaction,
// so a crash leaves the events to the next run, and the unique (user, event) key means no race,
// retry or overlapping run can ever create a second delivery.
import type { FanoutBatch } from '@/lib/data/outbox'
import { PRO_SUBSCRIPTION_STATUSES } from '@/lib/plans/plans'
import type { FanoutData } from './ports'
import { emailCarries, isNews, watchWants } from './rules'

export interface WatchLimits {
  /** Watches that alert for a user without a paid subscription (the oldest ones). */
  free: number
  paid: number
}

export interface FanoutResult {
  events: number
  deliveries: number
}

const EVENTS_PER_TRANSACTION = 20
/**
 * Watches read (and deliveries written) per step of one event's fan-out: an incident on a vendor
 * 10,000 users watch is ten steps, so the notifier never holds the whole fan-out in memory.
 */
export const WATCHERS_PER_PAGE = 1_000

/** Fans out every pending event, a few per transaction; returns what it did. */
export async function fanOutEvents(data: FanoutData, limits: WatchLimits, now: Date): Promise<FanoutResult> {
  const total: FanoutResult = { events: 0, deliveries: 0 }
  for (;;) {
    const done = await data.outbox.fanOutPendingEvents(EVENTS_PER_TRANSACTION, now, (batch) => fanOutBatch(batch, limits, now))
    total.events += done.events
    total.deliveries += done.result
    if (done.events < EVENTS_PER_TRANSACTION) return total
  }
}

/** The deliveries of one claimed batch; returns how many were created. */
async function fanOutBatch(batch: FanoutBatch, limits: WatchLimits, now: Date): Promise<number> {
  let deliveries = 0
  // One event at a time: the batch is one transaction, one connection.
  for (const event of batch.events) {
    const facts = await batch.factsOf(event)
    if (!isNews(facts) || !emailCarries(facts)) continue
    const limitsWithPlans = { ...limits, paidStatuses: PRO_SUBSCRIPTION_STATUSES }
    let cursor: string | null = null
    do {
      const page = await batch.watcherPage(event.vendorId, limitsWithPlans, cursor, WATCHERS_PER_PAGE)
      const rows = page.watchers
        .filter((w) => watchWants(facts, { ...w, componentIds: new Set(w.componentIds ?? []) }))
        // Due (and, for digests, arrived) at the notifier's clock, not the database's: the sender
        // and the digest's 08:00 cut-off compare with the same clock.
        .map((w) => ({ userId: w.userId, eventId: event.id, mode: w.deliveryMode, nextAttemptAt: now, createdAt: now }))
      if (rows.length) deliveries += await batch.insertDeliveries(rows)
      cursor = page.next
    } while (cursor !== null)
  }
  return deliveries
}
