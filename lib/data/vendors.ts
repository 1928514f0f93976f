// Reads of the public vendor catalog: directory search, one vendor, categories.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'
import type { Prisma } from '@/lib/db/generated/client'
import type { VendorQuery } from '@/lib/validation/vendor-query'

const vendorSummarySelect = {
  slug: true,
  name: true,
  category: true,
  statusPageUrl: true,
  status: true,
  statusText: true,
  source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
} satisfies Prisma.VendorSelect

export type VendorSummary = Prisma.VendorGetPayload<{ select: typeof vendorSummarySelect }>

export interface VendorPage {
  vendors: VendorSummary[]
  total: number
  nextCursor: string | null
}

/**
 * Case-insensitive search on name and slug, optional category. Without a query the directory is
 * keyset-paginated by slug; with one, results are ranked (exact name, then prefix, then word
 * prefix, then anywhere) so "git" lists GitHub and GitLab before "Digital Pacific". The cursor is
 * always the slug of the last vendor shown.
 */
export async function searchVendors(query: VendorQuery): Promise<VendorPage> {
  // Vendors added by URL and not reviewed yet are watchable, but not listed (see add-by-url.ts).
  const where: Prisma.VendorWhereInput = {
    pendingReview: false,
    ...(query.q && {
      OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { slug: { contains: query.q.toLowerCase().replace(/\s+/g, '-') } }],
    }),
    ...(query.category && { category: { equals: query.category, mode: 'insensitive' } }),
  }
  if (query.q) {
    // A search matches at most the whole catalog (~2,000 short rows): rank in memory.
    const matches = await db.vendor.findMany({ where, select: vendorSummarySelect, orderBy: { slug: 'asc' } })
    const q = query.q.toLowerCase()
    const ranked = matches.map((v) => ({ v, rank: matchRank(v.name.toLowerCase(), v.slug, q) })).sort((a, b) => a.rank - b.rank)
    const start = query.cursor ? ranked.findIndex((r) => r.v.slug === query.cursor) + 1 : 0
    const vendors = ranked.slice(start, start + query.limit).map((r) => r.v)
    const hasMore = start + query.limit < ranked.length
    return { vendors, total: matches.length, nextCursor: hasMore ? (vendors.at(-1)?.slug ?? null) : null }
  }
  const [rows, total] = await Promise.all([
    db.vendor.findMany({
      where: { ...where, ...(query.cursor && { slug: { gt: query.cursor } }) },
      orderBy: { slug: 'asc' },
      take: query.limit + 1,
      select: vendorSummarySelect,
    }),
    db.vendor.count({ where }),
  ])
  const vendors = rows.slice(0, query.limit)
  const hasMore = rows.length > query.limit
  return { vendors, total, nextCursor: hasMore ? (vendors.at(-1)?.slug ?? null) : null }
}

function matchRank(name: string, slug: string, q: string): number {
  if (name === q || slug === q) return 0
  if (name.startsWith(q) || slug.startsWith(q)) return 1
  if (name.split(/[^a-z0-9]+/).some((word) => word.startsWith(q))) return 2
  return 3
}

const vendorDetailSelect = {
  ...vendorSummarySelect,
  pendingReview: true,
  id: true,
  statusChangedAt: true,
  source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, lastError: true, consecutiveFailures: true } },
} satisfies Prisma.VendorSelect

export type VendorDetail = Prisma.VendorGetPayload<{ select: typeof vendorDetailSelect }>

export async function findVendorBySlug(slug: string): Promise<VendorDetail | null> {
  if (!isSlug(slug)) return null
  return db.vendor.findUnique({ where: { slug }, select: vendorDetailSelect })
}

export interface CategoryCount {
  category: string
  count: number
}

export async function listCategories(): Promise<CategoryCount[]> {
  const groups = await db.vendor.groupBy({ by: ['category'], where: { category: { not: null }, pendingReview: false }, _count: { _all: true }, orderBy: { category: 'asc' } })
  return groups.flatMap((g) => (g.category ? [{ category: g.category, count: g._count._all }] : []))
}

export async function findVendorsBySlugs(slugs: string[]): Promise<VendorSummary[]> {
  const rows = await db.vendor.findMany({ where: { slug: { in: slugs.filter(isSlug) } }, select: vendorSummarySelect })
  const order = new Map(slugs.map((s, i) => [s, i]))
  return rows.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0))
}

/** Vendors of the public directory (not those pending review). */
export async function countVendors(): Promise<number> {
  return db.vendor.count({ where: { pendingReview: false } })
}

/** Every vendor's slug and last change, for the sitemap. */
export async function listVendorSlugs(): Promise<{ slug: string; updatedAt: Date }[]> {
  return db.vendor.findMany({ where: { pendingReview: false }, orderBy: { slug: 'asc' }, select: { slug: true, updatedAt: true } })
}

/**
 * Vendors that report a problem right now (degraded or an outage) and whose status we read
 * recently: a status we could not refresh is not "now".
 */
export async function listVendorsWithProblems(freshSince: Date, limit = 24): Promise<VendorSummary[]> {
  const rows = await db.vendor.findMany({
    where: { pendingReview: false, status: { in: ['degraded', 'partial_outage', 'major_outage'] }, source: { lastSuccessAt: { gte: freshSince } } },
    select: { ...vendorSummarySelect, statusChangedAt: true },
    take: limit * 2,
  })
  // Worst first, then the most recent change.
  const rank = { major_outage: 0, partial_outage: 1, degraded: 2 } as Record<string, number>
  return rows
    .sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || (b.statusChangedAt?.getTime() ?? 0) - (a.statusChangedAt?.getTime() ?? 0))
    .slice(0, limit)
}
