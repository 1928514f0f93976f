// Plans and their limits. The limits are constants; the data layer enforces them in the same
// transaction as the write (lib/data/watchlist.ts), so parallel requests cannot exceed them.

export const FREE_WATCHLIST_LIMIT = 10
/** The paid plan's limit (Stripe; see the billing work). */
export const PRO_WATCHLIST_LIMIT = 200

export type Plan = 'free'

export const PLANS = {
  free: { name: 'Free', watchlistLimit: FREE_WATCHLIST_LIMIT },
} as const satisfies Record<Plan, { name: string; watchlistLimit: number }>

/** Where the "you reached your limit" messages send people. */
export const UPGRADE_PATH = '/pricing'

/**
 * The plan a user is on. Everyone is on Free until paid plans exist; the billing work replaces
 * this with a read of the user's subscription (the seam is here, not in the callers).
 */
export async function planFor(userId: string): Promise<Plan> {
  void userId
  return 'free'
}

export async function watchlistLimitFor(userId: string): Promise<number> {
  return PLANS[await planFor(userId)].watchlistLimit
}

export function watchlistLimitMessage(limit: number): string {
  return `The Free plan watches up to ${limit} vendors. Unwatch one, or upgrade to watch more.`
}
