import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { LocalTime } from '@/components/time/local-time'
import { NotCheckedBadge, StatusBadge, type NoStatusReason } from '@/components/vendors/status-badge'
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL, MAINTENANCE_STATUS_LABEL } from '@/lib/format/status-labels'
import type { StackPageModel, StackVendor } from '@/lib/pages/stack-page'

const NO_STATUS: Record<StackVendor['freshness'], NoStatusReason> = {
  unmonitored: 'unmonitored',
  never_checked: 'not_checked',
  never_succeeded: 'unreadable',
  fresh: 'not_checked',
  stale: 'not_checked',
}

function VendorRow({ vendor }: { vendor: StackVendor }) {
  const headingId = `stack-vendor-${vendor.slug}`
  return (
    <li>
      <Card className="p-4 sm:p-5">
        <section aria-labelledby={headingId} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={headingId} className="min-w-0 break-words text-lg font-semibold">
              <Link href={`/vendors/${vendor.slug}`} prefetch={false} className="hover:underline">
                {vendor.name}
              </Link>
            </h2>
            {vendor.status ? <StatusBadge status={vendor.status} /> : <NotCheckedBadge reason={NO_STATUS[vendor.freshness]} />}
          </div>
          {vendor.freshness === 'stale' && <p className="text-sm text-amber-800 dark:text-amber-200">We could not read this status recently; it may be out of date.</p>}
          {vendor.incidents.length > 0 && (
            <div>
              <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-200">Active incidents</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {vendor.incidents.map((i) => (
                  <li key={i.id}>
                    <Link href={`/vendors/${vendor.slug}/incidents/${i.id}`} prefetch={false} className="font-medium text-sky-800 underline dark:text-sky-300">
                      {i.title}
                    </Link>{' '}
                    <span className="text-slate-700 dark:text-slate-300">
                      · {IMPACT_LABEL[i.impact]} · {INCIDENT_STATUS_LABEL[i.status]} · since <LocalTime iso={i.startedAt.toISOString()} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {vendor.maintenances.length > 0 && (
            <div>
              <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-200">Maintenance</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {vendor.maintenances.map((m) => (
                  <li key={m.id}>
                    <span className="font-medium">{m.title}</span>{' '}
                    <span className="text-slate-700 dark:text-slate-300">
                      · {MAINTENANCE_STATUS_LABEL[m.status]} · <LocalTime iso={m.scheduledFor.toISOString()} />
                      {m.scheduledUntil && (
                        <>
                          {' '}
                          – <LocalTime iso={m.scheduledUntil.toISOString()} />
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {vendor.incidents.length === 0 && vendor.maintenances.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">No active incidents or upcoming maintenance.</p>}
        </section>
      </Card>
    </li>
  )
}

export function StackView({ model }: { model: StackPageModel }) {
  const problems = model.vendors.filter((v) => v.incidents.length > 0).length
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="break-words text-3xl font-semibold tracking-tight">{model.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {model.vendors.length === 0
            ? 'No vendors on this stack yet.'
            : problems === 0
              ? `No active incidents across ${model.vendors.length} vendor${model.vendors.length === 1 ? '' : 's'}.`
              : `${problems} of ${model.vendors.length} vendors have active incidents.`}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a href={`${model.path}/feed.atom`} className="text-sky-800 underline dark:text-sky-300">
            Incident feed (Atom)
          </a>
          <a href={`${model.path}/maintenance.ics`} className="text-sky-800 underline dark:text-sky-300">
            Maintenance calendar (iCalendar)
          </a>
          <a href={`${model.path}/badge.svg`} className="text-sky-800 underline dark:text-sky-300">
            Badge (SVG)
          </a>
        </p>
      </div>
      <ul className="space-y-3" aria-label="Vendors">
        {model.vendors.map((v) => (
          <VendorRow key={v.slug} vendor={v} />
        ))}
      </ul>
    </div>
  )
}
