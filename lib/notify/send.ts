// Sends instant deliveries from the outbox, in provider batches.
//
// Exactly-once: a delivery joins a batch once (its batchKey, written when it is claimed) and that
// key is the provider's idempotency key on every attempt. If we crash after the provider accepted
// a batch but before we recorded it, the batch's lease expires, it is claimed again with the same
// key, and the provider answers with the original result instead of sending twice.
import { randomUUID } from 'node:crypto'
import type { ClaimedDelivery } from '@/lib/data/deliveries'
import type { Mailer, OutgoingMail } from './mailer'
import type { SendData } from './ports'

export type { ClaimedDelivery } from '@/lib/data/deliveries'

export interface SendOptions {
  now: () => Date
  /** How long a claimed batch is ours before another sender may retry it. */
  leaseMs: number
  maxAttempts: number
  /** Stop claiming new batches after this long. */
  timeBudgetMs: number
  /** Batches in flight at once. */
  concurrency: number
  /** Stop claiming new batches once it fires (the process is stopping). */
  signal?: AbortSignal
}

export interface SendResult {
  sent: number
  failed: number
  retrying: number
  apiCalls: number
}

/** A delivery whose message could not be built (the reason is recorded; it is never retried). */
export interface ComposeFailure {
  failed: string
}

/**
 * Builds the message of every claimed delivery; deliveries it returns nothing for are skipped,
 * those it returns a failure for are closed as failed while the rest of the batch is sent.
 */
export type Compose = (deliveries: ClaimedDelivery[]) => Promise<Map<string, OutgoingMail | ComposeFailure>>

/**
 * The longest a provider's Retry-After may hold an alert back: past it we try again (and it may
 * say so again), because an alert that arrives a day late is worth little.
 */
export const MAX_RETRY_AFTER_MS = 15 * 60_000

export async function sendInstantDeliveries(data: SendData, mailer: Mailer, compose: Compose, options: SendOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, retrying: 0, apiCalls: 0 }
  const deadline = options.now().getTime() + options.timeBudgetMs
  const worker = async () => {
    while (options.now().getTime() < deadline && !options.signal?.aborted) {
      const batch = (await claimRetry(data, options, result)) ?? (await claimNew(data, mailer.maxBatch, options))
      if (!batch) return
      await sendBatch(data, mailer, compose, batch, options, result)
    }
  }
  // allSettled: if one worker fails, the others still finish their batch before we return.
  const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency }, worker))
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
  if (failure) throw failure.reason
  return result
}

/** A batch whose lease expired (a crashed sender, or a retry that is due): same members, same key. */
async function claimRetry(data: SendData, options: SendOptions, result: SendResult): Promise<ClaimedDelivery[] | null> {
  const now = options.now()
  const batchKey = await data.deliveries.findExpiredBatchKey(now)
  if (!batchKey) return null
  // Every claim is an attempt, also one whose sender died or hung before recording an outcome (its
  // lease simply ran out). At the cap the batch is closed instead of claimed again, so a message
  // that kills its sender cannot stay `sending`, re-claimed at every lease expiry, forever.
  result.failed += await data.deliveries.failExhaustedBatch(batchKey, now, options.maxAttempts)
  // A concurrent sender may have taken the lease first: then this finds nothing and we look again.
  const rows = await data.deliveries.reclaimExpiredBatch(batchKey, now, new Date(now.getTime() + options.leaseMs))
  return rows.length ? rows : claimRetry(data, options, result)
}

async function claimNew(data: SendData, size: number, options: SendOptions): Promise<ClaimedDelivery[] | null> {
  const now = options.now()
  const rows = await data.deliveries.claimNewBatch(size, now, randomUUID(), new Date(now.getTime() + options.leaseMs))
  return rows.length ? rows : null
}

async function sendBatch(data: SendData, mailer: Mailer, compose: Compose, batch: ClaimedDelivery[], options: SendOptions, result: SendResult) {
  const batchKey = batch[0]?.batchKey as string
  let messages: Awaited<ReturnType<Compose>>
  try {
    messages = await compose(batch)
  } catch (e) {
    // Not one message's fault (the database went away mid-batch): the whole batch tries again.
    await retryOrFail(data, batch, { permanent: false, message: `compose: ${(e as Error).message}` }, options, result)
    return
  }
  const members: ClaimedDelivery[] = []
  const mails: OutgoingMail[] = []
  const unsendable: { id: string; reason: string }[] = []
  const orphans: string[] = []
  for (const d of batch) {
    const message = messages.get(d.id)
    if (!message) orphans.push(d.id)
    else if ('failed' in message) unsendable.push({ id: d.id, reason: message.failed })
    else {
      members.push(d)
      mails.push(message)
    }
  }
  if (orphans.length) {
    // Nothing to say any more (the user or the event is gone): close them, never send.
    await data.deliveries.skipDeliveries(orphans)
  }
  for (const { id, reason } of unsendable) {
    // This message cannot be built (and never will be): it fails alone, for the operator to see.
    await data.deliveries.failDelivery(id, `compose: ${reason}`.slice(0, 500))
    result.failed++
  }
  if (!members.length) return
  result.apiCalls++
  const outcome = await mailer.sendBatch(mails, batchKey)
  const now = options.now()
  if (outcome.ok || outcome.failure.kind === 'already_sent') {
    const providerIds = members.map((_, i) => (outcome.ok ? (outcome.providerIds[i] ?? null) : null))
    await data.deliveries.markBatchSent(members.map((d) => d.id), providerIds, now)
    result.sent += members.length
    return
  }
  const failure = outcome.failure
  await retryOrFail(data, members, { permanent: failure.kind === 'permanent', message: failure.message, label: failure.kind, retryAfterMs: failure.kind === 'retry' ? failure.retryAfterMs : undefined }, options, result)
}

interface BatchFailure {
  permanent: boolean
  message: string
  /** Prefix of the recorded error when the batch is closed (the provider's failure kind). */
  label?: string
  retryAfterMs?: number
}

async function retryOrFail(data: SendData, members: ClaimedDelivery[], failure: BatchFailure, options: SendOptions, result: SendResult) {
  const ids = members.map((d) => d.id)
  const attempts = Math.max(...members.map((d) => d.attempts))
  if (failure.permanent || attempts >= options.maxAttempts) {
    const lastError = failure.label ? `${failure.label}: ${failure.message}` : failure.message
    await data.deliveries.failDeliveries(ids, lastError.slice(0, 500))
    result.failed += members.length
    return
  }
  // Retry later as the same batch: the status stays `sending` and the lease is the retry time.
  const retryAfter = Math.min(failure.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)
  const backoff = Math.max(retryAfter, Math.min(2 ** attempts * 1000, 5 * 60_000))
  await data.deliveries.scheduleBatchRetry(ids, new Date(options.now().getTime() + backoff), failure.message.slice(0, 500))
  result.retrying += members.length
}
