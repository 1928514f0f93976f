// What the pricing page shows, loaded in one call: the Pro price (from Stripe) and, for a signed-in
// reader, their plan, which decides the buttons.
import { getOptionalUser } from '@/lib/auth/session'
import type { Plan } from '@/lib/plans/plans'
import { getProPrice } from '@/lib/billing/price'
import { getPlan } from '@/lib/data/billing'
import { billingEnabled } from '@/lib/env'

export async function loadPricing() {
  const [user, price] = await Promise.all([getOptionalUser(), getProPrice()])
  /** Null when signed out. */
  const plan: Plan | null = user ? await getPlan(user.id) : null
  return { signedIn: user !== null, plan, price, billingEnabled }
}
