import type { Metadata } from 'next'
import Link from 'next/link'
import { VendorList } from '@/components/vendors/vendor-list'
import { VendorSearchForm } from '@/components/vendors/vendor-search-form'
import { listCategories, searchVendors } from '@/lib/data/vendors'
import { vendorQuerySchema } from '@/lib/validation/vendor-query'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Vendor status directory',
  description: 'Search the status of 1,000+ cloud vendors: current status, incidents and outages.',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function VendorsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const parsed = vendorQuerySchema.safeParse({ q: first(raw.q), category: first(raw.category), cursor: first(raw.cursor) })
  // A hand-edited URL with a bad parameter shows the unfiltered directory rather than an error page.
  const query = parsed.success ? parsed.data : vendorQuerySchema.parse({})
  const [page, categories] = await Promise.all([searchVendors(query), listCategories()])

  const nextHref = page.nextCursor
    ? `/vendors?${new URLSearchParams({ ...(query.q && { q: query.q }), ...(query.category && { category: query.category }), cursor: page.nextCursor })}`
    : null

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Vendors</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Status pages of {page.total.toLocaleString('en')} vendors{query.q || query.category ? ' match' : ''}.</p>
      </div>
      <VendorSearchForm q={query.q} category={query.category} categories={categories} />
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {page.total === 0
          ? `No vendors match${query.q ? ` “${query.q}”` : ''}.`
          : `${page.total.toLocaleString('en')} ${page.total === 1 ? 'vendor' : 'vendors'}${query.q ? ` matching “${query.q}”` : ''}${query.category ? ` in ${query.category}` : ''}`}
      </p>
      {page.vendors.length > 0 && <VendorList vendors={page.vendors} />}
      {nextHref && (
        <nav aria-label="Pagination" className="flex justify-end">
          <Link href={nextHref} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
            Next page →
          </Link>
        </nav>
      )}
    </div>
  )
}
