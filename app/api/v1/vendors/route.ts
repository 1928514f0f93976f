import { invalidQuery, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { vendorSummaryJson } from '@/lib/api/vendor-json'
import { searchVendors } from '@/lib/data/vendors'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'
import { refreshIntervalMs } from '@/lib/env'

export const dynamic = 'force-dynamic'

/** GET /api/v1/vendors?q=&category=&limit=&cursor= */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = vendorQuerySchema.safeParse(params)
  if (!parsed.success) return invalidQuery(parsed.error)
  return unlessDatabaseUnavailable(async () => {
    const page = await searchVendors(parsed.data)
    const now = new Date()
    return Response.json({
      total: page.total,
      count: page.vendors.length,
      nextCursor: page.nextCursor,
      vendors: page.vendors.map((v) => vendorSummaryJson(v, now, refreshIntervalMs)),
    })
  })
}
