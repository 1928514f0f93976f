// bench:channels' sender, in its own process: the set-up (5,000 users, 10,000 sealed destinations)
// runs in the parent, so the memory figure here is the sender's alone, as a server's notifier pass
// would see it. Prints one JSON line: the outcome, the wall time, the kernel's peak RSS (VmHWM,
// which counts every allocation, not a sample) and the sampled peaks of V8's heap and external
// memory (scripts/bench/memory.ts), so a peak can be told apart: garbage, live heap or native.
// Environment: DATABASE_URL and the channel settings, from scripts/bench-channels.ts.
import { memorySampler } from './memory'

const sampler = memorySampler()
const { deliverToChannels } = await import('@/lib/jobs/channels')
const { db } = await import('@/lib/db/client')
// Live heap (after a full collection; the parent passes --expose-gc) once the modules are loaded and
// after the pass: what the pass keeps, as against the garbage V8 let pile up before its peak.
const liveHeapMb = () => {
  globalThis.gc?.()
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024)
}
const liveHeapAfterLoadMb = liveHeapMb()
const startRss = process.memoryUsage().rss
const started = performance.now()
const cpuBefore = process.cpuUsage()
const result = await deliverToChannels(10 * 60_000)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const memory = sampler.stop()
const liveHeapAfterPassMb = liveHeapMb()
await db.$disconnect()
console.log(JSON.stringify({ result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, memory, liveHeapAfterLoadMb, liveHeapAfterPassMb, peakRssMb: memory.peakRssMb, startRssMb: Math.round(startRss / 1024 / 1024) }))
process.exit(0)
