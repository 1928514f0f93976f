-- A vendor's status page address, normalised as lib/catalog/page-key.ts's pageKey() does, unique:
-- two users adding the same page at once (lib/catalog/add-by-url.ts) end with one vendor.
--
-- The key is computed here, by a trigger, rather than by each writer: vendors are inserted by the
-- seed, catalog:import, "watch any status page", tests and the benchmarks' bulk COPY, and none of
-- them can forget it. lib/catalog/page-key.int.test.ts checks that this function and pageKey()
-- agree on every catalog URL. Differences kept on purpose (no catalog URL has them): an
-- internationalised host stays in Unicode (URL() gives punycode), `.`/`..` path segments are not
-- resolved, and a default port is dropped for either scheme.

-- AddColumn
ALTER TABLE "Vendor" ADD COLUMN "pageKey" TEXT;

CREATE FUNCTION vendor_page_key(url TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
    regexp_replace(
      regexp_replace(
        lower(split_part(split_part(btrim(url), '#', 1), '?', 1)),
        -- scheme, user info, www.
        '^[a-z][a-z0-9+.-]*://([^@/]*@)?(www\.)?', ''),
      -- a default port
      '^([^/:]*):(443|80)(/|$)', '\1\3'),
    '/+$', '')
$$;

CREATE FUNCTION vendor_set_page_key() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."pageKey" := vendor_page_key(NEW."statusPageUrl");
  RETURN NEW;
END
$$;

-- Backfill. Vendors that already share a page (possible only where users added one before this
-- key existed) keep their rows: the oldest takes the key, each other gets `<key>#<id>`, which the
-- trigger leaves alone until its address changes, so an operator can merge them at leisure.
UPDATE "Vendor" SET "pageKey" = vendor_page_key("statusPageUrl");
UPDATE "Vendor" v SET "pageKey" = v."pageKey" || '#' || v.id
FROM (SELECT id, row_number() OVER (PARTITION BY "pageKey" ORDER BY "createdAt", id) AS n FROM "Vendor") d
WHERE d.id = v.id AND d.n > 1;

-- Only when the address is written and changed: the refresh updates every vendor's status each
-- cycle, which must not pay for this (nor re-key a backfilled duplicate).
CREATE TRIGGER "Vendor_pageKey_insert" BEFORE INSERT ON "Vendor" FOR EACH ROW EXECUTE FUNCTION vendor_set_page_key();
CREATE TRIGGER "Vendor_pageKey_update" BEFORE UPDATE OF "statusPageUrl" ON "Vendor" FOR EACH ROW
  WHEN (OLD."statusPageUrl" IS DISTINCT FROM NEW."statusPageUrl") EXECUTE FUNCTION vendor_set_page_key();

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_pageKey_key" ON "Vendor"("pageKey");
