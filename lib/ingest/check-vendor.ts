// Checks one claimed vendor: fetch -> parse -> diff -> store, or record why it failed.
// A failure never touches the vendor's data: it keeps its last known state, the source is marked
// with the reason, and the next check backs off. One vendor's failure never stops the cycle.
import { isLeaseLostError } from '@/lib/data/lease-lost'
import type { CheckedSource, ClaimedSource } from '@/lib/data/status-sources'
import type { DbGate } from './db-gate'
import { diffVendor, isEmptyPlan } from './diff'
import type { FetchedBodies, HttpCache } from './fetch-bodies'
import { isFetchError } from './http'
import { detectSourceChange, nextSourceChange, type SourceChange } from './source-drift'
import { sourceFor } from './sources'
import { readSnapshot } from './sources/read-snapshot'
import { isSourceParseError, SourceParseError, type Endpoint } from './sources/types'
import type { CheckVendorData } from './ports'
import { timed, timedSync, type StageTimes } from './stage-times'

export type VendorOutcome =
  /** `incidentIds`: the incidents written, whose pages show something new. */
  | { kind: 'changed'; events: number; incidentIds: string[] }
  | { kind: 'unchanged' }
  | { kind: 'failed'; errorKind: string; message: string }
  /** The cycle was stopped while this vendor's pages were being read: its lease was handed back. */
  | { kind: 'interrupted' }

export interface CheckVendorDeps {
  data: CheckVendorData
  now: () => Date
  random: () => number
  log: (message: string) => void
  fetchBodies: (endpoints: Endpoint[], cache: HttpCache) => Promise<FetchedBodies>
  /** Runs a vendor's database work when the cycle's gate lets it (see db-gate.ts). */
  withDb: DbGate
  /** Fired when the cycle is stopping: fetches end at once (see fetchBodies). */
  signal?: AbortSignal
  /** Where the time goes, per stage (the benchmark's; absent in the app). */
  stages?: StageTimes
}

export interface CheckVendorOptions {
  owner: string
  /** When the cycle started: the next check is due one interval after it, so the next cycle finds it. */
  cycleStartedAt: Date
  intervalMs: number
  maxBackoffMs: number
}

/** A source may ask once to remember something (e.g. a discovered page id) and fetch again. */
const MAX_ROUNDS = 2

export async function checkVendor(deps: CheckVendorDeps, options: CheckVendorOptions, source: ClaimedSource): Promise<VendorOutcome> {
  const source_ = sourceFor(source.platform)
  let settings = asRecord(source.settings)
  let settingsChanged = false
  // Platform drift seen in this check's bodies; undefined when nothing was fetched to judge by.
  let sourceChange: SourceChange | null | undefined
  try {
    if (!source_) throw new SourceParseError(`no source module for platform ${source.platform}`)
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const target = { apiUrl: source.apiUrl, statusPageUrl: source.statusPageUrl, settings }
      const endpoints = source_.endpoints(target)
      const fetched = await timed(deps.stages, 'fetch', () => deps.fetchBodies(endpoints, asHttpCache(source.httpCache)))
      if (!fetched.unchanged) sourceChange = nextSourceChange(source.sourceChange, detectSourceChange(source.platform, endpoints, fetched), deps.now())
      const check = (now: Date): CheckedSource => ({
        sourceId: source.id,
        leaseOwner: options.owner,
        now,
        nextCheckAt: nextSuccessCheck(options, deps.random()),
        httpCache: fetched.cache,
        ...(settingsChanged && { settings }),
        ...(sourceChange !== undefined && { sourceChange }),
      })
      // 304 or the same bytes: nothing to read. The record is written outside the gate, because a
      // cycle may batch it with other statements that take the gate themselves (claim-pump.ts).
      if (fetched.unchanged) {
        await deps.data.statusSources.recordCheckUnchanged(check(deps.now()), false)
        return { kind: 'unchanged' }
      }
      // The network part is done: the rest reads and writes the database, through the gate.
      const step = await deps.withDb(async (): Promise<VendorOutcome | { kind: 'settings'; settings: Record<string, unknown> } | { kind: 'record'; check: CheckedSource; isBaseline: boolean }> => {
        const now = deps.now()
        const parsed = timedSync(deps.stages, 'parse', () => readSnapshot(source_, fetched.bodies, { now, target }))
        if (parsed.kind === 'settings') return { kind: 'settings', settings: parsed.settings }
        const checked = check(now)
        // Read with warnings: items that could not be read were left out; the operator sees which.
        const warnings = parsed.snapshot.readWarnings ?? []
        checked.readWarnings = warnings.length > 0 ? warnings : null
        // Read by the rules of a platform the page no longer answers as (incident.io's sampled
        // components through Statuspage's reader): its list proves no component's absence.
        const snapshot = sourceChange?.kind === 'signature' ? { ...parsed.snapshot, componentsPartial: true } : parsed.snapshot
        const state = await timed(deps.stages, 'load state', () => deps.data.vendorSnapshots.loadVendorState(source.vendorId, snapshot))
        const plan = timedSync(deps.stages, 'diff', () => diffVendor(state, snapshot, now))
        if (isEmptyPlan(plan)) return { kind: 'record', check: checked, isBaseline: state.isBaseline }
        const { events, incidentIds } = await timed(deps.stages, 'write', () => deps.data.vendorSnapshots.applyVendorChanges(source.vendorId, plan, checked, state.isBaseline))
        return { kind: 'changed', events, incidentIds }
      })
      if (step.kind === 'record') {
        await deps.data.statusSources.recordCheckUnchanged(step.check, step.isBaseline)
        return { kind: 'unchanged' }
      }
      if (step.kind !== 'settings') return step
      settings = { ...settings, ...step.settings }
      settingsChanged = true
    }
    throw new SourceParseError('the source kept asking for new settings')
  } catch (e) {
    const hasSettings = Object.keys(settings).length > 0
    return fail(deps, options, source, e, hasSettings, sourceChange)
  }
}

