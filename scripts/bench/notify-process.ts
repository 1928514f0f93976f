// bench:notify's sender: one notifier pass (the app's own entry, lib/jobs/notify.ts) in a process
// of its own, as it runs in the server, so its memory is the notifier's and not the set-up's (the
// 10,000 users are created by the parent; Prisma keeps the plans of those big inserts). Prints one
// JSON line: the pass's result, its time and the process's memory (peak RSS from the kernel).
import { memorySampler } from './memory'

const sampler = memorySampler()
const { notifyWatchers } = await import('@/lib/jobs/notify')
const { db } = await import('@/lib/db/client')
const startRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
const cpuBefore = process.cpuUsage()
const started = performance.now()
const result = await notifyWatchers(10 * 60_000)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const memory = sampler.stop()
await db.$disconnect()
console.log(`result=${JSON.stringify({ result, seconds, cpuSeconds, memory, startRssMb })}`)
process.exit(0)
