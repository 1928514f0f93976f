// The Resend stand-in in a process of its own, so a benchmark's sender does not share an event
// loop with it. Prints `port=<n>` when listening; stops on SIGTERM.
import { startFakeResend } from '@/lib/testing/fake-resend'

const fake = await startFakeResend({ apiKey: 're_bench_key', latencyMs: Number(process.env.FAKE_RESEND_LATENCY_MS || 0), keepBodies: false })
console.log(`port=${fake.port}`)
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)))
