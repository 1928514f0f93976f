import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Card } from '@/components/ui/card'
import { StatusBadge } from '@/components/vendors/status-badge'
import { isMonitoredSource, PLATFORM_LABELS } from '@/lib/catalog/platforms'
import { findVendorBySlug } from '@/lib/data/vendors'
import { formatRelativeTime } from '@/lib/format/relative-time'

export const dynamic = 'force-dynamic'

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const vendor = await findVendorBySlug((await params).slug)
  if (!vendor) return { title: 'Vendor not found' }
  return {
    title: `Is ${vendor.name} down? ${vendor.name} status and outages`,
    description: `Current status, incidents and outages of ${vendor.name}, from its official status page.`,
    alternates: { canonical: `/vendors/${vendor.slug}` },
  }
}

export default async function VendorPage({ params }: { params: Params }) {
  const vendor = await findVendorBySlug((await params).slug)
  if (!vendor) notFound()
  const monitored = isMonitoredSource(vendor.source)
  const lastChecked = vendor.source?.lastCheckedAt

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/vendors" className="hover:underline">
          Vendors
        </Link>{' '}
        / <span aria-current="page">{vendor.name}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">{vendor.name} status</h1>
        <p className="text-slate-600 dark:text-slate-400">
          {vendor.category && <span>{vendor.category} · </span>}
          <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-brand-600 hover:underline dark:text-brand-500">
            Official status page ↗
          </a>
        </p>
      </header>

      <Card className="p-5" aria-labelledby="current-status-heading">
        <h2 id="current-status-heading" className="text-sm font-medium text-slate-500 dark:text-slate-400">
          Current status
        </h2>
        {!monitored ? (
          <p className="mt-2">
            We don&apos;t read {vendor.name}&apos;s status page automatically yet ({PLATFORM_LABELS[vendor.source?.platform ?? 'unknown']}). Check the{' '}
            <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline">
              official status page
            </a>{' '}
            directly.
          </p>
        ) : !vendor.source?.lastSuccessAt ? (
          <p className="mt-2">
            <strong className="font-medium">Not checked yet.</strong> We haven&apos;t read {vendor.name}&apos;s status page yet, so we can&apos;t tell
            you its status. Until then, check the official page.
          </p>
        ) : (
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge status={vendor.status} label={vendor.statusText ?? undefined} />
            {lastChecked && (
              <span className="text-sm text-slate-500 dark:text-slate-400">
                Last checked <time dateTime={lastChecked.toISOString()}>{formatRelativeTime(lastChecked, new Date())}</time>
              </span>
            )}
          </div>
        )}
      </Card>
    </article>
  )
}
