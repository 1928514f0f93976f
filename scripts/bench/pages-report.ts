// The printed report of `npm run bench:pages`: latency and throughput per scenario, where the CPU
// went, and the target line.
import type { LoadResult, Slice } from './load-protocol'
import type { CpuWindow } from './proc-cpu'

/** From the issue: vendor page p95 <= 100 ms at 20 concurrent clients. */
/** Issue 18: cached vendor page p95 <= 50 ms, first view p95 <= 300 ms; issue 17: stack page p95 <= 100 ms; all at 20 clients. */
export const TARGET = { cachedVendorPageP95Ms: 50, firstViewP95Ms: 300, stackPageP95Ms: 100, clients: 20 } as const

export interface ScenarioRecord {
  name: string
  clients: number
  result: LoadResult
  cpu: CpuWindow
  /** 1-minute load average when the scenario ended. */
  load1: number
  /** Seconds waited before the scenario for the server to finish earlier background work. */
  settleS: number
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1))
const cacheMix = (cache: Record<string, number>) =>
  Object.entries(cache)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')

export function scenarioTable(records: ScenarioRecord[]): string[] {
  const lines = [
    `  ${'scenario'.padEnd(44)} ${'clients'.padStart(7)} ${'reqs'.padStart(6)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'mean KB'.padStart(8)} ${'errors'.padStart(6)}  x-nextjs-cache`,
  ]
  for (const { name, clients, result: r } of records) {
    lines.push(
      `  ${name.padEnd(44)} ${String(clients).padStart(7)} ${String(r.requests).padStart(6)} ${((r.requests * 1000) / Math.max(1, r.elapsedMs)).toFixed(1).padStart(7)} ${ms(r.p50Ms).padStart(7)} ${ms(r.p95Ms).padStart(7)} ${ms(r.p99Ms).padStart(7)} ${ms(r.maxMs).padStart(7)} ${(r.meanBytes / 1024).toFixed(1).padStart(8)} ${String(r.errors).padStart(6)}  ${cacheMix(r.cache)}`,
    )
  }
  const slices = (label: string, parts: Record<string, Slice>) =>
    `${label} ${Object.entries(parts)
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([k, v]) => `${k} ${v.count}: p50 ${ms(v.p50Ms)} p95 ${ms(v.p95Ms)}`)
      .join('; ')}`
  const breakdown = records.flatMap(({ name, result: r }) => [
    ...(Object.keys(r.byCache).length > 1 ? [`    ${name}, by x-nextjs-cache: ${slices('', r.byCache).trim()}`] : []),
    ...(Object.keys(r.byKind).length > 1 ? [`    ${name}, by URL kind: ${slices('', r.byKind).trim()}`] : []),
  ])
  if (breakdown.length) lines.push('  split (ms):', ...breakdown)
  const errors = records.flatMap((s) => s.result.errorSamples.map((e) => `    ${s.name}: ${e}`))
  if (errors.length) lines.push('  errors seen:', ...errors)
  return lines
}

/** CPU per request by process, and how busy the whole machine was (others = everything else on it). */
export function cpuTable(records: ScenarioRecord[], cores: number): string[] {
  const perReq = (v: number | null, n: number) => (v === null ? 'n/a' : (v / Math.max(1, n)).toFixed(1))
  const lines = [
    `  ${'scenario'.padEnd(44)} ${'next cpu ms/req'.padStart(15)} ${'pg cpu ms/req'.padStart(13)} ${'loadgen ms/req'.padStart(14)} ${'machine busy %'.padStart(14)} ${'others %'.padStart(8)} ${'load1'.padStart(5)} ${'idle wait s'.padStart(11)}`,
  ]
  for (const { name, result: r, cpu, load1, settleS } of records) {
    const total = cpu.machineTotalMs
    const busy = total && cpu.machineBusyMs !== null ? (100 * cpu.machineBusyMs) / total : null
    const ours = (cpu.serverMs ?? 0) + (cpu.postgresMs ?? 0) + r.cpuMs
    const others = total && cpu.machineBusyMs !== null ? Math.max(0, (100 * (cpu.machineBusyMs - ours)) / total) : null
    lines.push(
      `  ${name.padEnd(44)} ${perReq(cpu.serverMs, r.requests).padStart(15)} ${perReq(cpu.postgresMs, r.requests).padStart(13)} ${perReq(r.cpuMs, r.requests).padStart(14)} ${(busy === null ? 'n/a' : busy.toFixed(0)).padStart(14)} ${(others === null ? 'n/a' : others.toFixed(0)).padStart(8)} ${load1.toFixed(2).padStart(5)} ${settleS.toFixed(1).padStart(11)}`,
    )
  }
  lines.push(`  (busy % of all ${cores} cores; others = busy time not used by next, its PostgreSQL backends or the load generator;`)
  lines.push('   idle wait = time before the scenario until the server had finished earlier background work, e.g. regenerating stale pages)')
  return lines
}

export function targetLines(warm: ScenarioRecord[], firstViews: ScenarioRecord[]): string[] {
  const lines: string[] = []
  for (const s of warm) {
    const p95 = s.result.p95Ms
    const verdict = p95 <= TARGET.cachedVendorPageP95Ms && s.result.errors === 0 ? 'PASS' : 'MISS'
    lines.push(`  ${s.name}, ${s.clients} clients: p95 ${ms(p95)} ms   target <= ${TARGET.cachedVendorPageP95Ms} ms at ${TARGET.clients} clients   ${verdict}`)
    const stale = s.result.cache.STALE ?? 0
    if (stale > 0) lines.push(`    ${((100 * stale) / Math.max(1, s.result.requests - s.result.errors)).toFixed(0)}% of these answers were STALE: copies older than the revalidate window, each one re-rendered in the background while serving`)
  }
  for (const s of firstViews) {
    const verdict = s.result.p95Ms <= TARGET.firstViewP95Ms && s.result.errors === 0 ? 'PASS' : 'MISS'
    lines.push(`  ${s.name}, ${s.clients} clients: p50 ${ms(s.result.p50Ms)} ms, p95 ${ms(s.result.p95Ms)} ms   target <= ${TARGET.firstViewP95Ms} ms at ${TARGET.clients} clients   ${verdict}`)
  }
  return lines
}
