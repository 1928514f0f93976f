// Reads of the public vendor catalog: directory search, one vendor, categories.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'
import type { Prisma } from '@/lib/db/generated/client'
import type { VendorQuery } from '@/lib/validation/vendor-query'
import { MAX_SEARCH_CANDIDATES, rankVendorSearch, type SearchMatchKind } from './vendor-search'

const vendorSummarySelect = {
  slug: true,
  name: true,
  category: true,
  statusPageUrl: true,
  status: true,
  statusText: true,
  /** Only whether there is one, and its version: never the bytes in a list. */
  logo: { select: { sha256: true } },
  source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
} satisfies Prisma.VendorSelect

export type VendorSummary = Prisma.VendorGetPayload<{ select: typeof vendorSummarySelect }>

/** How a search found a vendor: by its name, an alias, a close spelling or one of its components. */
export interface VendorMatch {
  kind: SearchMatchKind
  alias: string | null
  component: { id: string; name: string } | null
}

/** A vendor in a list; `match` only in search results. */
export type VendorListItem = VendorSummary & { match?: VendorMatch }

export interface VendorPage {
  vendors: VendorListItem[]
  /** How many vendors match; with `totalCapped`, at least this many (a search ranks at most MAX_SEARCH_CANDIDATES). */
  total: number
  totalCapped?: boolean
  nextCursor: string | null
}

/**
 * The vendor search behind the directory, the dashboard's add box and GET /api/v1/vendors: with a
 * query, every vendor it finds by name, alias, component or close spelling, ranked
 * (lib/data/vendor-search.ts); without one, the directory keyset-paginated by slug. Optional
 * category. The cursor is always the slug of the last vendor shown.
 */
export async function searchVendors(query: VendorQuery): Promise<VendorPage> {
  if (query.q) {
    const ranked = await rankVendorSearch(query.q, query.category)
    const start = query.cursor ? ranked.findIndex((r) => r.slug === query.cursor) + 1 : 0
    const slice = ranked.slice(start, start + query.limit)
    const byId = await findVendorSummariesByIds(slice.map((h) => h.vendorId))
    const vendors = slice.flatMap((h) => {
      const v = byId.get(h.vendorId)
      return v ? [{ ...v, match: { kind: h.kind, alias: h.alias, component: h.component } }] : []
    })
    const hasMore = start + query.limit < ranked.length
    return { vendors, total: ranked.length, totalCapped: ranked.length >= MAX_SEARCH_CANDIDATES, nextCursor: hasMore ? (slice.at(-1)?.slug ?? null) : null }
  }
  // Vendors added by URL and not reviewed yet are watchable, but not listed (lib/catalog/add-by-url.ts);
  // the search leaves them out in its statement (vendor-search.ts).
  const where: Prisma.VendorWhereInput = { pendingReview: false, ...(query.category && { category: { equals: query.category, mode: 'insensitive' } }) }
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

interface SummaryRow {
  id: string
  slug: string
  name: string
  category: string | null
  statusPageUrl: string
  status: VendorSummary['status']
  statusText: string | null
  hasLogo: boolean
  sha256: string | null
  platform: NonNullable<VendorSummary['source']>['platform'] | null
  apiUrl: string | null
  lastCheckedAt: Date | null
  lastSuccessAt: Date | null
  consecutiveFailures: number | null
  lastError: string | null
}

/**
 * The summaries of a page of search results, read fresh on every search (their statuses change
 * with each refresh; the ranking is kept). One joined statement: the same rows through findMany
 * with the logo and source relations cost about 2.5x the CPU of this process per page, which is
 * most of a search answered from a kept ranking (the int test compares the two shapes).
 */
export async function findVendorSummariesByIds(ids: string[]): Promise<Map<string, VendorSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await db.$queryRaw<SummaryRow[]>`
    SELECT v.id, v.slug, v.name, v.category, v."statusPageUrl", v.status::text AS status, v."statusText",
      l."vendorId" IS NOT NULL AS "hasLogo", l.sha256, s.platform::text AS platform, s."apiUrl",
      s."lastCheckedAt", s."lastSuccessAt", s."consecutiveFailures", s."lastError"
    FROM "Vendor" v
    LEFT JOIN "VendorLogo" l ON l."vendorId" = v.id
    LEFT JOIN "StatusSource" s ON s."vendorId" = v.id
    WHERE v.id = ANY(${ids}::text[])`
  return new Map(
    rows.map((r) => [
      r.id,
      {
        slug: r.slug,
        name: r.name,
        category: r.category,
        statusPageUrl: r.statusPageUrl,
        status: r.status,
        statusText: r.statusText,
        logo: r.hasLogo ? { sha256: r.sha256 } : null,
        source: r.platform
          ? {
              platform: r.platform,
              apiUrl: r.apiUrl,
              lastCheckedAt: r.lastCheckedAt,
              lastSuccessAt: r.lastSuccessAt,
              consecutiveFailures: Number(r.consecutiveFailures ?? 0),
              lastError: r.lastError,
            }
          : null,
      } satisfies VendorSummary,
    ]),
  )
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

/** The directory asks on every view; categories change only with a catalog import. */
const CATEGORIES_CACHE_MS = 60_000
let categoriesCache: { at: number; list: Promise<CategoryCount[]> } | null = null

/** Categories with their vendor counts, kept for a minute per process. */
export async function listCategories(now = Date.now()): Promise<CategoryCount[]> {
  if (categoriesCache && now - categoriesCache.at < CATEGORIES_CACHE_MS) return categoriesCache.list
  const list = db.vendor
    .groupBy({ by: ['category'], where: { category: { not: null }, pendingReview: false }, _count: { _all: true }, orderBy: { category: 'asc' } })
    .then((groups) => groups.flatMap((g) => (g.category ? [{ category: g.category, count: g._count._all }] : [])))
  categoriesCache = { at: now, list }
  list.catch(() => {
    if (categoriesCache?.list === list) categoriesCache = null
  })
  return list
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
