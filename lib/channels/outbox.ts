// The channel outbox as one pass: fan change events out to one ChannelDelivery per (destination,
// event), then send what is due. Safe to run from any number of processes at once: fan-out claims
// events with SKIP LOCKED and the (destination, event) key refuses a second row; sending claims
// deliveries under a lease, one per destination at a time, in event order.
//
// Each delivery: the message is built once per event, the thread of (destination, subject) is
// looked up so a sender edits or replies instead of posting again, SENDERS[kind] is called, and
// the outcome recorded: thread, the delivery log (last 50), the destination's last result (sent
// deliveries in batches, one statement per RECORD_BATCH; the rarer outcomes one by one); retried
// with backoff for a day (Retry-After honoured); a `broken` outcome stops the destination and
// tells its owner by email, once per break. Destinations are sent to concurrently, so one slow or
// failing destination holds up only its own deliveries.
import type * as channelOutbox from '@/lib/data/channel-outbox'
import type { ChannelSentRecord, ClaimedChannelDelivery } from '@/lib/data/channel-outbox'
import { FREE_DESTINATION_LIMIT, PLANS, PRO_DESTINATION_LIMIT, PRO_SUBSCRIPTION_STATUSES } from '@/lib/plans/plans'
import { isNews, watchWants } from '@/lib/notify/rules'
import { buildChannelMessage } from './message'
import { nextAttemptAt } from './retry'
import { kindCarries, skipWithoutThread } from './rules'
import type { ChannelKind, ChannelMessage, ChannelSender, ChannelSettings, OutboundHttp, SendOutcome } from './types'

/** The data the channel outbox reads and writes (the real module in the app and the tests). */
export type ChannelData = Pick<
  typeof channelOutbox,
  | 'fanOutChannelEvents'
  | 'claimDueChannelDeliveries'
  | 'recordChannelSent'
  | 'scheduleChannelRetry'
  | 'closeChannelDelivery'
  | 'markDestinationBroken'
  | 'findChannelThreads'
  | 'findChannelEvents'
  | 'recordAttempt'
>

export interface ChannelDeps {
  data: ChannelData
  senders: { [K in ChannelKind]?: ChannelSender<K> }
  openSettings: <K extends ChannelKind>(kind: K, sealed: string) => ChannelSettings[K]
  http: OutboundHttp
  appUrl: string
  now: () => Date
  /** Tells an owner their destination stopped working (once per break; failures are logged, not retried). */
  notifyBroken: (to: { email: string; name: string }, reason: string) => Promise<void>
  signal?: AbortSignal
}

export interface ChannelRunOptions {
  /** Watches that alert, per plan (the same slots as email). */
  watchLimits: { free: number; paid: number }
  timeBudgetMs: number
  /** Deliveries in flight at once (each to a different destination). */
  concurrency: number
  leaseMs?: number
}

export interface ChannelRunResult {
  events: number
  deliveriesCreated: number
  sent: number
  retrying: number
  failed: number
  skipped: number
  broken: number
}

const EVENTS_PER_TRANSACTION = 20
/** Sent deliveries written per statement (recordChannelSent). */
const RECORD_BATCH = 100
const DEFAULT_LEASE_MS = 2 * 60_000

export async function runChannelOutbox(deps: ChannelDeps, options: ChannelRunOptions): Promise<ChannelRunResult> {
  const fanned = await fanOutChannels(deps.data, options.watchLimits, deps.now())
  const sent = await sendDueChannelDeliveries(deps, options)
  return { ...sent, events: fanned.events, deliveriesCreated: fanned.deliveries }
}

