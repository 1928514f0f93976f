import type { DeliveryMode, MinImpact } from '@/lib/validation/watchlist'

export const MIN_IMPACT_LABELS: Record<MinImpact, string> = {
  any: 'Any impact',
  minor: 'Minor and up',
  major: 'Major and up',
}

export const DELIVERY_LABELS: Record<DeliveryMode, string> = {
  instant: 'Instant email',
  digest: 'Daily digest',
}

/** "All components · any impact · instant email": one line about a watch's alert settings. */
export function alertSummary(w: { allComponents: boolean; componentCount: number; minImpact: MinImpact; maintenanceAlerts: boolean; possibleOutageAlerts?: boolean; componentAlerts?: boolean; deliveryMode: DeliveryMode }): string {
  const scope = w.allComponents ? 'All components' : `${w.componentCount} ${w.componentCount === 1 ? 'component' : 'components'}`
  const parts = [scope, MIN_IMPACT_LABELS[w.minImpact].toLowerCase(), DELIVERY_LABELS[w.deliveryMode].toLowerCase()]
  if (!w.maintenanceAlerts) parts.push('no maintenance')
  if (w.possibleOutageAlerts) parts.push('early warnings')
  if (w.componentAlerts) parts.push('component changes')
  return parts.join(' · ')
}
