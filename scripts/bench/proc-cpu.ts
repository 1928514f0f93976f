// Where the CPU went during a page-benchmark scenario, read from Linux's /proc: the Next.js server
// (its process tree), the PostgreSQL backends serving the bench database, and the whole machine
// (so work by other processes on the same cores shows up beside the figures). Off Linux every
// reading is null and the report leaves the columns out.
import fs from 'node:fs'
import os from 'node:os'

/** USER_HZ: the unit of /proc CPU times; 100 on every mainstream Linux build. */
const TICK_MS = 10

interface ProcStat {
  pid: number
  ppid: number
  cpuMs: number
}

function readStat(pid: string): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { pid: Number(pid), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS }
  } catch {
    return null // exited between listing and reading
  }
}

const pids = () => (fs.existsSync('/proc') ? fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)) : [])

/** CPU used so far by a process and all its descendants, in ms. */
export function treeCpuMs(rootPid: number): number | null {
  const stats = pids().flatMap((p) => readStat(p) ?? [])
  if (!stats.some((s) => s.pid === rootPid)) return null
  const tree = new Set([rootPid])
  for (let grew = true; grew; ) {
    grew = false
    for (const s of stats) {
      if (tree.has(s.pid) || !tree.has(s.ppid)) continue
      tree.add(s.pid)
      grew = true
    }
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((a, s) => a + s.cpuMs, 0)
}

/** CPU used so far by each PostgreSQL backend connected to `database` (same host only), in ms by pid. */
export function backendCpuMs(database: string): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const p of pids()) {
    let cmdline: string
    try {
      cmdline = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8')
    } catch {
      continue
    }
    if (!cmdline.startsWith('postgres:') || !cmdline.includes(` ${database} `)) continue
    const stat = readStat(p)
    if (stat) byPid.set(stat.pid, stat.cpuMs)
  }
  return byPid
}

/** Busy and total CPU time of the whole machine so far, in ms summed over cores. */
export function machineCpuMs(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
    const [, ...values] = line.trim().split(/\s+/)
    const ticks = values.map(Number)
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0)
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS }
  } catch {
    return null
  }
}

export interface CpuWindow {
  serverMs: number | null
  postgresMs: number | null
  machineBusyMs: number | null
  machineTotalMs: number | null
}

/** Starts a measurement; the returned function gives the CPU used since. */
export function cpuWindow(serverPid: number, database: string): () => CpuWindow {
  const before = { server: treeCpuMs(serverPid), pg: backendCpuMs(database), machine: machineCpuMs() }
  return () => {
    const server = treeCpuMs(serverPid)
    // Per backend, so a connection the pool closes or opens meanwhile does not skew the sum
    // (a closed one takes its in-window CPU with it: the pool keeps busy ones open).
    let pg = 0
    for (const [pid, ms] of backendCpuMs(database)) pg += ms - (before.pg.get(pid) ?? 0)
    const machine = machineCpuMs()
    return {
      serverMs: server !== null && before.server !== null ? server - before.server : null,
      postgresMs: fs.existsSync('/proc') ? pg : null,
      machineBusyMs: machine && before.machine ? machine.busy - before.machine.busy : null,
      machineTotalMs: machine && before.machine ? machine.total - before.machine.total : null,
    }
  }
}

export const cores = () => os.availableParallelism()

/**
 * Waits until a process tree is idle (under 10% of one core for two 500 ms readings in a row), so
 * background work one scenario left behind (ISR regenerations of stale pages) does not run into
 * the next. Returns the seconds waited; gives up after `maxMs`.
 */
export async function waitForIdle(rootPid: number, maxMs = 180_000): Promise<number> {
  const started = Date.now()
  let previous = treeCpuMs(rootPid)
  let quiet = 0
  while (previous !== null && quiet < 2 && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const now = treeCpuMs(rootPid)
    quiet = now !== null && now - previous < 50 ? quiet + 1 : 0
    previous = now
  }
  return (Date.now() - started) / 1000
}
