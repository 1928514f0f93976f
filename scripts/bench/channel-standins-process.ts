// The channel stand-ins (PagerDuty Events, webhook receivers) in a process of their own, answering
// after 100–300 ms. Prints `port=<n>` when listening; GET /__count answers how many it accepted.
import { startChannelStandins } from '@/lib/testing/channel-standins'

const min = Number(process.env.STANDIN_LATENCY_MIN_MS ?? 100)
const max = Number(process.env.STANDIN_LATENCY_MAX_MS ?? 300)
const standins = await startChannelStandins({ latencyMs: { min, max }, keepBodies: false })
for (let i = 0; i < Number(process.env.STANDIN_RECEIVERS ?? 0); i++) standins.setSecret(`r${i}`, process.env.STANDIN_SECRET ?? '')
console.log(`port=${standins.port}`)
process.on('SIGTERM', () => void standins.close().then(() => process.exit(0)))
