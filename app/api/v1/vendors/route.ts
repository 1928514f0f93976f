import { invalidQuery, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { listVendorsJson } from '@/lib/api/vendors'
import { refreshIntervalMs } from '@/lib/env'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors?q=&category=&limit=&cursor= */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = vendorQuerySchema.safeParse(params)
  if (!parsed.success) return invalidQuery(parsed.error)
  return unlessDatabaseUnavailable(async () => Response.json(await listVendorsJson(parsed.data, new Date(), refreshIntervalMs)))
}
