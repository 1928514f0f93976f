// The printed report of `npm run bench:refresh`: per-cycle lines, then figures beside their targets.
import os from 'node:os'
import { FARM_FAULT_SHARE, FARM_LATENCY_MS, type FarmMessage } from './farm-protocol'
import { MB, type WriteStats } from './measure'
import type { Stage } from '@/lib/ingest/stage-times'

export interface CycleRecord {
  n: number
  /** No upstream change before it and broken vendors parked: measures the unchanged path alone. */
  quiet: boolean
  durationMs: number
  /** When (from the cycle's start) the last request that timed out was sent; null if none did. */
  lastTimeoutAtMs: number | null
  checked: number
  changed: number
  unchanged: number
  failed: number
  stoppedEarly: boolean
  /** Benchmark process CPU (user + system) during the cycle. */
  cpuMs: number
  farmCpuMs: number
  /** Whole machine, all cores: the refresh, the farm, PostgreSQL and anything else running. */
  machineBusyPct: number
  requests: number
  notModified: number
  /** Requests the farm left unanswered on purpose (each fails after the client's timeout). */
  hung: number
  /** Peak RSS sampled during the cycle. */
  peakRss: number
  /** RSS and V8 heap after the cycle, after a full gc. */
  rss: number
  heap: number
  /** The floor measured right before the cycle: a plain fetch of the same URLs (the vendors due). */
  floorMs: number | null
  /** Event-loop delay during the cycle (monitorEventLoopDelay, 10 ms resolution). */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** Wall time per stage, summed over vendors (stage-times.ts). */
  stages: Partial<Record<Stage, { count: number; ms: number }>>
  /** recordChecksAndClaim statements, and every data-port call, in the cycle. */
  claimStatements: number
  portCalls: number
}

/** Issue 18: a cycle of 2,000 vendors at 100-300 ms latency in <= 12 s, the baseline in <= 15 s. */
export const TARGETS = { cycleMs: 12_000, baselineMs: 15_000, peakRssMb: 300, rssGrowthPct: 10, writesPerUnchanged: 1 } as const

const fixed = (value: number, digits = 1) => value.toFixed(digits)
const perSecond = (c: CycleRecord) => (c.checked * 1000) / Math.max(1, c.durationMs)
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')

export const cycleHeader = ' cycle   dur s floor s  x floor  hang@ s  vend/s  changed/unchanged/failed   http req  304 %  hung  statements  loop p99/max ms  node cpu s  farm cpu s  host cpu %  peak MB  rss MB  heap MB'
const ratio = (c: { durationMs: number; floorMs: number | null }) => (c.floorMs ? `${fixed(c.durationMs / c.floorMs, 2)}` : '-')

export function cycleLine(c: CycleRecord): string {
  const outcome = `${c.changed}/${c.unchanged}/${c.failed}`
  const notModified = c.requests ? (100 * c.notModified) / c.requests : 0
  return [
    `${String(c.n).padStart(4)}${c.quiet ? 'q' : ' '}`,
    fixed(c.durationMs / 1000).padStart(7),
    (c.floorMs === null ? '-' : fixed(c.floorMs / 1000)).padStart(7),
    ratio(c).padStart(8),
    (c.lastTimeoutAtMs === null ? '-' : fixed(c.lastTimeoutAtMs / 1000)).padStart(8),
    fixed(perSecond(c), 0).padStart(7),
    outcome.padStart(26) + (c.stoppedEarly ? '!' : ' '),
    String(c.requests).padStart(9),
    fixed(notModified, 0).padStart(6),
    String(c.hung).padStart(5),
    String(c.claimStatements).padStart(11),
    `${fixed(c.loopDelayP99Ms, 0)}/${fixed(c.loopDelayMaxMs, 0)}`.padStart(15),
    fixed(c.cpuMs / 1000).padStart(11),
    fixed(c.farmCpuMs / 1000).padStart(11),
    fixed(c.machineBusyPct, 0).padStart(11),
    fixed(c.peakRss / MB, 0).padStart(8),
    fixed(c.rss / MB, 0).padStart(7),
    fixed(c.heap / MB, 0).padStart(8),
  ].join(' ')
}

