-- The vendor search as one PL/pgSQL function (lib/data/vendor-search.ts calls it; the ranking rules
-- are listed there). Why a function rather than the statement the application used to send:
--   * Its plan is kept. The statement is long (six CTEs, three UNION branches, laterals), and
--     PostgreSQL spent 2-3 ms parsing and planning it for every search against 0.5-1 ms running it
--     (3,000 vendors, 55,555 components, scripts/bench-search.ts): a search asked for the first
--     time cost ~4 ms of database CPU, of which ~3 were parse and plan. PL/pgSQL prepares its
--     statements once per connection; with a generic plan (plan_cache_mode below) every call after
--     the first skips planning too. Measured over 226 queries of the bench's kinds: 937 ms summed
--     one at a time with a fresh statement each, 373 ms with the kept generic plan (p50 4.0 -> 1.0 ms).
--   * The statement has one shape. It used to have one per number of query words (one ILIKE per
--     word, for the trigram indexes); here there are always MAX_TOKENS = 6 word slots, and an unused
--     slot is NULL, which matches nothing (ILIKE NULL is NULL) and costs no index scan.
--   * enable_seqscan = off is the function's own setting (see below), so a search is one round trip,
--     not a transaction of four (BEGIN, SET LOCAL, the statement, COMMIT).
-- enable_seqscan = off: PostgreSQL's planner prices an ILIKE or a similarity test per row like any
-- cheap operator, so over a few thousand vendors and tens of thousands of components it prefers
-- scanning every row to the trigram indexes; the indexes answer the same statements 2-4x faster.
-- Tables without a usable index are still scanned. It applies to this function's statement only.
-- Changing the ranking means a new migration replacing this function (CREATE OR REPLACE).
--
-- Parameters (the application prepares them from the query, lib/data/vendor-search.ts):
--   p_qn             the query, lower case, one space between words
--   p_patterns       '%word%' for each word (at most 6)
--   p_word_patterns  '% word%' for each word: a word of the vendor's names starting with it
--   p_indexed        6 slots: '%word%' for each word of 3+ characters (trigram-indexable), else NULL
--   p_contains, p_prefix, p_word_prefix   '%query%', 'query%', '% query%'
--   p_whole_component  '%query%' when the query has 3+ characters (a component named by it), else NULL
--   p_slug_q, p_slug_contains, p_slug_prefix   the query as a slug: exact, '%slug%', 'slug%' (NULL if empty)
--   p_category       only vendors of this category (case-insensitive), or NULL for all
--   p_limit          candidates ranked at most
CREATE OR REPLACE FUNCTION vendor_search(
  p_qn text, p_patterns text[], p_word_patterns text[], p_indexed text[],
  p_contains text, p_prefix text, p_word_prefix text, p_whole_component text,
  p_slug_q text, p_slug_contains text, p_slug_prefix text, p_category text, p_limit integer
) RETURNS TABLE (
  "vendorId" text, slug text, name text, score double precision, kind text,
  alias text, "componentId" text, "componentName" text, watchers bigint
)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH vendor_aliases AS (
    -- Aliases of the vendor itself ("aws"); an alias of a component ("s3") counts with that component.
    SELECT a."vendorId", string_agg(a.alias, ' ') AS words FROM "VendorAlias" a WHERE a.component IS NULL GROUP BY a."vendorId"
  ),
  named_vendors AS (
    -- Vendors a word of the query may name: one ILIKE per word slot (not ILIKE ANY(array), which no
    -- index serves), OR-ed into a bitmap over the trigram indexes; aliases are exact words.
    SELECT v.id FROM "Vendor" v
    WHERE v.name ILIKE p_indexed[1] OR v.slug ILIKE p_indexed[1]
       OR v.name ILIKE p_indexed[2] OR v.slug ILIKE p_indexed[2]
       OR v.name ILIKE p_indexed[3] OR v.slug ILIKE p_indexed[3]
       OR v.name ILIKE p_indexed[4] OR v.slug ILIKE p_indexed[4]
       OR v.name ILIKE p_indexed[5] OR v.slug ILIKE p_indexed[5]
       OR v.name ILIKE p_indexed[6] OR v.slug ILIKE p_indexed[6]
    UNION
    SELECT a."vendorId" FROM "VendorAlias" a WHERE (' ' || p_qn || ' ') LIKE '% ' || a.alias || ' %'
  ),
  vendor_matches AS (
    -- Vendors the whole query finds by name or slug, and by a close spelling: two scans rather than
    -- one OR, so that similarity is computed only for the rows its own index offers, not for every
    -- row another condition's index brought (a two-letter query's ILIKE brings all of them).
    -- (The columns the scores need, so no join back to "Vendor": the id decides the rest.)
    SELECT v.id, v.name, v.slug FROM "Vendor" v WHERE v.name ILIKE p_contains OR v.slug LIKE p_slug_contains
    UNION
    SELECT v.id, v.name, v.slug FROM "Vendor" v WHERE v.name % p_qn OR p_qn <% v.name
  ),
  component_candidates AS (
    -- Components of the vendors the query names, and components named by the whole query. Only the
    -- columns used below: UNION compares whole rows, and a vendor named by a short prefix ("clou")
    -- brings thousands of components (descriptions and all, this cost 3-4x more). Of those only the
    -- ones with a word of the query in their name or id, the condition of every component hit below:
    -- tested here, before the dedupe and the per-row aliases and word tests, not after them.
    SELECT c.id, c."vendorId", c.name, c."externalId" FROM "Component" c JOIN named_vendors n ON n.id = c."vendorId"
    WHERE c."removedAt" IS NULL AND (lower(c.name) LIKE ANY (p_patterns) OR lower(c."externalId") LIKE ANY (p_patterns))
    UNION
    SELECT c.id, c."vendorId", c.name, c."externalId" FROM "Component" c WHERE c."removedAt" IS NULL AND c.name ILIKE p_whole_component
  ),
  hits AS (
    SELECT v.id AS "vendorId",
      CASE
        WHEN lower(v.name) = p_qn OR v.slug = p_slug_q THEN 100
        WHEN lower(v.name) LIKE p_prefix OR v.slug LIKE p_slug_prefix THEN 80
        WHEN (' ' || lower(regexp_replace(v.name, '[^[:alnum:]]+', ' ', 'g'))) LIKE p_word_prefix THEN 60
        WHEN v.name ILIKE p_contains OR v.slug LIKE p_slug_contains THEN 50
        ELSE 40 + 10 * greatest(similarity(v.name, p_qn), word_similarity(p_qn, v.name))
      END::float8 AS score,
      CASE WHEN v.name ILIKE p_contains OR v.slug LIKE p_slug_contains OR (' ' || lower(regexp_replace(v.name, '[^[:alnum:]]+', ' ', 'g'))) LIKE p_word_prefix THEN 'name' ELSE 'typo' END AS kind,
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
    WHERE a.alias = p_qn
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
        AND (' ' || p_qn || ' ') LIKE '% ' || a.alias || ' %'
    ) comp_alias
    CROSS JOIN LATERAL (
      SELECT EXISTS (
        SELECT 1 FROM unnest(p_word_patterns) pat
        WHERE (' ' || lower(v.name) || ' ' || replace(v.slug, '-', ' ') || ' ' || coalesce(va.words, '')) LIKE pat
      ) AS hit
    ) vendor_part
    -- A word of the query is in the component's own name or id, and every word is somewhere.
    WHERE EXISTS (SELECT 1 FROM unnest(p_patterns) pat WHERE lower(c.name) LIKE pat OR lower(c."externalId") LIKE pat)
      AND NOT EXISTS (
        SELECT 1 FROM unnest(p_patterns) pat
        WHERE (lower(v.name) || ' ' || v.slug || ' ' || coalesce(va.words, '') || ' ' || coalesce(comp_alias.words, '') || ' ' || lower(c.name) || ' ' || lower(c."externalId")) NOT LIKE pat
      )
      AND (vendor_part.hit OR comp_alias.words IS NOT NULL OR c.name ILIKE p_contains)
  ),
  best AS (
    SELECT DISTINCT ON (h."vendorId") h.* FROM hits h
    -- The component id last: two components of one name ("Audit Logs (US West)") gave either.
    ORDER BY h."vendorId", h.score DESC, (h."componentId" IS NULL), length(h."componentName"), h."componentName", h."componentId"
  )
  SELECT b."vendorId", v.slug, v.name, b.score, b.kind, b.alias, b."componentId", b."componentName",
    (SELECT count(*) FROM "WatchlistEntry" w WHERE w."vendorId" = v.id) AS watchers
  FROM best b JOIN "Vendor" v ON v.id = b."vendorId"
  WHERE NOT v."pendingReview" AND (p_category IS NULL OR lower(v.category) = lower(p_category))
  ORDER BY b.score DESC, watchers DESC, length(v.name), v.name, v.slug
  LIMIT p_limit;
END
$fn$;
