// The public vendor directory's page body: the search box, the vendors having problems now (on the
// unfiltered first page) and one page of vendors. Rendered into a cached page shared by every
// visitor (app/directory-view/[view]/page.tsx), so nothing here may depend on who asks: each
// row's Watch button learns who is reading in the browser (components/watchlist/watch-button.tsx).
import Link from 'next/link'
import type { loadDirectory } from '@/lib/pages/directory'
import { VendorList } from './vendor-list'
import { VendorSearchBox } from './vendor-search-box'

export type DirectoryData = Awaited<ReturnType<typeof loadDirectory>>

export function DirectoryView({ data }: { data: DirectoryData }) {
  const { query, filtered, page, categories, problems } = data
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
            : `${page.total.toLocaleString('en')}${page.totalCapped ? '+' : ''} ${page.total === 1 ? 'vendor' : 'vendors'}${query.q ? ` matching “${query.q}”` : ''}${query.category ? ` in ${query.category}` : ''}`}
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