export async function fanOutChannels(data: Pick<ChannelData, 'fanOutChannelEvents'>, watchLimits: { free: number; paid: number }, now: Date): Promise<{ events: number; deliveries: number }> {
  const limits = {
    freeWatches: watchLimits.free,
    paidWatches: watchLimits.paid,
    freeDestinations: FREE_DESTINATION_LIMIT,
    paidDestinations: PRO_DESTINATION_LIMIT,
    freeKinds: PLANS.free.destinationKinds,
    paidStatuses: PRO_SUBSCRIPTION_STATUSES,
  }
  const total = { events: 0, deliveries: 0 }
  for (;;) {
    const done = await data.fanOutChannelEvents(EVENTS_PER_TRANSACTION, now, async (batch) => {
      let created = 0
      for (const event of batch.events) {
        const facts = await batch.factsOf(event)
        if (!isNews(facts)) continue
        const watchers = await batch.watchersOf(event.vendorId, limits)
        const rows = watchers
          .filter((w) => kindCarries(w.kind, facts) && watchWants(facts, { ...w, componentIds: new Set(w.componentIds ?? []) }))
          .map((w) => ({ destinationId: w.destinationId, eventId: event.id, nextAttemptAt: now, createdAt: now }))
        created += await batch.insertDeliveries(rows)
      }
      return created
    })
    total.events += done.events
    total.deliveries += done.result
    if (done.events < EVENTS_PER_TRANSACTION) return total
  }
}

/** Sends due deliveries until none is due, the budget is spent or the process stops. */
export async function sendDueChannelDeliveries(deps: ChannelDeps, options: ChannelRunOptions): Promise<Omit<ChannelRunResult, 'events' | 'deliveriesCreated'>> {
  const result = { sent: 0, retrying: 0, failed: 0, skipped: 0, broken: 0 }
  const started = deps.now().getTime()
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const messages = new Map<string, ChannelMessage | null>()
  for (;;) {
    if (deps.signal?.aborted || deps.now().getTime() - started > options.timeBudgetMs) return result
    const claimed = await deps.data.claimDueChannelDeliveries(options.concurrency * 4, deps.now(), leaseMs)
    if (!claimed.length) return result
    const missing = [...new Set(claimed.map((c) => c.eventId))].filter((id) => !messages.has(id))
    if (missing.length) {
      const events = await deps.data.findChannelEvents(missing)
      for (const id of missing) {
        const event = events.get(id)
        messages.set(id, event ? buildChannelMessage(event, deps.appUrl) : null)
      }
    }
    const pairs = claimed.flatMap((c) => {
      const message = messages.get(c.eventId)
      return message ? [{ destinationId: c.destinationId, subjectKey: message.subjectKey }] : []
    })
    const threads = await deps.data.findChannelThreads(pairs)
    // Sent outcomes are written RECORD_BATCH at a time, in one statement each, and the rest once the
    // round is over: before the next claim, so a destination's next delivery finds the thread its
    // previous one posted. A batch that cannot be written leaves its deliveries `sending`: their
    // lease runs out and they are sent again, under the same idempotency key, as one unrecorded
    // delivery was before.
    let unrecorded: ChannelSentRecord[] = []
    const record = async () => {
      const batch = unrecorded
      unrecorded = []
      if (!batch.length) return
      try {
        await deps.data.recordChannelSent(batch)
        result.sent += batch.length
      } catch (e) {
        console.error(`[channels] ${batch.length} sent deliveries could not be recorded:`, e)
      }
    }
    let next = 0
    const worker = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++] as ClaimedChannelDelivery
        const message = messages.get(delivery.eventId) ?? null
        const thread = message ? (threads.get(`${delivery.destinationId} ${message.subjectKey}`) ?? null) : null
        try {
          const outcome = await deliverOne(deps, delivery, message, thread && { externalId: thread.externalId, ...(thread.data ? { data: thread.data } : {}) })
          if (typeof outcome === 'string') result[outcome]++
          else {
            unrecorded.push(outcome)
            if (unrecorded.length >= RECORD_BATCH) await record()
          }
        } catch (e) {
          // Recording failed (the database): this delivery's lease runs out and it is claimed again; the others go on.
          console.error('[channels] delivery', delivery.id, 'could not be recorded:', e)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, worker))
    await record()
  }
}

