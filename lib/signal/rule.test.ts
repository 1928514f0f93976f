import { describe, expect, it } from 'vitest'
import { bucketStart, expectedPerWindow, median, windowCount, type CountBucket } from './baseline'
import { BASELINE_DAYS, BUCKET_MINUTES, PROBE_FAIL_STREAK, QUIET_MINUTES_TO_CLOSE, REPORT_FLOOR } from './params'
import { decide, reportThreshold, type OfficialView, type SignalFacts } from './rule'
import type { ProbeCheck } from './types'

const MIN = 60_000
const BUCKET = BUCKET_MINUTES * MIN
// Monday 2026-11-30 09:20 UTC: a busy hour of a busy day.
const MONDAY_MORNING = new Date('2026-11-30T09:20:00Z')
// Wednesday 2026-12-02 03:20 UTC: a quiet night.
const QUIET_NIGHT = new Date('2026-12-02T03:20:00Z')

/** A small deterministic generator, so the "noise" in the series is the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** Poisson-ish noise around `mean` networks per bucket (Knuth's method: exact for small means). */
function poisson(mean: number, rand: () => number): number {
  const limit = Math.exp(-mean)
  let k = 0
  let p = rand()
  while (p > limit) {
    k++
    p *= rand()
  }
  return k
}

/**
 * 28 days of history before `now` (and the current buckets up to `now`): `rate(t)` is the mean
 * distinct networks per 5-minute bucket at time t. Buckets with 0 are left out, as the database does.
 */
function history(now: Date, rate: (t: Date) => number, seed = 1): CountBucket[] {
  const rand = lcg(seed)
  const out: CountBucket[] = []
  const end = bucketStart(now).getTime()
  for (let t = end - BASELINE_DAYS * 24 * 60 * MIN; t <= end; t += BUCKET) {
    const n = poisson(rate(new Date(t)), rand)
    if (n > 0) out.push({ start: new Date(t), networks: n })
  }
  return out
}

/** Busy on weekday mornings (UTC 08–11), a trickle otherwise. */
const officeHours = (t: Date) => (t.getUTCDay() >= 1 && t.getUTCDay() <= 5 && t.getUTCHours() >= 8 && t.getUTCHours() < 12 ? 4 : 0.05)

/** Adds `networks` reports spread over the window's buckets (the current one last). */
function spike(buckets: CountBucket[], now: Date, networks: number): CountBucket[] {
  const last = bucketStart(now).getTime()
  const add = [0, 1, 2].map((i) => ({ start: new Date(last - i * BUCKET), networks: Math.floor(networks / 3) + (i < networks % 3 ? 1 : 0) }))
  const byStart = new Map(buckets.map((b) => [b.start.getTime(), { ...b }]))
  for (const a of add) {
    const prev = byStart.get(a.start.getTime())
    byStart.set(a.start.getTime(), { start: a.start, networks: (prev?.networks ?? 0) + a.networks })
  }
  return [...byStart.values()]
}

const operational: OfficialView = { status: 'operational', fresh: true, incidentOpen: false }

function facts(now: Date, reportBuckets: CountBucket[], over: Partial<SignalFacts> = {}): SignalFacts {
  return { now, reportBuckets, baseline: expectedPerWindow(reportBuckets, now), probeChecks: [], official: operational, ourNetworkDown: false, open: null, ...over }
}

/** `count` checks per probe, one a minute up to `now`; the last `failing` of each fail. */
function probeChecks(now: Date, probes: { id: string; failing: number }[], count = 5): ProbeCheck[] {
  return probes.flatMap(({ id, failing }) =>
    Array.from({ length: count }, (_, i) => ({ probeId: id, checkedAt: new Date(now.getTime() - (count - 1 - i) * MIN), ok: i < count - failing, latencyMs: i < count - failing ? 120 : null })),
  )
}

