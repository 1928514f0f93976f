import type { LeadTimes } from '@/lib/pages/early-warning'
import { LEAD_WINDOW_DAYS, leadTimeSentence } from '@/lib/status/early-warning-words'

/** How much earlier our users saw problems than the vendor's page admitted them; nothing under three measured incidents. */
export function LeadTimeNote({ lead, vendorName }: { lead: LeadTimes; vendorName: string }) {
  const sentence = leadTimeSentence(vendorName, lead)
  if (!sentence) return null
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="lead-time">
      {sentence} (over the last {LEAD_WINDOW_DAYS} days, {lead.measuredIncidents} incidents measured).
    </p>
  )
}
