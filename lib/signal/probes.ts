// The probe runner: each scheduled run requests the probes that are due (prisma/seed/probes.csv,
// once per probe per interval: polite), a few at a time, inside a small time box, and stores what
// each came to. Runs right after the refresh and before the signal is evaluated
// (lib/jobs/scheduled-work.ts), so it must cost the cycle little: no probe starts once too little of
// the box is left for its timeout, and the box's end (or the process stopping) aborts whatever is
// still in flight. Probes it did not get to are handed back and are due at once next run.
//
// Everything impure is injected (the data ports, the request, the clocks), so the unit tests run it
// without a network, a database or sleeping.
import type { ProbeAnswer, ProbeRequest } from './probe-request'

export interface DueProbe {
  id: string
  url: string
  /** Statuses below this count as up. */
  upBelow: number
}

export interface ProbeOutcome {
  probeId: string
  checkedAt: Date
  ok: boolean
  statusCode: number | null
  latencyMs: number | null
  error: string | null
}

/** The tables the runner reaches, and no more (lib/data/probe-runs.ts implements them). */
export interface ProbeRunData {
  /** Claims up to `limit` probes due at `now`, marking them not due again before `nextCheckAt`. */
  claimDueProbes(now: Date, nextCheckAt: Date, limit: number): Promise<DueProbe[]>
  /** Makes claimed probes that were not requested due again at `now`. */
  releaseProbes(ids: readonly string[], now: Date): Promise<void>
  recordProbeResults(outcomes: readonly ProbeOutcome[]): Promise<void>
  /** Deletes results checked before `before`; answers how many. */
  pruneProbeResults(before: Date): Promise<number>
}

export interface ProbeRunOptions {
  data: ProbeRunData
  request: ProbeRequest
  now: () => Date
  /** A monotonic clock in ms (performance.now): latencies and the time box never follow wall-clock jumps. */
  monotonicMs: () => number
  /** Each probe is requested at most once per this many ms. */
  intervalMs: number
  /** The whole run, in ms: in-flight requests are aborted at its end. */
  budgetMs: number
  /** The HTTP client's own per-request timeout: no probe starts with less than this left in the box. */
  requestTimeoutMs: number
  concurrency: number
  /** Probes claimed per run. */
  limit: number
  /** Results older than this many ms are deleted by each run. */
  retentionMs: number
  /** The process is stopping: end at once, hand back what was not requested. */
  signal?: AbortSignal
}

export interface ProbeRunSummary {
  claimed: number
  checked: number
  up: number
  down: number
  /** Claimed but not requested (or aborted mid-request): due again next run. */
  handedBack: number
  pruned: number
}

/** What an answer counts as; null: nothing to record (our own stop ended it). */
export function classifyAnswer(probe: DueProbe, answer: ProbeAnswer, checkedAt: Date, latencyMs: number): ProbeOutcome | null {
  const base = { probeId: probe.id, checkedAt }
  switch (answer.kind) {
    case 'status':
      return { ...base, ok: answer.status < probe.upBelow, statusCode: answer.status, latencyMs, error: null }
    case 'too-large':
      // Only a 2xx is read far enough to be too large (the client drops other bodies early).
      return { ...base, ok: 200 < probe.upBelow, statusCode: null, latencyMs, error: 'answered 2xx with a body over the probe cap' }
    case 'failed':
      return { ...base, ok: false, statusCode: null, latencyMs: null, error: answer.error }
    case 'aborted':
      return null
  }
}

export async function runDueProbes(options: ProbeRunOptions): Promise<ProbeRunSummary> {
  const { data, request, now, monotonicMs } = options
  const started = monotonicMs()
  const runStart = now()
  const pruned = await data.pruneProbeResults(new Date(runStart.getTime() - options.retentionMs))
  if (options.signal?.aborted) return { claimed: 0, checked: 0, up: 0, down: 0, handedBack: 0, pruned }
  const due = await data.claimDueProbes(runStart, new Date(runStart.getTime() + options.intervalMs), options.limit)

  const box = new AbortController()
  const boxLeftMs = () => options.budgetMs - (monotonicMs() - started)
  const timer = setTimeout(() => box.abort(), Math.max(0, boxLeftMs()))
  const signal = options.signal ? AbortSignal.any([options.signal, box.signal]) : box.signal
  const outcomes: ProbeOutcome[] = []
  const handBack: string[] = []
  let next = 0

  const worker = async () => {
    for (let probe = due[next++]; probe; probe = due[next++]) {
      if (signal.aborted || boxLeftMs() < options.requestTimeoutMs) {
        handBack.push(probe.id)
        continue
      }
      const sent = monotonicMs()
      const checkedAt = now()
      const answer = await request(probe.url, signal)
      const outcome = classifyAnswer(probe, answer, checkedAt, Math.round(monotonicMs() - sent))
      if (outcome) outcomes.push(outcome)
      else handBack.push(probe.id)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker))
  } finally {
    clearTimeout(timer)
  }
  // Written even when stopping: these requests were made, and the signal reads them.
  if (outcomes.length > 0) await data.recordProbeResults(outcomes)
  if (handBack.length > 0) await data.releaseProbes(handBack, now())
  const up = outcomes.filter((o) => o.ok).length
  return { claimed: due.length, checked: outcomes.length, up, down: outcomes.length - up, handedBack: handBack.length, pruned }
}