/** Records why the check failed. Not under the gate: the records take it themselves (see checkVendor). */
async function fail(
  deps: CheckVendorDeps,
  options: CheckVendorOptions,
  source: ClaimedSource,
  e: unknown,
  hasSettings: boolean,
  sourceChange: SourceChange | null | undefined,
): Promise<VendorOutcome> {
  // Another worker owns the vendor now (our lease expired): its result stands, ours is void.
  if (isLeaseLostError(e)) return { kind: 'failed', errorKind: 'lease_lost', message: e.message }
  // Stopped, not failed: the vendor keeps its state, its due time and its failure count, and is
  // free for the next cycle at once instead of after the lease expires.
  if (deps.signal?.aborted && isFetchError(e) && e.kind === 'aborted') {
    await deps.data.statusSources.releaseLease(source.id, options.owner).catch((err: unknown) => deps.log(`[refresh] ${source.vendorId}: could not release lease: ${(err as Error).message}`))
    return { kind: 'interrupted' }
  }
  const { kind, message, retryAfterSeconds } = classify(e)
  if (kind === 'internal') deps.log(`[refresh] ${source.vendorId}: unexpected error: ${(e as Error).stack ?? String(e)}`)
  const now = deps.now()
  await deps.data.statusSources.recordCheckFailure({
    sourceId: source.id,
    leaseOwner: options.owner,
    now,
    nextCheckAt: new Date(now.getTime() + failureWaitMs(source.consecutiveFailures + 1, retryAfterSeconds, options, deps.random())),
    kind,
    message,
    // A page that no longer parses with the settings we discovered earlier (e.g. a wrong status.io
    // page id) starts discovery again on the next check.
    resetSettings: kind === 'parse' && hasSettings,
    // A page that stopped parsing because it moved platform says so to the operator.
    ...(sourceChange !== undefined && { sourceChange }),
  }).catch((err: unknown) => deps.log(`[refresh] ${source.vendorId}: could not record failure: ${(err as Error).message}`))
  return { kind: 'failed', errorKind: kind, message }
}

function classify(e: unknown): { kind: string; message: string; retryAfterSeconds?: number } {
  if (isFetchError(e)) return { kind: e.kind, message: e.message, retryAfterSeconds: e.retryAfterSeconds }
  if (isSourceParseError(e)) return { kind: 'parse', message: e.message }
  // Database or programming errors: the operator sees the kind, the log has the details.
  return { kind: 'internal', message: 'internal error while checking this vendor' }
}

/** Due again one interval after this cycle started, minus up to 15% jitter so the next cycle finds it. */
function nextSuccessCheck(options: CheckVendorOptions, random: number): Date {
  return new Date(options.cycleStartedAt.getTime() + options.intervalMs * (0.85 + 0.1 * random))
}

/**
 * The longest `Retry-After` we honour. A status page asking for hours is usually an overloaded or
 * misconfigured CDN, not a plan to be down that long; six hours keeps a vendor's page from going
 * unread for days on one bad header, and still waits out any reasonable request to slow down.
 */
export const MAX_RETRY_AFTER_MS = 6 * 3_600_000

/**
 * How long after a failure to check again: the backoff (at most `maxBackoffMs`), or the page's own
 * `Retry-After` when that is longer (at most MAX_RETRY_AFTER_MS).
 */
export function failureWaitMs(failures: number, retryAfterSeconds: number | undefined, options: Pick<CheckVendorOptions, 'intervalMs' | 'maxBackoffMs'>, random: number): number {
  const backoff = Math.min(backoffMs(failures, options, random), options.maxBackoffMs)
  return Math.max(backoff, Math.min((retryAfterSeconds ?? 0) * 1000, MAX_RETRY_AFTER_MS))
}

/** Exponential backoff from one interval, doubled per failure, ±20% jitter, capped. */
export function backoffMs(failures: number, options: Pick<CheckVendorOptions, 'intervalMs' | 'maxBackoffMs'>, random: number): number {
  const base = options.intervalMs * 2 ** Math.min(failures - 1, 16)
  return Math.min(base, options.maxBackoffMs) * (0.8 + 0.4 * random)
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

const asHttpCache = (value: unknown): HttpCache => asRecord(value) as HttpCache
