import type { Metadata } from 'next'
import Link from 'next/link'
import { VendorList } from '@/components/vendors/vendor-list'
import { VendorSearchBox } from '@/components/vendors/vendor-search-box'
import { refreshIntervalMs } from '@/lib/env'
import { loadDirectory } from '@/lib/pages/directory'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Vendor status directory',
  description: 'Is it down? Search the live status of 1,000+ cloud vendors: current status, incidents and outages.',
  alternates: { canonical: '/vendors' },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function VendorsPage({ searchParams }: { searchParams: SearchParams }) {
  const { query, filtered, page, categories, problems } = await loadDirectory(await searchParams, new Date(), refreshIntervalMs)

  const nextHref = page.nextCursor
    ? `/vendors?${new URLSearchParams({ ...(query.q && { q: query.q }), ...(query.category && { category: query.category }), cursor: page.nextCursor })}`
    : null

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Vendors</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Live status of the cloud services you depend on, read from their official status pages.</p>
      </div>
      <VendorSearchBox q={query.q} category={query.category} categories={categories} />

      {problems.length > 0 && (
        <section aria-labelledby="problems-heading" className="space-y-3">
          <h2 id="problems-heading" className="text-lg font-semibold">
            Having problems now
          </h2>
          <VendorList vendors={problems} />
        </section>
      )}

      <section aria-labelledby="all-heading" className="space-y-3">
        <h2 id="all-heading" className="text-lg font-semibold">
          {filtered ? 'Results' : 'All vendors'}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {page.total === 0
            ? `No vendors match${query.q ? ` “${query.q}”` : ''}.`
            : `${page.total.toLocaleString('en')} ${page.total === 1 ? 'vendor' : 'vendors'}${query.q ? ` matching “${query.q}”` : ''}${query.category ? ` in ${query.category}` : ''}`}
        </p>
        {page.vendors.length > 0 && <VendorList vendors={page.vendors} />}
        {nextHref && (
          <nav aria-label="Pagination" className="flex justify-end">
            <Link href={nextHref} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
              Next page →
            </Link>
          </nav>
        )}
      </section>
    </div>
  )
}
