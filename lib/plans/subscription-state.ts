// Pure: what a Stripe subscription means for us, and whether a newly heard state may replace the
// stored one. Stripe does not promise webhook order, retries deliver old events late, and two
// handlers can run at once, so every write goes through `shouldReplace`.
import type Stripe from 'stripe'
import { PRO_SUBSCRIPTION_STATUSES } from './plans'

export interface SubscriptionState {
  stripeSubscriptionId: string
  stripeCustomerId: string
  status: string
  priceId: string | null
  currentPeriodEnd: Date | null
  cancelAtPeriodEnd: boolean
  /** Our user id, when the subscription carries it (Checkout puts it in its metadata). */
  userId: string | null
}

/**
 * How the state was heard. `created` is by definition the first state of a subscription, so it
 * never overrides a state stamped with the same second; `fetched` is the live object read back
 * from the API while handling an event.
 */
export type StateSource = 'created' | 'updated' | 'deleted' | 'fetched'

export interface HeardState {
  state: SubscriptionState
  source: StateSource
  /** `created` of the event that told us (Stripe's clock, whole seconds). */
  eventAt: Date
}

export interface StoredState {
  stripeSubscriptionId: string
  status: string
  lastEventAt: Date
}

/** Stripe never moves a subscription out of these. */
export const TERMINAL_STATUSES: readonly string[] = ['canceled', 'incomplete_expired']

export function subscriptionState(subscription: Stripe.Subscription): SubscriptionState {
  const items = subscription.items?.data ?? []
  // Since API 2025-03-31 the billing period lives on each item; one plan, one item.
  const periodEnds = items.map((item) => item.current_period_end).filter((t): t is number => typeof t === 'number')
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
    status: subscription.status,
    priceId: items[0]?.price?.id ?? null,
    currentPeriodEnd: periodEnds.length > 0 ? new Date(Math.max(...periodEnds) * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
    userId: subscription.metadata?.userId || null,
  }
}

function givesPro(status: string): boolean {
  return PRO_SUBSCRIPTION_STATUSES.includes(status)
}

/**
 * Whether `heard` may overwrite `stored` (the user's one subscription row).
 * - Same subscription: a newer event wins; an older one is ignored; within the same second the
 *   later-handled one wins unless it is the `created` state. A terminal status is final.
 * - Another subscription (the user subscribed again, or paid twice): the one that gives Pro
 *   wins; between two of the same kind the newer one wins. A stale, abandoned or cancelled
 *   subscription never takes Pro away from a live one.
 */
export function shouldReplace(stored: StoredState | null, heard: HeardState): boolean {
  if (!stored) return true
  const newer = heard.eventAt.getTime() > stored.lastEventAt.getTime()
  const sameSecond = heard.eventAt.getTime() === stored.lastEventAt.getTime()
  if (stored.stripeSubscriptionId === heard.state.stripeSubscriptionId) {
    if (TERMINAL_STATUSES.includes(stored.status)) return false
    return newer || (sameSecond && heard.source !== 'created')
  }
  const storedPro = givesPro(stored.status)
  const heardPro = givesPro(heard.state.status)
  if (storedPro !== heardPro) return heardPro
  return newer || sameSecond
}
