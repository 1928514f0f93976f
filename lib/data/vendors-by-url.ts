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

/** What createVendorFromPage ended with: its own new vendor, or the one another request created first. */
export type CreatedFromPage = { created: true; slug: string } | { created: false; slug: string; name: string }

/**
 * Creates a vendor added by a user: pending review (out of the public directory), its platform
 * verified by detection, due for its first check at once. When another request created a vendor on
 * the same page meanwhile (the unique "pageKey", which the database computes from the address),
 * that vendor is the answer: two users adding one page at once end with one vendor.
 */
export async function createVendorFromPage(input: NewVendorFromPage): Promise<CreatedFromPage> {
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
      return { created: true, slug }
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
      // The page or the slug was taken; only a taken slug is worth another attempt.
      const first = await findVendorOnSamePage(input.statusPageUrl)
      if (first) return { created: false, ...first }
    }
  }
  throw new Error(`no free slug near ${input.slug}`)
}

/** The vendor whose page key is this address's, as the database computes it (the one that is unique). */
async function findVendorOnSamePage(statusPageUrl: string): Promise<{ slug: string; name: string } | null> {
  const rows = await db.$queryRaw<{ slug: string; name: string }[]>`SELECT slug, name FROM "Vendor" WHERE "pageKey" = vendor_page_key(${statusPageUrl}) LIMIT 1`
  return rows[0] ?? null
}
