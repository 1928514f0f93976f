import { isOperator } from '@/lib/auth/operator'
import { buildHealthReport } from '@/lib/data/health'
import { env, refreshIntervalMs } from '@/lib/env'
import { HEALTH_HTTP_STATUS } from '@/lib/health/verdict'

export const dynamic = 'force-dynamic'

/**
 * GET /api/health: `{ status }` with `ok` or `degraded` (200) or `error` (503: the database does
 * not answer). With `Authorization: Bearer` the cron secret or OPERATOR_TOKEN, also the reasons
 * and the details (counts, last cycle, outbox, memory, versions).
 */
export async function GET(request: Request) {
  const report = await buildHealthReport(new Date(), refreshIntervalMs)
  const operator = isOperator(request.headers.get('authorization'), { cronSecret: env.CRON_SECRET, operatorToken: env.OPERATOR_TOKEN })
  const body = operator
    ? { ...report, uptimeSeconds: Math.round(process.uptime()), versions: { node: process.version } }
    : { status: report.status }
  return Response.json(body, { status: HEALTH_HTTP_STATUS[report.status], headers: { 'cache-control': 'no-store' } })
}
