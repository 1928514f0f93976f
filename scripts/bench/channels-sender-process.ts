// bench:channels' sender, in its own process: the set-up (5,000 users, 10,000 sealed destinations)
// runs in the parent, so the memory figure here is the sender's alone, as a server's notifier pass
// would see it. Prints one JSON line: the outcome, the wall time and the kernel's peak RSS
// (resourceUsage().maxRSS, which counts every allocation, not a sample).
// Environment: DATABASE_URL and the channel settings, from scripts/bench-channels.ts.
import { deliverToChannels } from '@/lib/jobs/channels'
import { db } from '@/lib/db/client'

const startRss = process.memoryUsage().rss
const started = performance.now()
const result = await deliverToChannels(10 * 60_000)
const seconds = (performance.now() - started) / 1000
await db.$disconnect()
console.log(JSON.stringify({ result, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), startRssMb: Math.round(startRss / 1024 / 1024) }))
process.exit(0)
