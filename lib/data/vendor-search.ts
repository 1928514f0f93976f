// The one vendor search: the directory, the dashboard's add box and GET /api/v1/vendors?q= all
// call searchVendors (lib/data/vendors.ts), which ranks with this module. One database function,
// vendor_search (defined by a migration, see searchQuery), finds the candidates; the ranking rules
// live in it so that the database returns them in order.
//
// What finds a vendor, best first (score):
//   100  its exact name or slug ("github")
//    90  one of its aliases (VendorAlias: "aws", "gh", "s3"; an alias naming a component links to it)
//    80  the start of its name or slug ("git" → GitHub)
//    70  its name, slug or an alias together with one of its components ("github actions",
//        "s3 us-east-1": a word of the query starts a word of the vendor's name, slug or aliases,
//        and every word is in those or in the component's name or id)
//    60  the start of a word of its name ("pages" → Cloudflare Pages)
//    50  anywhere in its name or slug
//  40–50 a close spelling (pg_trgm similarity, "gihub" → GitHub), by similarity
//    30  a component of it named by the whole query ("copilot" → GitHub, Copilot)
// Ties: more watchers first (popularity), then the shorter name, then the name.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'

/** Candidates ranked at most; a query matching more than this lists the best of them. */
export const MAX_SEARCH_CANDIDATES = 1_000
/** Words of a query that take part in component matching; the rest still match names. */
const MAX_TOKENS = 6

export type SearchMatchKind = 'name' | 'alias' | 'typo' | 'component'

export interface SearchHit {
  vendorId: string
  slug: string
  name: string
  score: number
  watchers: number
  kind: SearchMatchKind
  /** The alias that found it, when one did. */
  alias: string | null
  /** The component the query named, when it named one. */
  component: { id: string; name: string } | null
}

/** Lower case, one space between words: how aliases are stored and queries compared. */
export function normalizeSearchText(q: string): string {
  return q.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim()
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)
const slugify = (s: string) => s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')

/**
 * The one statement of a search: a call of the database function vendor_search (its SQL, with the
 * ranking rules above, is in prisma/migrations/20261207160000_vendor_search_function, and why it is
 * a function), with the query prepared into its fixed set of parameters.
 */
export function searchQuery(q: string, category: string | undefined): Prisma.Sql {
  const qn = normalizeSearchText(q)
  const tokens = [...new Set(qn.split(' '))].slice(0, MAX_TOKENS)
  const patterns = tokens.map((t) => `%${likeEscape(t)}%`)
  // Words of three characters or more have trigrams, so the indexes can find vendors by them; a
  // shorter word ("s3", "gh") still has to be in the vendor's or the component's words. Always
  // MAX_TOKENS slots (the function's statement has one shape): NULL matches nothing.
  const indexed = tokens.filter((t) => t.length >= 3).map((t) => `%${likeEscape(t)}%`)
  const indexedSlots = Array.from({ length: MAX_TOKENS }, (_, i) => indexed[i] ?? null)
  const wordPatterns = tokens.map((t) => `% ${likeEscape(t)}%`)
  const contains = `%${likeEscape(qn)}%`
  // A component named by the whole query: only a query with trigrams (3+ characters) asks.
  const wholeComponent = qn.length >= 3 ? contains : null
  const slugQ = slugify(qn)
  const slugContains = slugQ ? `%${likeEscape(slugQ)}%` : null
  const slugPrefix = slugQ ? `${likeEscape(slugQ)}%` : null
  return Prisma.sql`SELECT * FROM vendor_search(${qn}, ${patterns}::text[], ${wordPatterns}::text[], ${indexedSlots}::text[],
    ${contains}, ${`${likeEscape(qn)}%`}, ${`% ${likeEscape(qn)}%`}, ${wholeComponent}::text,
    ${slugQ}, ${slugContains}::text, ${slugPrefix}::text, ${category ?? null}::text, ${MAX_SEARCH_CANDIDATES}::int)`
}

/**
 * Rankings are kept for a minute per process (at most RANK_CACHE_ENTRIES queries, oldest dropped
 * first): the same words searched again (typing, paging, the next visitor) cost no statement. What
 * a ranking holds changes slowly (names, aliases, components, watcher counts); the vendors'
 * statuses are read fresh for every page of results (searchVendors).
 */
export const RANK_CACHE_MS = 60_000
const RANK_CACHE_ENTRIES = 500
const rankCache = new Map<string, { at: number; hits: Promise<SearchHit[]> }>()

/** Every vendor the query finds, ranked (best first), at most MAX_SEARCH_CANDIDATES. */
export async function rankVendorSearch(q: string, category: string | undefined, now = Date.now()): Promise<SearchHit[]> {
  const qn = normalizeSearchText(q)
  if (!qn) return []
  const key = `${category?.toLowerCase() ?? ''}\u0000${qn}`
  const cached = rankCache.get(key)
  if (cached && now - cached.at < RANK_CACHE_MS) return cached.hits
  const hits = queryRanking(q, category)
  rankCache.delete(key)
  rankCache.set(key, { at: now, hits })
  // A failed statement is not kept: the next search asks again.
  hits.catch(() => rankCache.get(key)?.hits === hits && rankCache.delete(key))
  if (rankCache.size > RANK_CACHE_ENTRIES) rankCache.delete(rankCache.keys().next().value as string)
  return hits
}

/** Forgets every kept ranking (tests; an operator's catalog import in this process). */
export function clearSearchCache(): void {
  rankCache.clear()
}

async function queryRanking(q: string, category: string | undefined): Promise<SearchHit[]> {
  const rows = await db.$queryRaw<RawHit[]>(searchQuery(q, category))
  return rows.map((r) => ({
    vendorId: r.vendorId,
    slug: r.slug,
    name: r.name,
    score: Number(r.score),
    watchers: Number(r.watchers),
    kind: r.kind,
    alias: r.alias,
    component: r.componentId && r.componentName ? { id: r.componentId, name: r.componentName } : null,
  }))
}

interface RawHit {
  vendorId: string
  slug: string
  name: string
  score: number
  watchers: bigint | number
  kind: SearchMatchKind
  alias: string | null
  componentId: string | null
  componentName: string | null
}
