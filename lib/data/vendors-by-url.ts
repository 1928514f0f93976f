// Vendors found or created from a status page URL a user pasted ("watch any status page").
import { db } from '@/lib/db/client'
import type { Platform } from '@/lib/db/generated/enums'
import { isUniqueViolation } from './prisma-errors'

export interface VendorOnHost {
  slug: string
  name: string
  statusPageUrl: string
  apiUrl: string | null
}

/**
 * Vendors whose status page or API URL is on this host (the caller compares paths). The host is
 * matched as text inside the URL, so `status.acme.example` also finds `https://www.status.acme.example/en`.
 */
export async function findVendorsOnHost(host: string): Promise<VendorOnHost[]> {
  const rows = await db.vendor.findMany({
    where: { OR: [{ statusPageUrl: { contains: host, mode: 'insensitive' } }, { source: { apiUrl: { contains: host, mode: 'insensitive' } } }] },
    select: { slug: true, name: true, statusPageUrl: true, source: { select: { apiUrl: true } } },
    take: 50,
  })
  return rows.map((r) => ({ slug: r.slug, name: r.name, statusPageUrl: r.statusPageUrl, apiUrl: r.source?.apiUrl ?? null }))
}

export interface NewVendorFromPage {
  /** Wanted slug; `-2`, `-3`, … is added while it is taken. */
  slug: string
  name: string
  statusPageUrl: string
  platform: Platform
  apiUrl: string | null
  addedById: string
  verifiedAt: Date
  evidence: string
}

/**
 * Creates a vendor added by a user: pending review (out of the public directory), its platform
 * verified by detection, due for its first check at once. Returns the slug it got.
 */
export async function createVendorFromPage(input: NewVendorFromPage): Promise<string> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    const slug = attempt === 1 ? input.slug : `${input.slug.slice(0, 60)}-${attempt}`
    try {
      await db.vendor.create({
        data: {
          slug,
          name: input.name,
          statusPageUrl: input.statusPageUrl,
          pendingReview: true,
          addedById: input.addedById,
          source: {
            create: {
              platform: input.platform,
              apiUrl: input.apiUrl,
              verifiedAt: input.verifiedAt,
              verifiedEvidence: input.evidence.slice(0, 2000),
              platformConfidence: 'high',
              platformEvidence: 'detected from the page when a user added it',
            },
          },
        },
      })
      return slug
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
    }
  }
  throw new Error(`no free slug near ${input.slug}`)
}
