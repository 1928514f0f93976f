import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Card } from '@/components/ui/card'
import { ComponentList } from '@/components/vendors/component-list'
import { FreshnessNote } from '@/components/vendors/freshness-note'
import { IncidentSummary } from '@/components/vendors/incident-summary'
import { MaintenanceList } from '@/components/vendors/maintenance-list'
import { StatusBanner } from '@/components/vendors/status-banner'
import { WatchButton } from '@/components/watchlist/watch-button'
import { isMonitoredSource, PLATFORM_LABELS } from '@/lib/catalog/platforms'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { findVendorBySlug } from '@/lib/data/vendors'
import { refreshIntervalMs } from '@/lib/env'
import { freshness } from '@/lib/ingest/freshness'

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
  const now = new Date()
  const vendor = await findVendorStatus((await params).slug, now)
  if (!vendor) notFound()
  const monitored = isMonitoredSource(vendor.source)
  const fresh = freshness(vendor.source, monitored, now, refreshIntervalMs)
  const known = fresh.kind === 'fresh' || fresh.kind === 'stale'

  return (
    <article className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href="/vendors" className="hover:underline">
            Vendors
          </Link>{' '}
          / <span aria-current="page">{vendor.name}</span>
        </nav>
        <h1 className="text-3xl font-semibold tracking-tight">{vendor.name} status</h1>
        <WatchButton vendor={vendor} size="md" align="start" />
        <p className="text-slate-600 dark:text-slate-400">
          {vendor.category && <span>{vendor.category} · </span>}
          <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-brand-600 hover:underline dark:text-brand-500">
            Official status page ↗
          </a>
        </p>
      </div>

      {known ? (
        <StatusBanner
          status={vendor.status}
          statusText={vendor.statusText}
          detail={vendor.openIncidents.length ? `${vendor.openIncidents.length} active ${vendor.openIncidents.length === 1 ? 'incident' : 'incidents'}` : undefined}
          freshness={fresh}
          now={now}
        />
      ) : (
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500 dark:text-slate-400">Current status</h2>
          {monitored ? (
            <div className="mt-2 space-y-1">
              <p>
                <strong className="font-medium">Not checked yet.</strong> We haven&apos;t read {vendor.name}&apos;s status page yet, so we can&apos;t tell
                you its status. Until then, check the official page.
              </p>
              <FreshnessNote freshness={fresh} now={now} />
            </div>
          ) : (
            <p className="mt-2">
              We don&apos;t read {vendor.name}&apos;s status page automatically yet ({PLATFORM_LABELS[vendor.source?.platform ?? 'unknown']}). Check the{' '}
              <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                official status page
              </a>{' '}
              directly.
            </p>
          )}
        </Card>
      )}

      {known && vendor.openIncidents.length > 0 && (
        <section aria-labelledby="active-heading" className="space-y-3">
          <h2 id="active-heading" className="text-lg font-semibold">
            Active incidents
          </h2>
          {vendor.openIncidents.map((incident) => (
            <IncidentSummary key={incident.id} incident={incident} now={now} />
          ))}
        </section>
      )}
      {known && <MaintenanceList maintenances={vendor.maintenances} />}
      {known && <ComponentList groups={vendor.groups} components={vendor.components} />}
    </article>
  )
}
