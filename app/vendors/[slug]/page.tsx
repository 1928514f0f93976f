import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { Card } from '@/components/ui/card'
import { BadgeSnippet } from '@/components/vendors/badge-snippet'
import { EarlyWarningSection } from '@/components/vendors/early-warning-section'
import { ComponentList } from '@/components/vendors/component-list'
import { FreshnessNote } from '@/components/vendors/freshness-note'
import { IncidentHistoryList } from '@/components/vendors/incident-history'
import { IncidentSummary } from '@/components/vendors/incident-summary'
import { MaintenanceList } from '@/components/vendors/maintenance-list'
import { OutageTimeline } from '@/components/vendors/outage-timeline'
import { PossibleOutageBanner } from '@/components/vendors/possible-outage-banner'
import { ReportProblem } from '@/components/vendors/report-problem'
import { ReliabilityHistory } from '@/components/vendors/reliability-history'
import { StatusBanner } from '@/components/vendors/status-banner'
import { VendorLogo } from '@/components/vendors/vendor-logo'
import { WatchButton } from '@/components/watchlist/watch-button'
import { env, refreshIntervalMs } from '@/lib/env'
import { HISTORY_PREVIEW, loadVendorPage } from '@/lib/pages/vendor-page'

// Cached and shared by every visitor: dropped at once when a refresh changes this vendor (the cron
// route revalidates its path), and regenerated at least once a minute for the time-derived parts
// (is the status stale?). A render costs tens of ms, so a minute keeps background work small even
// when crawlers walk all 2,000 vendors. Nothing here may depend on who asks.
export const revalidate = 60
export async function generateStaticParams() {
  return [] // rendered on first request, never at build time (the database belongs to the server)
}

type Params = Promise<{ slug: string }>

// One load per render, shared by the metadata and the page (React's per-request cache), so the
// meta description and the first line are the same sentence from the same read.
const loadPage = cache((slug: string) => loadVendorPage(slug, new Date(), refreshIntervalMs))

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await loadPage((await params).slug)
  if (!page) return { title: 'Vendor not found' }
  const { vendor } = page
  return {
    title: `Is ${vendor.name} down? ${vendor.name} status and outages`,
    description: page.answer,
    alternates: { canonical: `/vendors/${vendor.slug}`, types: { 'application/atom+xml': `/vendors/${vendor.slug}/feed.atom` } },
    // Added by a user from its address and not reviewed yet: not for search engines either.
    ...(vendor.pendingReview && { robots: { index: false, follow: false } }),
  }
}

export default async function VendorPage({ params }: { params: Params }) {
  const page = await loadPage((await params).slug)
  if (!page) notFound()
  const { now, vendor, monitored, freshness: fresh, known, uptime, timeline, incidentHistory, bannerIncident, sourceChanged } = page
  const base = `/vendors/${vendor.slug}`

  return (
    <article className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href="/vendors" className="hover:underline">
            Vendors
          </Link>{' '}
          / <span aria-current="page">{vendor.name}</span>
        </nav>
        <div className="flex items-center gap-3">
          <VendorLogo vendor={vendor} size="lg" />
          <h1 className="text-3xl font-semibold tracking-tight">{vendor.name} status</h1>
        </div>
        <p data-testid="answer" className="max-w-3xl text-lg text-slate-800 dark:text-slate-200">
          {page.answer}
        </p>
        <WatchButton vendor={vendor} size="md" align="start" />
        {vendor.pendingReview && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Added by a Vendorwatch user from its status page address; not listed in the directory until we have reviewed it.
          </p>
        )}
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
          {vendor.category && <span>{vendor.category}</span>}
          <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
            Official status page ↗
          </a>
          <a href={`${base}/feed.atom`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
            Incident feed (Atom)
          </a>
        </p>
      </div>

      {known ? (
        <StatusBanner
          status={vendor.status}
          statusText={vendor.statusText}
          maintenances={vendor.maintenances}
          incident={bannerIncident && { title: bannerIncident.title, href: `${base}/incidents/${bannerIncident.id}`, others: bannerIncident.others }}
          freshness={fresh}
          sourceChanged={sourceChanged}
          vendorName={vendor.name}
          now={now}
        />
      ) : (
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500 dark:text-slate-400">Current status</h2>
          {monitored && fresh.kind === 'never_succeeded' ? (
            <div className="mt-2 space-y-1">
              <p>
                <strong className="font-medium">Status unavailable.</strong> Until we can read {vendor.name}&apos;s status page, check the official page.
              </p>
              <FreshnessNote freshness={fresh} vendorName={vendor.name} now={now} />
            </div>
          ) : monitored ? (
            <div className="mt-2 space-y-1">
              <p>
                <strong className="font-medium">Not checked yet.</strong> Until we have read {vendor.name}&apos;s status page, check the official page.
              </p>
            </div>
          ) : (
            <p className="mt-2">
              We don&apos;t read {vendor.name}&apos;s status page automatically yet ({page.platformLabel}). Check the{' '}
              <a href={vendor.statusPageUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                official status page
              </a>{' '}
              directly.
            </p>
          )}
        </Card>
      )}

      {page.earlyWarning.possibleOutage && <PossibleOutageBanner outage={page.earlyWarning.possibleOutage} vendorName={vendor.name} />}

      {known && vendor.openIncidents.length > 0 && (
        <section aria-labelledby="active-heading" className="space-y-3">
          <h2 id="active-heading" className="text-lg font-semibold">
            Active incidents
          </h2>
          {vendor.openIncidents.map((incident) => (
            <IncidentSummary key={incident.id} incident={incident} vendorSlug={vendor.slug} now={now} />
          ))}
        </section>
      )}
      <EarlyWarningSection
        earlyWarning={page.earlyWarning}
        vendorName={vendor.name}
        // Only what the form reads: a client component's props are serialized into the page, and the
        // whole vendor row (every component with its description, incidents, maintenance) was ~20 KB.
        reportButton={<ReportProblem vendor={{ slug: vendor.slug, name: vendor.name }} components={vendor.components.map((c) => ({ id: c.externalId, name: c.name }))} />}
      />
      {known && (
        <>
          <MaintenanceList maintenances={vendor.maintenances} icsHref={`${base}/maintenance.ics`} />
          <OutageTimeline days={timeline} />
          <ComponentList groups={vendor.groups} components={vendor.components} uptime={uptime} />
          {page.reliability && <ReliabilityHistory windows={page.reliability.windows} observedSince={page.reliability.observedSince} vendorName={vendor.name} />}
          {incidentHistory && (
            <section aria-labelledby="history-heading" className="space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="history-heading" className="text-lg font-semibold">
                  Incident history
                </h2>
                {incidentHistory.total > HISTORY_PREVIEW && (
                  <Link href={`${base}/incidents`} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
                    All {incidentHistory.total} incidents →
                  </Link>
                )}
              </div>
              <IncidentHistoryList incidents={incidentHistory.incidents} vendorSlug={vendor.slug} now={now} />
            </section>
          )}
        </>
      )}
      <BadgeSnippet vendorName={vendor.name} vendorSlug={vendor.slug} appUrl={env.APP_URL} />
    </article>
  )
}
