-- The search's trigram (GIN) indexes without a pending list.
--
-- With GIN's default fastupdate, new entries go to an unsorted pending list (up to
-- gin_pending_list_limit, 4 MB) that every search then reads in full, until a vacuum merges it.
-- Components are written by the refresh all the time, so the list is rarely empty: measured on
-- 3,000 vendors and 55,000 components just written (scripts/bench-search.ts data), the component
-- name index carried 432 pending pages and a search for "stripe" took 75 ms; merged, 1.7 ms. These
-- indexes are written far less often than they are read, so entries go straight into the index.
ALTER INDEX "Vendor_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Vendor_slug_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Component_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Component_externalId_trgm_idx" SET (fastupdate = off);

-- Turning it off leaves what is pending where it is: merge it now.
SELECT gin_clean_pending_list('"Vendor_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"Vendor_slug_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"Component_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"Component_externalId_trgm_idx"'::regclass);