describe('baseline', () => {
  it('is the median of the same hour in the four weeks before, per window', () => {
    expect(median([1, 9, 2])).toBe(2)
    expect(median([1, 2, 3, 100])).toBe(2.5)
    expect(median([])).toBe(0)
    // 3 networks in every bucket: 36 an hour, 9 per 15-minute window.
    const flat = history(MONDAY_MORNING, () => 0)
      .concat(Array.from({ length: 28 * 288 }, (_, i) => ({ start: new Date(bucketStart(MONDAY_MORNING).getTime() - (i + 1) * BUCKET), networks: 3 })))
    expect(expectedPerWindow(flat, MONDAY_MORNING)).toBe(9)
  })

  it('is not dominated by one past outage in the same hour', () => {
    const quiet = history(QUIET_NIGHT, () => 0.05)
    const weekAgo = new Date(QUIET_NIGHT.getTime() - 7 * 24 * 60 * MIN)
    const withOutage = spike(quiet, weekAgo, 400)
    expect(expectedPerWindow(withOutage, QUIET_NIGHT)).toBeLessThan(1)
  })

  it('counts the window as the current bucket and the two before it', () => {
    const now = new Date('2026-12-02T03:22:00Z')
    const b = (iso: string, networks: number) => ({ start: new Date(iso), networks })
    const buckets = [b('2026-12-02T03:05:00Z', 50), b('2026-12-02T03:10:00Z', 1), b('2026-12-02T03:15:00Z', 2), b('2026-12-02T03:20:00Z', 3)]
    expect(windowCount(buckets, now)).toBe(6)
  })
})

