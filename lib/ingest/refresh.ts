// One refresh cycle: claim due vendors (leases), fetch their status pages, diff against what is
// stored, write what changed, and record a summary. Everything impure comes in through `deps`
// (the data port, HTTP client, clock, randomness), so cycles are tested without a network or sleeps.
//
// Single-flight by design: a vendor is processed only by the holder of its lease, and its writes
// are fenced on that lease. Bounded by design: at most `concurrency` vendors are in flight, each
// fetch is capped in time and bytes, and nothing outlives the cycle but the rows it wrote.
import type { RefreshRunTotals, RefreshTrigger } from '@/lib/data/refresh-runs'
import type { ClaimedSource } from '@/lib/data/status-sources'
import { createClaimPump } from './claim-pump'
import { createDbGate } from './db-gate'
import { fetchVendorBodies, type HttpCache } from './fetch-bodies'
import type { HttpClient } from './http'
import { checkVendor, type VendorOutcome } from './check-vendor'
import { isNetworkFailureKind, looksLikeNetworkOutage } from '@/lib/status/network-outage'
import type { RefreshData } from './ports'
import type { StageTimes } from './stage-times'

export interface RefreshDeps {
  data: RefreshData
  http: HttpClient
  now: () => Date
  /** [0, 1); drives the jitter that spreads vendors over the interval. */
  random: () => number
  log: (message: string) => void
  /**
   * Stops the cycle (SIGTERM): no more claims, in-flight fetches end at once, their vendors' leases
   * are handed back, and the run is closed as `interrupted`.
   */
  signal?: AbortSignal
  /** Where the cycle's time goes, per stage (the benchmark passes one; the app does not). */
  stages?: StageTimes
}

export interface RefreshOptions {
  trigger: RefreshTrigger
  /** Unique per cycle: leases are owned by a cycle, not a process. */
  owner: string
  /** Vendors in flight at once. */
  concurrency: number
  /**
   * Of those, how many may use the database at once (default: all); the claim statements take one
   * more slot of their own unless this is 1. The embedded database runs one query at a time on the
   * event loop, so there it is 1 and everything takes turns: see db-gate.ts.
   */
  dbConcurrency?: number
  /** How long a claimed vendor stays ours; far above the worst-case time to check one. */
  leaseMs: number
  /** Target time between two checks of a vendor. */
  intervalMs: number
  /** Longest wait after repeated failures. */
  maxBackoffMs: number
  /** Stop claiming new vendors after this long (in-flight ones finish). */
  timeBudgetMs: number
  /**
   * Check this vendor (slug) before any other, when it is due and not being checked elsewhere: an
   * operator's "check it again now" must not wait behind a thousand never-checked vendors.
   */
  firstVendorSlug?: string
}

/** The cycle's counts (as its run row records them) and what only the caller needs. */
export interface RefreshSummary extends RefreshRunTotals {
  runId: string
  durationMs: number
  /** The time budget ran out before every due vendor was claimed. */
  stoppedEarly: boolean
  /** The signal stopped the cycle. */
  interrupted: boolean
  /** Vendors whose public view changed, and the incidents written: what the page layer re-renders. */
  changedVendors: ChangedVendor[]
}

/** A vendor whose shown state changed in this cycle; `incidentIds` are the incidents written (may be none). */
export interface ChangedVendor {
  vendorId: string
  vendorSlug: string
  incidentIds: string[]
}

