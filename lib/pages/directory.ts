// What the public vendor directory shows, loaded in one call: one page of the search, the
// categories to filter by and, on the unfiltered first page, the vendors having problems now.
import type { Metadata } from 'next'
import { listCategories, listVendorsWithProblems, searchVendors } from '@/lib/data/vendors'
import { staleAfterMs } from '@/lib/status/freshness'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'

/** The directory's metadata, the same whichever route renders it (app/vendors, app/directory-view). */
export const DIRECTORY_METADATA: Metadata = {
  title: 'Vendor status directory',
  description: 'Is it down? Search the live status of 1,000+ cloud vendors: current status, incidents and outages.',
  alternates: { canonical: '/vendors' },
}

/**
 * Vendors per directory page (the API's default stays VENDOR_PAGE_SIZE): every row is sent twice,
 * as HTML and in React's payload (~3 KB together), and a cached view is sent whole on every hit;
 * 50 rows made a view ~160 KB. "Next page" leads on.
 */
export const DIRECTORY_PAGE_SIZE = 25

type RawParams = Record<string, string | string[] | undefined>
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export async function loadDirectory(raw: RawParams, now: Date, refreshIntervalMs: number) {
  const parsed = vendorQuerySchema.safeParse({ q: first(raw.q), category: first(raw.category), cursor: first(raw.cursor), limit: DIRECTORY_PAGE_SIZE })
  // A hand-edited URL with a bad parameter shows the unfiltered directory rather than an error page.
  const query = parsed.success ? parsed.data : vendorQuerySchema.parse({ limit: DIRECTORY_PAGE_SIZE })
  const filtered = Boolean(query.q || query.category)
  const [page, categories, problems] = await Promise.all([
    searchVendors(query),
    listCategories(),
    filtered || query.cursor ? Promise.resolve([]) : listVendorsWithProblems(new Date(now.getTime() - staleAfterMs(refreshIntervalMs))),
  ])
  return { query, filtered, page, categories, problems }
}
