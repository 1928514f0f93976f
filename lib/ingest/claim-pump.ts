// Hands a cycle's workers their vendors and writes their cheap outcomes, in as few statements as
// the database allows. A worker asks for ONE vendor at a time (a worker never holds vendors it has
// not started: a batch claimed per worker would leave the vendors behind a hanging one leased and
// waiting out its timeout while other workers run dry). But every request and every finished
// check's record (an unchanged page, a failure) waiting at that moment goes into one statement
// (recordChecksAndClaim): a worker's record and its next claim share a round trip, and workers
// that finish together share one (group commit). On the embedded database, where a statement costs
// ~20-40 ms of Wasm on the event loop whatever it carries, this is most of the cycle's database time.
//
// Fencing is unchanged: each record is written only if the lease is still this cycle's; a lost
// lease rejects an unchanged record with LeaseLostError, as the direct write does.
import { LeaseLostError } from '@/lib/data/lease-lost'
import type { CheckedSource, ClaimedSource, FailedCheck } from '@/lib/data/status-sources'
import type { DbGate } from './db-gate'
import type { CheckVendorData, RefreshData } from './ports'
import type { StageTimes } from './stage-times'

export interface ClaimPumpOptions {
  owner: string
  leaseMs: number
  /** The cycle's start: vendors due by then are claimed (see claimDueSources). */
  dueBy: Date
  now: () => Date
  /** False once the cycle stops claiming (time budget spent, or stopping). */
  mayClaim: () => boolean
}

interface Pending<T> {
  value: T
  resolve: () => void
  reject: (e: unknown) => void
}

export interface ClaimPump {
  /** The next vendor for a worker; null when none is due (or the cycle stopped claiming). */
  claimOne(): Promise<ClaimedSource | null>
  /** The port checkVendor records through: records wait for the next statement. */
  statusSources: CheckVendorData['statusSources']
  /** Resolves when a record for this source is queued (the worker may then ask for its next vendor). */
  recordQueued(sourceId: string): Promise<void>
  forget(sourceId: string): void
  /** Statements run, and what they carried (for the benchmark). */
  readonly stats: { statements: number; records: number; claimed: number }
}

export function createClaimPump(data: RefreshData, withDb: DbGate, options: ClaimPumpOptions, stages?: StageTimes): ClaimPump {
  let unchanged: Pending<{ check: CheckedSource; isBaseline: boolean }>[] = []
  let failures: Pending<FailedCheck>[] = []
  let waiters: { resolve: (s: ClaimedSource | null) => void; reject: (e: unknown) => void }[] = []
  const queuedListeners = new Map<string, () => void>()
  let scheduled = false
  let running = false
  let exhausted = false
  const stats = { statements: 0, records: 0, claimed: 0 }

  const schedule = () => {
    if (scheduled || running) return
    if (unchanged.length + failures.length + waiters.length === 0) return
    scheduled = true
    // One macrotask later: records and claims that arrive in the same turn share the statement.
    setImmediate(() => void flush())
  }

  const flush = async () => {
    scheduled = false
    running = true
    const [u, f, w] = [unchanged, failures, waiters]
    ;[unchanged, failures, waiters] = [[], [], []]
    const limit = !exhausted && options.mayClaim() ? w.length : 0
    try {
      const started = performance.now()
      const result = await withDb(() =>
        data.statusSources.recordChecksAndClaim({
          unchanged: u.map((p) => p.value),
          failures: f.map((p) => p.value),
          claim: limit > 0 ? { owner: options.owner, now: options.now(), dueBy: options.dueBy, leaseMs: options.leaseMs, limit } : null,
        }),
      )
      stages?.add('claim + record', performance.now() - started)
      stats.statements++
      stats.records += u.length + f.length
      stats.claimed += result.claimed.length
      const lost = new Set(result.lost)
      for (const p of u) {
        if (lost.has(p.value.check.sourceId)) p.reject(new LeaseLostError('lease lost before the check could be recorded'))
        else p.resolve()
      }
      for (const p of f) p.resolve()
      // Fewer than asked: nothing else is due (or other cycles took it); later asks get null.
      if (result.claimed.length < limit) exhausted = true
      w.forEach((waiter, i) => waiter.resolve(result.claimed[i] ?? null))
    } catch (e) {
      for (const p of [...u, ...f]) p.reject(e)
      for (const waiter of w) waiter.reject(e)
    } finally {
      running = false
      schedule()
    }
  }

  const queued = (sourceId: string) => {
    queuedListeners.get(sourceId)?.()
    queuedListeners.delete(sourceId)
  }

  return {
    stats,
    claimOne() {
      if (exhausted || !options.mayClaim()) return Promise.resolve(null)
      return new Promise((resolve, reject) => {
        waiters.push({ resolve, reject })
        schedule()
      })
    },
    statusSources: {
      recordCheckUnchanged: (check, isBaseline) =>
        new Promise<void>((resolve, reject) => {
          unchanged.push({ value: { check, isBaseline }, resolve, reject })
          queued(check.sourceId)
          schedule()
        }),
      recordCheckFailure: (failure) =>
        new Promise<void>((resolve, reject) => {
          failures.push({ value: failure, resolve, reject })
          queued(failure.sourceId)
          schedule()
        }),
      releaseLease: (sourceId, owner) => withDb(() => data.statusSources.releaseLease(sourceId, owner)),
    },
    recordQueued: (sourceId) => new Promise<void>((resolve) => queuedListeners.set(sourceId, resolve)),
    forget: (sourceId) => void queuedListeners.delete(sourceId),
  }
}
