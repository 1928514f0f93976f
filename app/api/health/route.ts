import { buildHealthReport } from '@/lib/data/health'
import { refreshIntervalMs } from '@/lib/env'

export const dynamic = 'force-dynamic'

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const report = await buildHealthReport(new Date(), refreshIntervalMs)
  return Response.json(
    { status: report.ok ? 'ok' : 'error', uptimeSeconds: Math.round(process.uptime()), ...report },
    { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  )
}
