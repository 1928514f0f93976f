import type { VendorStatusDetail } from '@/lib/data/vendor-status'
import { formatUtc } from '@/lib/format/date-time'

const STATUS_LABEL: Record<VendorStatusDetail['maintenances'][number]['status'], string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
  unknown: 'Status unknown',
}

/** Upcoming and running maintenance windows. */
export function MaintenanceList({ maintenances }: { maintenances: VendorStatusDetail['maintenances'] }) {
  const current = maintenances.filter((m) => m.status !== 'completed' && m.status !== 'cancelled')
  if (current.length === 0) return null
  return (
    <section aria-labelledby="maintenance-heading" className="space-y-3">
      <h2 id="maintenance-heading" className="text-lg font-semibold">
        Maintenance
      </h2>
      <ul className="space-y-3">
        {current.map((m) => (
          <li key={m.id} className="rounded-lg border border-sky-200 bg-white p-4 dark:border-sky-900 dark:bg-slate-900">
            <p className="font-semibold">{m.title}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-800 dark:text-slate-200">{STATUS_LABEL[m.status]}</span> · {formatUtc(m.scheduledFor)}
              {m.scheduledUntil && ` – ${formatUtc(m.scheduledUntil)}`}
            </p>
            {m.body && <p className="mt-2 whitespace-pre-line text-sm">{m.body}</p>}
          </li>
        ))}
      </ul>
    </section>
  )
}
