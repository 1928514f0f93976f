import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { VendorStatus } from '@/components/vendors/vendor-status'
import { WatchButton } from '@/components/watchlist/watch-button'
import { requireUser } from '@/lib/auth/session'
import { listDestinations, watchRouting } from '@/lib/data/destinations'
import { getWatchPreferences } from '@/lib/data/watch-preferences'
import { PreferencesForm } from './preferences-form'
import { RoutingForm } from './routing-form'

export const metadata: Metadata = { title: 'Alert preferences' }
export const dynamic = 'force-dynamic'

type Params = Promise<{ vendorSlug: string }>

export default async function WatchPreferencesPage({ params }: { params: Params }) {
  const { vendorSlug } = await params
  const user = await requireUser(`/watchlist/${vendorSlug}`)
  // Someone else's watch, or a vendor this user does not watch: nothing to show.
  const prefs = await getWatchPreferences(user.id, vendorSlug)
  if (!prefs) notFound()
  const { vendor } = prefs
  const groups = new Map(vendor.groups.map((g) => [g.id, g.name]))
  const [destinations, routing] = await Promise.all([listDestinations(user.id), watchRouting(user.id, vendorSlug)])

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/dashboard" className="hover:underline">
          Dashboard
        </Link>{' '}
        / <span aria-current="page">{vendor.name}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-3xl font-semibold tracking-tight">Alerts for {vendor.name}</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <VendorStatus vendor={vendor} />
            <Link href={`/vendors/${vendor.slug}`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
              Status page →
            </Link>
          </div>
        </div>
        <WatchButton vendor={vendor} size="md" />
      </div>
      <PreferencesForm
        vendor={{ slug: vendor.slug, name: vendor.name }}
        components={vendor.components.map((c) => ({ id: c.id, name: c.name, group: c.groupId ? (groups.get(c.groupId) ?? null) : null }))}
        current={{
          scope: prefs.allComponents ? 'all' : 'chosen',
          components: prefs.selectedComponentIds,
          minImpact: prefs.minImpact,
          maintenance: prefs.maintenanceAlerts,
          possibleOutages: prefs.possibleOutageAlerts,
          componentChanges: prefs.componentAlerts,
          delivery: prefs.deliveryMode,
        }}
      />
      <RoutingForm
        vendor={vendor.slug}
        destinations={destinations.map((d) => ({ id: d.id, name: d.name, kind: d.kind, enabled: d.enabled }))}
        current={routing ?? { all: true, destinationIds: [] }}
      />
    </div>
  )
}
