import { LocalTime } from '@/components/time/local-time'
import type { VendorPageStatus } from '@/lib/data/vendor-status'
import { MAINTENANCE_STATUS_LABEL } from '@/lib/format/status-labels'
import { isMaintenanceRunning, isMaintenanceUpcoming } from '@/lib/status/lifecycle'
import { UpstreamText } from './upstream-text'

/** Running maintenance first, then upcoming windows, in the reader's time zone. */
export function MaintenanceList({ maintenances, icsHref }: { maintenances: VendorPageStatus['maintenances']; icsHref: string }) {
  const running = maintenances.filter((m) => isMaintenanceRunning(m.status))
  const upcoming = maintenances.filter((m) => isMaintenanceUpcoming(m.status))
  const current = [...running, ...upcoming]
  if (current.length === 0) return null
  return (
    <section aria-labelledby="maintenance-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="maintenance-heading" className="text-lg font-semibold">
          Maintenance
        </h2>
        <a href={icsHref} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
          Add to calendar (iCal)
        </a>
      </div>
      <ul className="space-y-3">
        {current.map((m) => (
          <li key={m.id} className="rounded-lg border border-sky-200 bg-white p-4 dark:border-sky-900 dark:bg-slate-900">
            <p className="font-semibold">{m.title}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-800 dark:text-slate-200">{MAINTENANCE_STATUS_LABEL[m.status]}</span> · <LocalTime iso={m.scheduledFor.toISOString()} />
              {m.scheduledUntil && (
                <>
                  {' '}
                  – <LocalTime iso={m.scheduledUntil.toISOString()} />
                </>
              )}
            </p>
            {m.body && <UpstreamText body={m.body} className="mt-2" />}
          </li>
        ))}
      </ul>
    </section>
  )
}
