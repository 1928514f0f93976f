// The one vendor search: the directory, the dashboard's add box and GET /api/v1/vendors?q= all
// call searchVendors (lib/data/vendors.ts), which ranks with this module. One SQL statement finds
// the candidates; the ranking rules live in it so that the database returns them in order.
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

/** The one statement of a search (exported for the benchmark's EXPLAIN). */
export function searchQuery(q: string, category: string | undefined): Prisma.Sql {
  const qn = normalizeSearchText(q)
  const tokens = [...new Set(qn.split(' '))].slice(0, MAX_TOKENS)
  const patterns = tokens.map((t) => `%${likeEscape(t)}%`)
  // Words of three characters or more have trigrams, so the component indexes can find them; a
  // shorter word ("s3", "gh") still has to be in the vendor's or the component's words.
  const indexedPatterns = tokens.filter((t) => t.length >= 3).map((t) => `%${likeEscape(t)}%`)
  const wordPatterns = tokens.map((t) => `% ${likeEscape(t)}%`)
  const contains = `%${likeEscape(qn)}%`
  const prefix = `${likeEscape(qn)}%`
  const wordPrefix = `% ${likeEscape(qn)}%`
  const slugQ = slugify(qn)
  const slugContains = slugQ ? `%${likeEscape(slugQ)}%` : null
  const slugPrefix = slugQ ? `${likeEscape(slugQ)}%` : null
  return searchSql({ qn, tokens, patterns, indexedPatterns, wordPatterns, contains, prefix, wordPrefix, slugQ, slugContains, slugPrefix, category: category ?? null })
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
  // PostgreSQL's planner prices an ILIKE or a similarity test per row like any cheap operator, so
  // over a few thousand vendors and tens of thousands of components it prefers scanning every row
  // to the trigram indexes; measured on 3,000 vendors and 55,000 components (scripts/bench-search.ts
  // data) the indexes answer the same statements 2-4x faster. So this one statement is planned
  // without sequential scans (SET LOCAL: its own transaction only; tables without a usable index are
  // still scanned).
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, db.$queryRaw<RawHit[]>(searchQuery(q, category))])
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

interface SearchParams {
  qn: string
  tokens: string[]
  patterns: string[]
  indexedPatterns: string[]
  wordPatterns: string[]
  contains: string
  prefix: string
  wordPrefix: string
  slugQ: string
  slugContains: string | null
  slugPrefix: string | null
  category: string | null
}