describe('decide', () => {
  it('a quiet night: a trickle of reports opens nothing', () => {
    const buckets = history(QUIET_NIGHT, () => 0.05)
    expect(decide(facts(QUIET_NIGHT, buckets)).kind).toBe('nothing')
  })

  it('a Monday morning spike: the baseline by hour of the week absorbs it', () => {
    const buckets = history(MONDAY_MORNING, officeHours, 7)
    const f = facts(MONDAY_MORNING, buckets)
    // The usual Monday morning is far above the floor, and this morning is usual.
    expect(windowCount(buckets, MONDAY_MORNING)).toBeGreaterThanOrEqual(REPORT_FLOOR)
    expect(f.baseline).toBeGreaterThan(8)
    expect(decide(f).kind).toBe('nothing')
  })

  it('the same Monday-morning count at night would open one: the hour of the week matters', () => {
    const monday = history(MONDAY_MORNING, officeHours, 7)
    const nightHistory = history(QUIET_NIGHT, officeHours, 7)
    const night = spike(nightHistory, QUIET_NIGHT, windowCount(monday, MONDAY_MORNING))
    expect(decide(facts(QUIET_NIGHT, night)).kind).toBe('open')
  })

  it('one noisy network: 500 reports from one network are one reporter, nothing opens', () => {
    // The intake stores at most one report per network per 30 minutes, and the data layer counts
    // distinct networks: 500 reports from one network reach the rule as 1.
    const buckets = spike(history(QUIET_NIGHT, () => 0.05), QUIET_NIGHT, 1)
    expect(decide(facts(QUIET_NIGHT, buckets)).kind).toBe('nothing')
  })

  it('a real outage: 30 networks in 15 minutes open a possible outage with the evidence', () => {
    const buckets = spike(history(QUIET_NIGHT, () => 0.05), QUIET_NIGHT, 30)
    const d = decide(facts(QUIET_NIGHT, buckets))
    expect(d.kind).toBe('open')
    if (d.kind !== 'open') return
    expect(d.trigger).toBe('reports')
    expect(d.evidence.reports).toBeGreaterThanOrEqual(30)
    expect(d.evidence.windowMinutes).toBe(15)
    expect(d.evidence.probesFailing).toBe(0)
  })

  it('just under the floor opens nothing, at the floor opens', () => {
    const empty: CountBucket[] = []
    expect(reportThreshold(0)).toBe(REPORT_FLOOR)
    expect(decide(facts(QUIET_NIGHT, spike(empty, QUIET_NIGHT, REPORT_FLOOR - 1))).kind).toBe('nothing')
    expect(decide(facts(QUIET_NIGHT, spike(empty, QUIET_NIGHT, REPORT_FLOOR))).kind).toBe('open')
  })

  it('probes failing while the official page says operational open one', () => {
    const checks = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: PROBE_FAIL_STREAK }, { id: 'b', failing: 0 }])
    const d = decide(facts(QUIET_NIGHT, [], { probeChecks: checks }))
    expect(d).toMatchObject({ kind: 'open', trigger: 'probes', evidence: { probesFailing: 1, probesTotal: 2, probeFailStreak: PROBE_FAIL_STREAK } })
  })

  it('probes failing one check short of the streak, or a minority of probes failing, open nothing', () => {
    const short = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: PROBE_FAIL_STREAK - 1 }])
    expect(decide(facts(QUIET_NIGHT, [], { probeChecks: short })).kind).toBe('nothing')
    const minority = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: 5 }, { id: 'b', failing: 0 }, { id: 'c', failing: 0 }])
    expect(decide(facts(QUIET_NIGHT, [], { probeChecks: minority })).kind).toBe('nothing')
  })

  it('probes do not count when the official page is stale (nothing to be early against)', () => {
    const checks = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: 5 }])
    expect(decide(facts(QUIET_NIGHT, [], { probeChecks: checks, official: { ...operational, fresh: false } })).kind).toBe('nothing')
  })

  it('both signals together say so in the trigger', () => {
    const checks = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: 5 }])
    const d = decide(facts(QUIET_NIGHT, spike([], QUIET_NIGHT, 30), { probeChecks: checks }))
    expect(d).toMatchObject({ kind: 'open', trigger: 'reports+probes' })
  })

  it('an official incident open: no new possible outage, whatever the signals', () => {
    const checks = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: 5 }])
    const official = { ...operational, incidentOpen: true }
    expect(decide(facts(QUIET_NIGHT, spike([], QUIET_NIGHT, 60), { probeChecks: checks, official })).kind).toBe('nothing')
    expect(decide(facts(QUIET_NIGHT, spike([], QUIET_NIGHT, 60), { official: { ...operational, status: 'major_outage' } })).kind).toBe('nothing')
  })

  it('our own network down (most vendors unreachable): nothing opens, even with every probe failing', () => {
    const checks = probeChecks(QUIET_NIGHT, [{ id: 'a', failing: 5 }, { id: 'b', failing: 5 }])
    expect(decide(facts(QUIET_NIGHT, spike([], QUIET_NIGHT, 60), { probeChecks: checks, ourNetworkDown: true })).kind).toBe('nothing')
  })

  it('an open possible outage stays open while hot and for the quiet period after, then closes', () => {
    const openedAt = new Date(QUIET_NIGHT.getTime() - 20 * MIN)
    const hot = spike([], QUIET_NIGHT, 30)
    expect(decide(facts(QUIET_NIGHT, hot, { open: { openedAt } })).kind).toBe('keep')
    // 20 minutes after the last hot window: still within the quiet period.
    const later = new Date(QUIET_NIGHT.getTime() + 20 * MIN)
    expect(decide(facts(later, hot, { open: { openedAt } })).kind).toBe('keep')
    // Past the quiet period with nothing new: subsided.
    const muchLater = new Date(QUIET_NIGHT.getTime() + (QUIET_MINUTES_TO_CLOSE + 15) * MIN)
    expect(decide(facts(muchLater, hot, { open: { openedAt } })).kind).toBe('close')
    // A probe failure inside the quiet period keeps it open.
    const failure: ProbeCheck = { probeId: 'a', checkedAt: new Date(muchLater.getTime() - 10 * MIN), ok: false, latencyMs: null }
    expect(decide(facts(muchLater, hot, { open: { openedAt }, probeChecks: [failure] })).kind).toBe('keep')
    // Our network down: we cannot tell it subsided.
    expect(decide(facts(muchLater, hot, { open: { openedAt }, ourNetworkDown: true })).kind).toBe('keep')
  })
})
