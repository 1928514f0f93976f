// Plans as code: the pricing page, the dashboard, the watchlist limit and the notifier all read
// these constants. The data layer enforces a limit in the same transaction as the write
// (lib/data/watchlist.ts), so parallel requests cannot exceed it. The Pro price itself lives in
// Stripe (STRIPE_PRICE_PRO); lib/billing/price.ts reads it for display.

export const FREE_WATCHLIST_LIMIT = 10
export const PRO_WATCHLIST_LIMIT = 200

export const FREE_DESTINATION_LIMIT = 1
export const PRO_DESTINATION_LIMIT = 20

export type Plan = 'free' | 'pro'

/** Destination kinds (lib/channels/types.ts ChannelKind), spelled here so the plans stay below every layer. */
export type DestinationKindName = 'slack' | 'discord' | 'google_chat' | 'teams' | 'pagerduty' | 'webhook'

interface PlanDefinition {
  name: string
  watchlistLimit: number
  /** Chat, PagerDuty and webhook destinations besides email. */
  destinationLimit: number
  /** Kinds this plan may add and deliver to. */
  destinationKinds: readonly DestinationKindName[]
  /** One line each on the pricing page, in this order. */
  features: readonly string[]
}

const FREE_FEATURES = ['Email alerts for incidents, postmortems and maintenance', 'Per-vendor alert preferences', 'Instant alerts or a daily digest']

const CHAT_AND_WEBHOOK = ['slack', 'discord', 'google_chat', 'teams', 'webhook'] as const

export const PLANS = {
  free: {
    name: 'Free',
    watchlistLimit: FREE_WATCHLIST_LIMIT,
    destinationLimit: FREE_DESTINATION_LIMIT,
    destinationKinds: CHAT_AND_WEBHOOK,
    features: [`Watch up to ${FREE_WATCHLIST_LIMIT} vendors`, ...FREE_FEATURES, 'One Slack, Teams, Discord, Google Chat or webhook destination'],
  },
  pro: {
    name: 'Pro',
    watchlistLimit: PRO_WATCHLIST_LIMIT,
    destinationLimit: PRO_DESTINATION_LIMIT,
    destinationKinds: [...CHAT_AND_WEBHOOK, 'pagerduty'],
    features: [`Watch up to ${PRO_WATCHLIST_LIMIT} vendors`, 'Everything in Free, digest included', `Up to ${PRO_DESTINATION_LIMIT} destinations: Slack, Teams, Discord, Google Chat, signed webhooks`, 'PagerDuty: pages open and resolve with the vendor'],
  },
} as const satisfies Record<Plan, PlanDefinition>

export function planAllowsKind(plan: Plan, kind: DestinationKindName): boolean {
  return (PLANS[plan].destinationKinds as readonly string[]).includes(kind)
}

/** Why a destination cannot be added (the plan's count or kind), offering the upgrade only where it can be bought. */
export function destinationLimitMessage(plan: Plan, kind: DestinationKindName, canUpgrade: boolean): string {
  const { name, destinationLimit } = PLANS[plan]
  const upgrade = plan === 'free' && canUpgrade ? ' Upgrade to Pro for more.' : ''
  if (!planAllowsKind(plan, kind)) return `PagerDuty is part of the Pro plan.${upgrade}`
  const count = destinationLimit === 1 ? 'one destination' : `up to ${destinationLimit} destinations`
  return `The ${name} plan includes ${count} besides email. Delete one to add another.${upgrade}`
}

/**
 * Stripe subscription statuses that give Pro. `past_due` keeps it while Stripe retries a failed
 * payment (the dashboard asks for a new card); `unpaid`, `canceled`, `incomplete*` and `paused`
 * are Free. The notifier's SQL reads the same list (lib/notify/fanout.ts passes it to lib/data/outbox.ts).
 */
export const PRO_SUBSCRIPTION_STATUSES: readonly string[] = ['active', 'trialing', 'past_due']

export function planForSubscriptionStatus(status: string | null | undefined): Plan {
  return status && PRO_SUBSCRIPTION_STATUSES.includes(status) ? 'pro' : 'free'
}

/** Where the "you reached your limit" messages and paused-watch notices send people. */
export const UPGRADE_PATH = '/pricing'

/** `canUpgrade`: whether Pro can be bought on this server (billing configured); never offer what cannot be bought. */
export function watchlistLimitMessage(plan: Plan, canUpgrade: boolean): string {
  const { name, watchlistLimit } = PLANS[plan]
  return plan === 'free' && canUpgrade
    ? `The ${name} plan watches up to ${watchlistLimit} vendors. Unwatch one, or upgrade to watch more.`
    : `The ${name} plan watches up to ${watchlistLimit} vendors. Unwatch one to watch another.`
}