// `%` and `<%` are pg_trgm's similarity operators (thresholds 0.3 and 0.6), which the trigram
// indexes on "Vendor".name and "Component".name serve, as they serve ILIKE '%…%'.
function searchSql(p: SearchParams): Prisma.Sql {
  // Vendors a word of the query may name: one ILIKE per word of 3+ characters (not ILIKE ANY(array),
  // which no index serves), OR-ed into a bitmap over the trigram indexes; aliases are exact words.
  const namedVendorFilter = p.indexedPatterns.length
    ? Prisma.join(
        p.indexedPatterns.map((pat) => Prisma.sql`v.name ILIKE ${pat} OR v.slug ILIKE ${pat}`),
        ' OR ',
      )
    : Prisma.sql`false`
  // A component named by the whole query, wherever it is (trigram index on component names).
  const wholeQueryComponent = p.qn.length >= 3 ? Prisma.sql`c.name ILIKE ${p.contains}` : Prisma.sql`false`
  const componentHasWord = Prisma.join(
    p.patterns.map((pat) => Prisma.sql`lower(c.name) LIKE ${pat} OR lower(c."externalId") LIKE ${pat}`),
    ' OR ',
  )
  const words = (nameSql: Prisma.Sql) => Prisma.sql`(' ' || lower(regexp_replace(${nameSql}, '[^[:alnum:]]+', ' ', 'g')))`
  return Prisma.sql`
WITH vendor_aliases AS (
  -- Aliases of the vendor itself ("aws"); an alias of a component ("s3") counts with that component.
  SELECT a."vendorId", string_agg(a.alias, ' ') AS words FROM "VendorAlias" a WHERE a.component IS NULL GROUP BY a."vendorId"
),
named_vendors AS (
  SELECT v.id FROM "Vendor" v WHERE ${namedVendorFilter}
  UNION
  SELECT a."vendorId" FROM "VendorAlias" a WHERE (' ' || ${p.qn} || ' ') LIKE '% ' || a.alias || ' %'
),
vendor_matches AS (
  -- Vendors the whole query finds by name or slug, and by a close spelling: two scans rather than
  -- one OR, so that similarity is computed only for the rows its own index offers, not for every
  -- row another condition's index brought (a two-letter query's ILIKE brings all of them).
  -- (The columns the scores need, so no join back to "Vendor": the id decides the rest.)
  SELECT v.id, v.name, v.slug FROM "Vendor" v WHERE v.name ILIKE ${p.contains} OR v.slug LIKE ${p.slugContains}
  UNION
  SELECT v.id, v.name, v.slug FROM "Vendor" v WHERE v.name % ${p.qn} OR ${p.qn} <% v.name
),
component_candidates AS (
  -- Components of the vendors the query names, and components named by the whole query. Only the
  -- columns used below: UNION compares whole rows, and a vendor named by a short prefix ("clou")
  -- brings thousands of components (descriptions and all, this cost 3-4x more). Of those only the
  -- ones with a word of the query in their name or id, the condition of every component hit below:
  -- tested here, before the dedupe and the per-row aliases and word tests, not after them.
  SELECT c.id, c."vendorId", c.name, c."externalId" FROM "Component" c JOIN named_vendors n ON n.id = c."vendorId"
  WHERE c."removedAt" IS NULL AND (${componentHasWord})
  UNION
  SELECT c.id, c."vendorId", c.name, c."externalId" FROM "Component" c WHERE c."removedAt" IS NULL AND ${wholeQueryComponent}
),
hits AS (
  SELECT v.id AS "vendorId",
    CASE
      WHEN lower(v.name) = ${p.qn} OR v.slug = ${p.slugQ} THEN 100
      WHEN lower(v.name) LIKE ${p.prefix} OR v.slug LIKE ${p.slugPrefix} THEN 80
      WHEN ${words(Prisma.sql`v.name`)} LIKE ${p.wordPrefix} THEN 60
      WHEN v.name ILIKE ${p.contains} OR v.slug LIKE ${p.slugContains} THEN 50
      ELSE 40 + 10 * greatest(similarity(v.name, ${p.qn}), word_similarity(${p.qn}, v.name))
    END::float8 AS score,
    CASE WHEN v.name ILIKE ${p.contains} OR v.slug LIKE ${p.slugContains} OR ${words(Prisma.sql`v.name`)} LIKE ${p.wordPrefix} THEN 'name' ELSE 'typo' END AS kind,
    NULL::text AS alias, NULL::text AS "componentId", NULL::text AS "componentName"
  FROM vendor_matches v
  UNION ALL
  SELECT a."vendorId", 90, 'alias', a.alias, c.id, c.name
  FROM "VendorAlias" a
  LEFT JOIN LATERAL (
    SELECT c.id, c.name FROM "Component" c
    WHERE a.component IS NOT NULL AND c."vendorId" = a."vendorId" AND c."removedAt" IS NULL
      AND (lower(c.name) LIKE '%' || a.component || '%' OR lower(c."externalId") LIKE a.component || '%')
    ORDER BY length(c.name), c.name LIMIT 1
  ) c ON true
  WHERE a.alias = ${p.qn}
  UNION ALL
  SELECT c."vendorId",
    CASE WHEN vendor_part.hit OR comp_alias.words IS NOT NULL THEN 70 ELSE 30 END, 'component', NULL, c.id, c.name
  FROM component_candidates c
  JOIN "Vendor" v ON v.id = c."vendorId"
  LEFT JOIN vendor_aliases va ON va."vendorId" = v.id
  CROSS JOIN LATERAL (
    -- Aliases of this component that the query uses ("s3" in "s3 us-east-1").
    SELECT string_agg(a.alias, ' ') AS words FROM "VendorAlias" a
    WHERE a."vendorId" = c."vendorId" AND a.component IS NOT NULL
      AND (lower(c.name) LIKE '%' || a.component || '%' OR lower(c."externalId") LIKE a.component || '%')
      AND (' ' || ${p.qn} || ' ') LIKE '% ' || a.alias || ' %'
  ) comp_alias
  CROSS JOIN LATERAL (
    SELECT EXISTS (
      SELECT 1 FROM unnest(${p.wordPatterns}::text[]) pat
      WHERE (' ' || lower(v.name) || ' ' || replace(v.slug, '-', ' ') || ' ' || coalesce(va.words, '')) LIKE pat
    ) AS hit
  ) vendor_part
  -- A word of the query is in the component's own name or id, and every word is somewhere.
  WHERE EXISTS (SELECT 1 FROM unnest(${p.patterns}::text[]) pat WHERE lower(c.name) LIKE pat OR lower(c."externalId") LIKE pat)
    AND NOT EXISTS (
      SELECT 1 FROM unnest(${p.patterns}::text[]) pat
      WHERE (lower(v.name) || ' ' || v.slug || ' ' || coalesce(va.words, '') || ' ' || coalesce(comp_alias.words, '') || ' ' || lower(c.name) || ' ' || lower(c."externalId")) NOT LIKE pat
    )
    AND (vendor_part.hit OR comp_alias.words IS NOT NULL OR c.name ILIKE ${p.contains})
),
best AS (
  SELECT DISTINCT ON ("vendorId") * FROM hits
  -- The component id last: two components of one name ("Audit Logs (US West)") gave either.
  ORDER BY "vendorId", score DESC, ("componentId" IS NULL), length("componentName"), "componentName", "componentId"
)
SELECT b."vendorId", v.slug, v.name, b.score, b.kind, b.alias, b."componentId", b."componentName",
  (SELECT count(*) FROM "WatchlistEntry" w WHERE w."vendorId" = v.id) AS watchers
FROM best b JOIN "Vendor" v ON v.id = b."vendorId"
WHERE NOT v."pendingReview" AND (${p.category}::text IS NULL OR lower(v.category) = lower(${p.category}::text))
ORDER BY b.score DESC, watchers DESC, length(v.name), v.name, v.slug
LIMIT ${MAX_SEARCH_CANDIDATES}`
}
