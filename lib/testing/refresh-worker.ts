// A refresh cycle in its own process, for tests that kill a worker mid-cycle. It uses the
// database in DATABASE_URL and the settings given as arguments, and runs until done (or killed).
//   node --import tsx lib/testing/refresh-worker.ts <owner> <concurrency>
import { refreshData } from '@/lib/data/refresh-data'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { runRefreshCycle } from '@/lib/ingest/refresh'

const [owner = 'worker', concurrency = '4'] = process.argv.slice(2)
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const summary = await runRefreshCycle(
  { data: refreshData, http, now: () => new Date(), random: () => 0.5, log: (m) => console.error(m) },
  { trigger: 'manual', owner, concurrency: Number(concurrency), leaseMs: 5 * 60_000, intervalMs: 60_000, maxBackoffMs: 30 * 60_000, timeBudgetMs: 60_000 },
)
console.log(JSON.stringify(summary))
http.close()
await db.$disconnect()
