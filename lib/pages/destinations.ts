// What /settings/destinations shows: the user's destinations (never their settings), the plan's
// room, and each webhook's delivery log.
import { destinationPlan, listDeliveryAttempts, listDestinations, type DeliveryLogEntry, type DestinationSummary } from '@/lib/data/destinations'
import { PLANS, type Plan } from '@/lib/plans/plans'

export interface DestinationsPage {
  plan: Plan
  planName: string
  used: number
  limit: number
  pagerDutyAllowed: boolean
  destinations: (DestinationSummary & { log: DeliveryLogEntry[] | null })[]
}

export async function loadDestinations(userId: string): Promise<DestinationsPage> {
  const [{ plan, used }, rows] = await Promise.all([destinationPlan(userId), listDestinations(userId)])
  const destinations = await Promise.all(rows.map(async (d) => ({ ...d, log: d.kind === 'webhook' ? await listDeliveryAttempts(userId, d.id) : null })))
  return {
    plan,
    planName: PLANS[plan].name,
    used,
    limit: PLANS[plan].destinationLimit,
    pagerDutyAllowed: (PLANS[plan].destinationKinds as readonly string[]).includes('pagerduty'),
    destinations,
  }
}
