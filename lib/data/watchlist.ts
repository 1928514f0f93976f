// A user's watchlist: which vendors they watch. Every function takes the signed-in user's id and
// reads or writes only that user's entries; a vendor is named by its public slug.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'
import type { Prisma } from '@/lib/db/generated/client'
import { PLANS, planForSubscriptionStatus, watchlistLimitMessage } from '@/lib/plans/plans'
import { billingEnabled } from '@/lib/env'
import { ConfirmationRequiredError, LimitExceededError, NotFoundError } from '@/lib/errors'
import { isMonitoredSource } from '@/lib/status/monitored'
import { INCIDENT_OVER_STATUSES } from '@/lib/status/lifecycle'
import { isUniqueViolation } from './prisma-errors'

export type AddToWatchlistResult = 'added' | 'already_watching'

/**
 * Watches a vendor, within the user's plan limit. The transaction first locks the user's row, so
 * concurrent adds for one user run one after another and each sees the others' rows when it
 * counts: twenty parallel adds on a 10-vendor plan leave exactly ten entries. The plan is read
 * under the same lock, so a webhook changing it mid-add cannot be half-seen. The unique
 * (userId, vendorId) key makes adding the same vendor twice a no-op.
 * A vendor we cannot read ("Not monitored") takes a slot and sends no alerts, so it is watched only
 * with `acceptUnmonitored` (the user confirmed that); otherwise ConfirmationRequiredError.
 * Throws NotFoundError (unknown user or vendor) or LimitExceededError.
 */
export async function addVendorToWatchlist(userId: string, vendorSlug: string, options: { acceptUnmonitored?: boolean } = {}): Promise<AddToWatchlistResult> {
  if (!isSlug(vendorSlug)) throw new NotFoundError('No such vendor')
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`
        if (locked.length === 0) throw new NotFoundError('No such user')
        const vendor = await tx.vendor.findUnique({ where: { slug: vendorSlug }, select: { id: true, name: true, source: { select: { platform: true, apiUrl: true } } } })
        if (!vendor) throw new NotFoundError('No such vendor')
        const existing = await tx.watchlistEntry.findUnique({ where: { userId_vendorId: { userId, vendorId: vendor.id } }, select: { id: true } })
        if (existing) return 'already_watching' as const
        if (!options.acceptUnmonitored && !isMonitoredSource(vendor.source)) {
          throw new ConfirmationRequiredError(`${vendor.name} is not monitored: Vendorwatch cannot read its status page, so watching it sends no alerts and still uses one of your slots.`)
        }
        const subscription = await tx.subscription.findUnique({ where: { userId }, select: { status: true } })
        const plan = planForSubscriptionStatus(subscription?.status)
        const count = await tx.watchlistEntry.count({ where: { userId } })
        if (count >= PLANS[plan].watchlistLimit) throw new LimitExceededError(watchlistLimitMessage(plan, billingEnabled), PLANS[plan].watchlistLimit)
        await tx.watchlistEntry.create({ data: { userId, vendorId: vendor.id } })
        return 'added' as const
      },
      // Adds queue on the row lock; each holds it for a few milliseconds.
      { maxWait: 15_000, timeout: 15_000 },
    )
  } catch (e) {
    if (isUniqueViolation(e)) return 'already_watching'
    throw e
  }
}

/** Returns false when the user was not watching the vendor (nothing changed). */
export async function removeVendorFromWatchlist(userId: string, vendorSlug: string): Promise<boolean> {
  if (!isSlug(vendorSlug)) return false
  const { count } = await db.watchlistEntry.deleteMany({ where: { userId, vendor: { slug: vendorSlug } } })
  return count > 0
}

/** Slugs of every vendor the user watches (the Watch buttons of a page ask this once). */
export async function listWatchedSlugs(userId: string): Promise<string[]> {
  const rows = await db.watchlistEntry.findMany({ where: { userId }, select: { vendor: { select: { slug: true } } } })
  return rows.map((r) => r.vendor.slug)
}

export async function countWatchlist(userId: string): Promise<number> {
  return db.watchlistEntry.count({ where: { userId } })
}

/** An incident is active until it is over (lib/status/lifecycle.ts: no recorded end, and upstream has not said resolved). */
export const ACTIVE_INCIDENT: Prisma.IncidentWhereInput = { resolvedAt: null, status: { notIn: [...INCIDENT_OVER_STATUSES] } }

const watchedVendorSelect = {
  id: true,
  createdAt: true,
  allComponents: true,
  minImpact: true,
  maintenanceAlerts: true,
  possibleOutageAlerts: true,
  componentAlerts: true,
  deliveryMode: true,
  _count: { select: { components: true } },
  vendor: {
    select: {
      slug: true,
      name: true,
      category: true,
      status: true,
      statusText: true,
      source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
      _count: { select: { incidents: { where: ACTIVE_INCIDENT } } },
    },
  },
} satisfies Prisma.WatchlistEntrySelect

export type WatchedVendor = Prisma.WatchlistEntryGetPayload<{ select: typeof watchedVendorSelect }>

/** The user's watched vendors: those with active incidents first, then by name. */
export async function listWatchlist(userId: string): Promise<WatchedVendor[]> {
  const rows = await db.watchlistEntry.findMany({ where: { userId }, select: watchedVendorSelect })
  return rows.sort(
    (a, b) =>
      Number(b.vendor._count.incidents > 0) - Number(a.vendor._count.incidents > 0) ||
      a.vendor.name.localeCompare(b.vendor.name, 'en', { sensitivity: 'base' }),
  )
}

const FEED_LIMIT = 50

/**
 * Incidents of the user's watched vendors that started in the last `days` days or are still
 * active, newest first.
 */
export async function listWatchlistIncidents(userId: string, now: Date, days = 30) {
  const since = new Date(now.getTime() - days * 86_400_000)
  return db.incident.findMany({
    where: { vendor: { watchers: { some: { userId } } }, OR: [{ startedAt: { gte: since } }, ACTIVE_INCIDENT] },
    orderBy: { startedAt: 'desc' },
    take: FEED_LIMIT,
    select: { id: true, title: true, status: true, impact: true, startedAt: true, resolvedAt: true, url: true, vendor: { select: { slug: true, name: true } } },
  })
}

export type WatchlistIncident = Awaited<ReturnType<typeof listWatchlistIncidents>>[number]
