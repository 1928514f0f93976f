import type { IncidentImpact } from '@/lib/status/statuses'
import { IMPACT_BADGE, IMPACT_LABEL } from './incident-meta'

export function ImpactBadge({ impact }: { impact: IncidentImpact }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${IMPACT_BADGE[impact]}`}>
      {IMPACT_LABEL[impact]}
    </span>
  )
}
