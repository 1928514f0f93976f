import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { IncidentHistoryList } from '@/components/vendors/incident-history'
import { findVendorBySlug } from '@/lib/data/vendors'
import { loadIncidentHistory } from '@/lib/pages/incident-history'

export const dynamic = 'force-dynamic'

type Params = Promise<{ slug: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const vendor = await findVendorBySlug((await params).slug)
  if (!vendor) return { title: 'Vendor not found' }
  return { title: `${vendor.name} incident history`, alternates: { canonical: `/vendors/${vendor.slug}/incidents` } }
}

export default async function IncidentHistoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params
  const loaded = await loadIncidentHistory(slug, (await searchParams).page)
  if (!loaded) notFound()
  const { vendor, page, history } = loaded
  const link = (p: number) => (p === 1 ? `/vendors/${slug}/incidents` : `/vendors/${slug}/incidents?page=${p}`)

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/vendors" className="hover:underline">
          Vendors
        </Link>{' '}
        /{' '}
        <Link href={`/vendors/${slug}`} className="hover:underline">
          {vendor.name}
        </Link>{' '}
        / <span aria-current="page">Incidents</span>
      </nav>
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{vendor.name} incident history</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {history.total} {history.total === 1 ? 'incident' : 'incidents'} recorded, newest first.
        </p>
      </div>
      <IncidentHistoryList incidents={history.incidents} vendorSlug={slug} now={new Date()} />
      {history.pageCount > 1 && (
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={link(page - 1)} rel="prev" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600 dark:text-slate-400">
            Page {history.page} of {history.pageCount}
          </span>
          {page < history.pageCount ? (
            <Link href={link(page + 1)} rel="next" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  )
}
