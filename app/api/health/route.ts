import { checkDatabaseHealth } from '@/lib/data/health'

export const dynamic = 'force-dynamic'

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const database = await checkDatabaseHealth()
  return Response.json(
    { status: database.reachable ? 'ok' : 'error', database, uptimeSeconds: Math.round(process.uptime()) },
    { status: database.reachable ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  )
}