export async function runRefreshCycle(deps: RefreshDeps, options: RefreshOptions): Promise<RefreshSummary> {
  const withDb = createDbGate(options.dbConcurrency ?? options.concurrency)
  const started = deps.now()
  await withDb(() => closeAbandonedRuns(deps.data, started, options))
  const run = await withDb(() => deps.data.refreshRuns.openRefreshRun({ trigger: options.trigger, owner: options.owner, startedAt: started }))
  const totals: Totals = { due: 0, checked: 0, changed: 0, unchanged: 0, failed: 0, events: 0 }
  const changedVendors: ChangedVendor[] = []
  const deadline = started.getTime() + options.timeBudgetMs
  let stoppedEarly = false
  let error: string | null = null
  const { signal } = deps
  const mayClaim = () => {
    if (signal?.aborted) return false
    if (deps.now().getTime() >= deadline) {
      stoppedEarly = true
      return false
    }
    return true
  }
  // Claims and the records of unchanged and failed checks go through one pump (claim-pump.ts).
  // With one database slot (the embedded database) its statements take turns with the vendors'
  // work; with more, they get a slot of their own: queued behind slow writes, the next claims
  // would leave dozens of workers idle.
  const pumpDb = (options.dbConcurrency ?? options.concurrency) === 1 ? withDb : createDbGate(1)
  const pump = createClaimPump(deps.data, pumpDb, { owner: options.owner, leaseMs: options.leaseMs, dueBy: started, now: deps.now, mayClaim }, deps.stages)
  const check = (source: ClaimedSource) =>
    checkVendor(
      {
        data: { statusSources: pump.statusSources, vendorSnapshots: deps.data.vendorSnapshots },
        now: deps.now,
        random: deps.random,
        log: deps.log,
        fetchBodies: (endpoints, cache: HttpCache) => fetchVendorBodies(deps.http, endpoints, cache, signal),
        withDb,
        ...(signal && { signal }),
        ...(deps.stages && { stages: deps.stages }),
      },
      { owner: options.owner, cycleStartedAt: started, intervalMs: options.intervalMs, maxBackoffMs: options.maxBackoffMs },
      source,
    )
  const network = { failures: 0, example: '' }
  const record = (source: ClaimedSource, outcome: VendorOutcome) => {
    // Stopped mid-check: its lease went back, and it is counted by nobody.
    if (outcome.kind === 'interrupted') return
    tally(totals, outcome)
    if (outcome.kind === 'failed' && isNetworkFailureKind(outcome.errorKind)) {
      network.failures++
      network.example ||= `${source.vendorSlug}: ${outcome.message}`
    }
    // A first failure changes what the vendor's page says (the status may now be out of date).
    const vendor = { vendorId: source.vendorId, vendorSlug: source.vendorSlug }
    if (outcome.kind === 'changed') changedVendors.push({ ...vendor, incidentIds: outcome.incidentIds })
    else if (outcome.kind === 'failed' && source.consecutiveFailures === 0) changedVendors.push({ ...vendor, incidentIds: [] })
  }
  // `concurrency` workers, each checking one vendor at a time until none are due. A worker asks for
  // its next vendor as soon as its record is queued, so the record and the claim share a statement.
  const worker = async () => {
    let source = await pump.claimOne()
    while (source) {
      const current = source
      const outcome = check(current)
      await Promise.race([outcome, pump.recordQueued(current.id)])
      pump.forget(current.id)
      const next = pump.claimOne()
      // The claim must not be left unhandled when the record fails the cycle first.
      next.catch(() => {})
      record(current, await outcome)
      source = await next
    }
  }
  try {
    totals.due = await withDb(() => deps.data.statusSources.countDueSources(started))
    if (options.firstVendorSlug !== undefined) {
      const first = await withDb(() => deps.data.statusSources.claimDueSources({ owner: options.owner, now: deps.now(), dueBy: started, leaseMs: options.leaseMs, limit: 1, vendorSlug: options.firstVendorSlug }))
      for (const source of first) record(source, await check(source))
    }
    // allSettled: when one worker fails (say the database went away) the others still run to
    // their end before the cycle reports, so nothing keeps working after the cycle returned.
    const results = await Promise.allSettled(Array.from({ length: options.concurrency }, worker))
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (rejected) throw rejected.reason
    // One line per cycle, not one per vendor: a thousand "ENOTFOUND" lines hide the one cause.
    if (looksLikeNetworkOutage(network.failures, totals.checked)) {
      deps.log(`[refresh] outbound network looks unreachable: ${network.failures} of ${totals.checked} vendor checks failed to connect (DNS, TCP or timeout), e.g. ${network.example}`)
    }
  } catch (e) {
    error = (e as Error).message
    throw e
  } finally {
    const durationMs = deps.now().getTime() - started.getTime()
    const status = error !== null ? 'failed' : signal?.aborted ? 'interrupted' : 'completed'
    await withDb(() => deps.data.refreshRuns.closeRefreshRun(run.id, { ...totals, status, durationMs, finishedAt: deps.now(), error }))
  }
  const interrupted = signal?.aborted ?? false
  return { runId: run.id, ...totals, durationMs: deps.now().getTime() - started.getTime(), stoppedEarly, interrupted, changedVendors }
}

/**
 * Closes runs whose process died (a crash, kill -9) before closing them. No live cycle is older than
 * its time budget plus one lease (the longest a claimed vendor may take), so one still `running`
 * beyond that is dead. Its vendors' leases expire on their own.
 */
async function closeAbandonedRuns(data: RefreshData, now: Date, options: Pick<RefreshOptions, 'timeBudgetMs' | 'leaseMs'>): Promise<void> {
  await data.refreshRuns.closeAbandonedRefreshRuns(new Date(now.getTime() - options.timeBudgetMs - options.leaseMs), now)
}

type Totals = Pick<RefreshSummary, 'due' | 'checked' | 'changed' | 'unchanged' | 'failed' | 'events'>

function tally(totals: Totals, outcome: VendorOutcome) {
  totals.checked++
  if (outcome.kind === 'changed') {
    totals.changed++
    totals.events += outcome.events
  } else if (outcome.kind === 'unchanged') totals.unchanged++
  else totals.failed++
}