type Tally = 'retrying' | 'failed' | 'skipped' | 'broken'

/** Sends one delivery and records any outcome but `sent`, which it returns for the round's batched write. */
async function deliverOne(deps: ChannelDeps, delivery: ClaimedChannelDelivery, message: ChannelMessage | null, thread: { externalId: string; data?: Record<string, string> } | null): Promise<Tally | ChannelSentRecord> {
  const { destination } = delivery
  if (!destination.enabled || destination.health !== 'ok') {
    await deps.data.closeChannelDelivery(delivery.id, 'skipped', destination.enabled ? 'destination broken' : 'destination turned off')
    return 'skipped'
  }
  if (!message) {
    await deps.data.closeChannelDelivery(delivery.id, 'skipped', 'the event no longer exists')
    return 'skipped'
  }
  const kind = destination.kind as ChannelKind
  if (!thread && skipWithoutThread(kind, message)) {
    await deps.data.closeChannelDelivery(delivery.id, 'skipped', 'nothing to follow up: the opening message was never posted here')
    return 'skipped'
  }
  const sender = deps.senders[kind] as ChannelSender<ChannelKind> | undefined
  const startedAt = deps.now()
  const t0 = performance.now()
  let outcome: SendOutcome
  if (!sender) {
    outcome = { ok: false, retry: true, reason: `no sender for ${kind} in this build` }
  } else {
    try {
      const settings = deps.openSettings(kind, destination.sealedSettings)
      // Every claim counts as an attempt, so a first attempt has attempts = 1; createdAt precedes it.
      const attempt = { key: delivery.id, since: delivery.createdAt, retry: delivery.attempts > 1 }
      outcome = await sender.send({ settings, message, thread, http: deps.http, delivery: attempt, ...(deps.signal ? { signal: deps.signal } : {}) })
    } catch (e) {
      // A sender that throws (or settings that cannot be opened) is a bug or a lost key, not the destination's answer.
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      outcome = e instanceof Error && e.name === 'SealedSettingsError' ? { ok: false, retry: false, broken: true, reason: 'saved settings cannot be read; add the destination again' } : { ok: false, retry: true, reason }
    }
  }
  const latencyMs = Math.round(performance.now() - t0)
  const now = deps.now()
  const statusCode = outcome.statusCode ?? null
  if (outcome.ok) {
    const about = `${message.title} (${message.statusLabel})`
    const sentAttempt = { at: startedAt, sentAt: now, text: `Delivered: ${about}`, statusCode, latencyMs, detail: outcome.detail ? `${about}: ${outcome.detail}` : about }
    return { id: delivery.id, destinationId: delivery.destinationId, attempt: sentAttempt, thread: outcome.thread ? { subjectKey: message.subjectKey, ...outcome.thread } : null }
  }
  await deps.data.recordAttempt(delivery.destinationId, delivery.id, { at: startedAt, ok: false, text: outcome.reason, statusCode, latencyMs, detail: outcome.reason })
  if (outcome.retry) {
    const at = nextAttemptAt(delivery.createdAt, now, delivery.attempts, outcome.retryAfterMs)
    if (at) {
      await deps.data.scheduleChannelRetry(delivery.id, at, outcome.reason)
      return 'retrying'
    }
    await deps.data.closeChannelDelivery(delivery.id, 'failed', `gave up after a day: ${outcome.reason}`)
    return 'failed'
  }
  await deps.data.closeChannelDelivery(delivery.id, 'failed', outcome.reason)
  if (!outcome.broken) return 'failed'
  const owner = await deps.data.markDestinationBroken(delivery.destinationId, outcome.reason, now)
  if (owner) {
    try {
      await deps.notifyBroken(owner, outcome.reason)
    } catch (e) {
      console.error('[channels] could not email the owner of a broken destination:', e)
    }
  }
  return 'broken'
}
