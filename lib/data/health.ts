// What /api/health reports about the database.
import { db, dbMode } from '@/lib/db/client'

export interface DatabaseHealth {
  mode: typeof dbMode
  reachable: boolean
  latencyMs: number
  counts?: { vendors: number; checkedVendors: number }
  error?: string
}

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now()
  try {
    const [vendors, checkedVendors] = await Promise.all([db.vendor.count(), db.statusSource.count({ where: { lastCheckedAt: { not: null } } })])
    return { mode: dbMode, reachable: true, latencyMs: Math.round(performance.now() - started), counts: { vendors, checkedVendors } }
  } catch (e) {
    // Details go to the server log only; a public endpoint must not leak driver messages.
    console.error('[health] database check failed:', e)
    return { mode: dbMode, reachable: false, latencyMs: Math.round(performance.now() - started), error: 'database unreachable' }
  }
}