export function setupLines(s: {
  vendors: number
  cycles: number
  instances: number
  database: string
  ready: Extract<FarmMessage, { type: 'ready' }>
  settings: string
  changesPerCycle: number
}): string[] {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')
  return [
    `refresh benchmark: ${s.vendors} vendors, ${s.cycles} cycles, ${s.instances} app instance(s), PostgreSQL ${s.database}`,
    `  platforms (the seed catalog's mix): ${list(s.ready.vendorsPerPlatform)}`,
    `  recorded payload variants: ${list(s.ready.variantsPerPlatform)}`,
    `  latency ${FARM_LATENCY_MS.min}-${FARM_LATENCY_MS.max} ms per response; broken every cycle (${FARM_FAULT_SHARE * 100}%): ${list(s.ready.faults)}`,
    `  ${s.settings}; ~${s.changesPerCycle} vendors change upstream per cycle`,
    '  q = quiet cycle (nothing changed upstream, broken vendors parked); ! = time budget ran out',
    '  hung = requests never answered; hang@ = when the last of them was sent (the cycle cannot end before hang@ + timeout)',
    '  x floor = cycle time / the floor: a plain fetch of the same URLs (the vendors due, with their validators) at the same concurrency, no parse or writes, measured right before the cycle',
    '  statements = claim+record statements (each carries the finished checks\' records and the next claims)',
    '',
  ]
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0

export interface Summary {
  cycles: CycleRecord[]
  /** Row writes summed over the quiet cycles, per table. */
  quietWrites: WriteStats
  quietUnchanged: number
  quietClaimStatements: number
  peakSampledRss: number
  maxRssKb: number
  /** Cycle whose RSS is compared with the last one (5, or the last if fewer ran). */
  earlyCycle: number
}

export function summaryLines(s: Summary): string[] {
  const [baseline, ...steady] = s.cycles
  const lines: string[] = []
  const row = (figure: string, value: string, target: string, result = '') => lines.push(`  ${figure.padEnd(42)} ${value.padStart(18)}  ${target.padEnd(24)} ${result}`)
  lines.push('', 'summary', `  ${'figure'.padEnd(42)} ${'value'.padStart(18)}  ${'target'.padEnd(24)} result`)
  if (baseline) {
    row('cycle 1 (baseline: every vendor new), time', `${fixed(baseline.durationMs / 1000)} s (${ratio(baseline)} x floor)`, `<= ${TARGETS.baselineMs / 1000} s`, verdict(baseline.durationMs <= TARGETS.baselineMs))
    row('cycle 1, vendors/second', fixed(perSecond(baseline), 0), '')
  }
  if (steady.length) {
    const times = steady.map((c) => c.durationMs).sort((a, b) => a - b)
    const worst = times.at(-1) ?? 0
    row(`cycles 2-${s.cycles.length}, time median / p95`, `${fixed(percentile(times, 0.5) / 1000)} / ${fixed(percentile(times, 0.95) / 1000)} s`, '')
    const worstCycle = steady.find((c) => c.durationMs === worst)
    row(`cycles 2-${s.cycles.length}, time worst`, `${fixed(worst / 1000)} s (${worstCycle ? ratio(worstCycle) : '-'} x floor)`, `<= ${TARGETS.cycleMs / 1000} s`, verdict(worst <= TARGETS.cycleMs))
    const quietTimes = steady.filter((c) => c.quiet).map((c) => c.durationMs)
    if (quietTimes.length) row('quiet cycles (nothing changed), time worst', `${fixed(Math.max(...quietTimes) / 1000)} s`, `<= ${TARGETS.cycleMs / 1000} s`, verdict(Math.max(...quietTimes) <= TARGETS.cycleMs))
    const rates = steady.map(perSecond).sort((a, b) => a - b)
    row(`cycles 2-${s.cycles.length}, vendors/second median (min)`, `${fixed(percentile(rates, 0.5), 0)} (${fixed(rates[0] ?? 0, 0)})`, '')
  }
  // The cores are shared with PostgreSQL, the farm and whatever else runs: say how busy they were.
  const cores = os.cpus().length
  const busy = s.cycles.map((c) => c.machineBusyPct).sort((a, b) => a - b)
  const own = s.cycles.map((c) => (100 * (c.cpuMs + c.farmCpuMs)) / (cores * c.durationMs)).sort((a, b) => a - b)
  row('host CPU busy, median (refresh + farm share)', `${fixed(percentile(busy, 0.5), 0)} % (${fixed(percentile(own, 0.5), 0)} %)`, `of ${cores} cores`)
  const others = [...s.quietWrites].filter(([t]) => t !== 'StatusSource' && t !== 'RefreshRun')
  const vendorWrites = [...s.quietWrites].filter(([t]) => t !== 'RefreshRun').reduce((a, [, w]) => a + w.ins + w.upd + w.del, 0)
  if (s.quietUnchanged > 0) {
    const perVendor = vendorWrites / s.quietUnchanged
    // The check time lives on the vendor's StatusSource row; anything in another table is a leak.
    row('statements per unchanged vendor (claim+record)', fixed(s.quietClaimStatements / s.quietUnchanged, 2), `<= ${TARGETS.writesPerUnchanged}`, verdict(s.quietClaimStatements / s.quietUnchanged <= TARGETS.writesPerUnchanged))
    row('row updates per unchanged vendor', fixed(perVendor, 2), `${TARGETS.writesPerUnchanged}, StatusSource only`, verdict(others.length === 0 && perVendor <= TARGETS.writesPerUnchanged))
  }
  if (baseline) {
    const steadyPeak = Math.max(0, ...steady.map((c) => c.peakRss))
    row('peak RSS in cycle 1 / in cycles 2-' + s.cycles.length, `${fixed(baseline.peakRss / MB, 0)} / ${steady.length ? fixed(steadyPeak / MB, 0) : '-'} MB`, '')
  }
  row('peak RSS, whole run, sampled every 100 ms', `${fixed(s.peakSampledRss / MB, 0)} MB`, `<= ${TARGETS.peakRssMb} MB`, verdict(s.peakSampledRss / MB <= TARGETS.peakRssMb))
  row('peak RSS, whole run, kernel maxRSS', `${fixed(s.maxRssKb / 1024, 0)} MB`, `<= ${TARGETS.peakRssMb} MB`, verdict(s.maxRssKb / 1024 <= TARGETS.peakRssMb))
  const early = s.cycles[s.earlyCycle - 1]
  const last = s.cycles.at(-1)
  if (early && last && last !== early) {
    const growth = (100 * (last.rss - early.rss)) / early.rss
    row(`RSS after cycle ${early.n} -> ${last.n} (after gc)`, `${fixed(early.rss / MB, 0)} -> ${fixed(last.rss / MB, 0)} MB`, '')
    row(`RSS growth, cycle ${early.n} -> ${last.n}`, `${growth >= 0 ? '+' : ''}${fixed(growth)} %`, `< ${TARGETS.rssGrowthPct} %`, verdict(growth < TARGETS.rssGrowthPct))
    row(`heap after cycle ${early.n} -> ${last.n} (after gc)`, `${fixed(early.heap / MB, 0)} -> ${fixed(last.heap / MB, 0)} MB`, '')
  } else row('RSS growth', 'n/a', `needs > ${s.earlyCycle} cycles`)

  return [...lines, ...writeTableLines(s)]
}

/** Where the quiet cycles' row writes went, per table. */
function writeTableLines(s: Summary): string[] {
  if (s.quietUnchanged === 0) return []
  const lines: string[] = []
  const quiet = s.cycles.filter((c) => c.quiet).map((c) => c.n)
  lines.push('', `row writes in the quiet cycles (${quiet.join(', ')}: nothing changed upstream, ${s.quietUnchanged} unchanged vendor checks in all)`)
  lines.push(`  ${'table'.padEnd(24)} ${'inserts'.padStart(9)} ${'updates'.padStart(9)} ${'of them HOT'.padStart(12)} ${'deletes'.padStart(9)} ${'per vendor'.padStart(11)}`)
  for (const [table, w] of [...s.quietWrites].sort(([a], [b]) => a.localeCompare(b))) {
    const per = table === 'RefreshRun' ? `${fixed((w.ins + w.upd + w.del) / quiet.length, 0)} a cycle` : fixed((w.ins + w.upd + w.del) / s.quietUnchanged, 2)
    lines.push(`  ${table.padEnd(24)} ${String(w.ins).padStart(9)} ${String(w.upd).padStart(9)} ${String(w.hot).padStart(12)} ${String(w.del).padStart(9)} ${per.padStart(11)}`)
  }
  lines.push('  (StatusSource: the claim sets the lease, the record sets the check time and clears it, each row once, both in shared statements; RefreshRun: the cycle\'s own row)')
  return lines
}

const STAGES: Stage[] = ['claim + record', 'fetch', 'parse', 'load state', 'diff', 'write']

/** Where the time went, per stage: cycle 1 (baseline) and the mean of the rest. */
export function stageLines(cycles: CycleRecord[]): string[] {
  const lines = ['', 'where the time goes (wall time per stage summed over vendors; fetches overlap 48 at a time, parse and diff hold the event loop)']
  lines.push(`  ${'stage'.padEnd(16)} ${'cycle 1: n'.padStart(11)} ${'total s'.padStart(9)} ${'mean ms'.padStart(9)}   ${'later cycles, per cycle: n'.padStart(27)} ${'total s'.padStart(9)} ${'mean ms'.padStart(9)}`)
  const [first, ...rest] = cycles
  for (const stage of STAGES) {
    const a = first?.stages[stage] ?? { count: 0, ms: 0 }
    const count = rest.reduce((n, c) => n + (c.stages[stage]?.count ?? 0), 0)
    const ms = rest.reduce((n, c) => n + (c.stages[stage]?.ms ?? 0), 0)
    const per = Math.max(1, rest.length)
    lines.push(
      `  ${stage.padEnd(16)} ${String(a.count).padStart(11)} ${fixed(a.ms / 1000).padStart(9)} ${fixed(a.count ? a.ms / a.count : 0).padStart(9)}   ${fixed(count / per, 0).padStart(27)} ${fixed(ms / per / 1000).padStart(9)} ${fixed(count ? ms / count : 0).padStart(9)}`,
    )
  }
  return lines
}

export interface InstanceCycle {
  n: number
  quiet: boolean
  /** From the first instance's start to the last one's end. */
  wallMs: number
  /** The floor measured right before it, from one process at one instance's concurrency. */
  floorMs: number
  instances: { name: string; durationMs: number; checked: number; changed: number; unchanged: number; failed: number; loopDelayP99Ms: number }[]
  /** From the database (a trigger logging every claim): claims, distinct vendors, and the difference. */
  claims: number
  vendorsClaimed: number
  claimedTwice: number
}

/** Per cycle: each instance's time and share, the wall time, and the database's proof of no double check. */
export function instanceLines(cycles: InstanceCycle[], summary: boolean): string[] {
  const lines: string[] = []
  // The summary follows the per-cycle lines printed as each cycle ended: it only adds the verdicts.
  for (const c of summary ? [] : cycles) {
    const each = c.instances.map((i) => `${i.name} ${fixed(i.durationMs / 1000)} s (${i.checked} checked: ${i.changed}/${i.unchanged}/${i.failed})`).join(', ')
    lines.push(`${String(c.n).padStart(4)}${c.quiet ? 'q' : ' '} wall ${fixed(c.wallMs / 1000)} s (${fixed(c.wallMs / c.floorMs, 2)} x floor ${fixed(c.floorMs / 1000)} s); ${each}; claims ${c.claims} for ${c.vendorsClaimed} vendors, claimed twice: ${c.claimedTwice}`)
  }
  if (summary) {
    const twice = cycles.reduce((n, c) => n + c.claimedTwice, 0)
    const shared = cycles.every((c) => c.instances.every((i) => i.checked > 0))
    lines.push('', `no vendor checked twice in a cycle (from the database's claim log): ${twice === 0 ? 'PASS' : `MISS (${twice})`}; every instance did part of every cycle: ${shared ? 'yes' : 'no'}`)
    const [baseline, ...rest] = cycles
    if (baseline) lines.push(`cycle 1 (baseline) wall ${fixed(baseline.wallMs / 1000)} s (target <= ${TARGETS.baselineMs / 1000} s: ${verdict(baseline.wallMs <= TARGETS.baselineMs)})`)
    if (rest.length) {
      const worst = Math.max(...rest.map((c) => c.wallMs))
      lines.push(`cycles 2-${cycles.length} wall worst ${fixed(worst / 1000)} s (target <= ${TARGETS.cycleMs / 1000} s: ${verdict(worst <= TARGETS.cycleMs)})`)
    }
  }
  return lines
}
