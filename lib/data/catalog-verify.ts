// Reads and writes of platform verification (`npm run catalog:verify`, lib/catalog/verify-catalog.ts):
// which vendors to check, and what detection found.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { Platform } from '@/lib/db/generated/enums'

export interface VendorToVerify {
  vendorId: string
  slug: string
  name: string
  statusPageUrl: string
  platform: Platform
  apiUrl: string | null
  verifiedAt: Date | null
  pendingReview: boolean
  /** Added by a user from its address (not a catalog row). */
  addedByUser: boolean
}

/** Every catalog vendor with a status source, by slug; `onlyUnverified` leaves out verified ones. */
export async function listVendorsToVerify(options: { onlyUnverified: boolean; slugs?: string[] }): Promise<VendorToVerify[]> {
  const rows = await db.statusSource.findMany({
    where: { ...(options.onlyUnverified && { verifiedAt: null }), ...(options.slugs && { vendor: { slug: { in: options.slugs } } }) },
    select: {
      vendorId: true,
      platform: true,
      apiUrl: true,
      verifiedAt: true,
      vendor: { select: { slug: true, name: true, statusPageUrl: true, pendingReview: true, addedById: true } },
    },
    orderBy: { vendor: { slug: 'asc' } },
  })
  return rows.map((r) => ({
    vendorId: r.vendorId,
    slug: r.vendor.slug,
    name: r.vendor.name,
    statusPageUrl: r.vendor.statusPageUrl,
    platform: r.platform,
    apiUrl: r.apiUrl,
    verifiedAt: r.verifiedAt,
    pendingReview: r.vendor.pendingReview,
    addedByUser: r.vendor.addedById !== null,
  }))
}

export interface VerifiedSource {
  platform: Platform
  apiUrl: string | null
  verifiedAt: Date
  evidence: string
}

/**
 * Records what detection found. A new platform or API URL also clears what described the old
 * endpoint (validators, discovered settings) and makes the vendor due at once, as an import does.
 */
export async function recordVerifiedSource(vendorId: string, found: VerifiedSource): Promise<{ changed: boolean }> {
  const stored = await db.statusSource.findUnique({ where: { vendorId }, select: { platform: true, apiUrl: true } })
  if (!stored) return { changed: false }
  const changed = stored.platform !== found.platform || stored.apiUrl !== found.apiUrl
  await db.statusSource.update({
    where: { vendorId },
    data: {
      platform: found.platform,
      apiUrl: found.apiUrl,
      verifiedAt: found.verifiedAt,
      verifiedEvidence: found.evidence.slice(0, 2000),
      ...(changed && { httpCache: Prisma.DbNull, settings: Prisma.DbNull, nextCheckAt: null, consecutiveFailures: 0, enabled: true }),
    },
  })
  return { changed }
}

/** Lists a vendor held back for review in the public directory. */
export async function approveVendor(vendorId: string): Promise<void> {
  await db.vendor.update({ where: { id: vendorId }, data: { pendingReview: false } })
}
