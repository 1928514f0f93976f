// "Check this vendor again now": the one write an operator's manual refresh makes before the cycle.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'

/**
 * Makes one vendor due now (an operator's "check it again now", e.g. after fixing its page URL);
 * pass its slug to the refresh to have the cycle check it before the others.
 * Returns false for an unknown slug. A vendor that is being checked right now keeps its lease.
 */
export async function markVendorDue(slug: string): Promise<boolean> {
  if (!isSlug(slug)) return false
  const { count } = await db.statusSource.updateMany({ where: { vendor: { slug } }, data: { nextCheckAt: null } })
  return count > 0
}
