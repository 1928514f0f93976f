import type { ReactNode } from 'react'
import type { EarlyWarning } from '@/lib/pages/early-warning'
import { LeadTimeNote } from './lead-time-note'
import { ReportsChart } from './reports-chart'

/**
 * "Having problems with {vendor}?": the report button (given as `reportButton`, it is the signal's
 * component), what users reported over the last 24 hours, and how early they saw problems before.
 * Shown whether or not we can read the vendor's page: reports do not depend on it.
 */
export function EarlyWarningSection({ earlyWarning, vendorName, reportButton }: { earlyWarning: EarlyWarning; vendorName: string; reportButton: ReactNode }) {
  return (
    <section aria-labelledby="reports-heading" className="space-y-3" data-testid="early-warning">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="reports-heading" className="text-lg font-semibold">
          Having problems with {vendorName}?
        </h2>
        {reportButton}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">Reports from Vendorwatch users, no account needed. Unofficial: not from {vendorName}&apos;s status page.</p>
      <ReportsChart series={earlyWarning.reports} vendorName={vendorName} />
      <LeadTimeNote lead={earlyWarning.lead} vendorName={vendorName} />
    </section>
  )
}
