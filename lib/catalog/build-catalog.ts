// The whole seed build from the raw files in prisma/seed/raw/: clean the research catalog, then fold
// the December 2026 expansion in. Shared by `npm run catalog:build` and the test that the committed
// vendors.json is exactly its output. Reads files only (no network, no database).
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { cleanCatalog, type CleanReport, type RawCatalogRow, type RawProvenance } from './clean-catalog'
import { foldCatalog, type FoldReport, type RawConflict, type RawNewVendor, type RawPlatformFill } from './fold-catalog'

export interface CatalogBuild {
  rawRows: number
  cleaned: CleanReport
  folded: FoldReport
}

export function buildCatalog(rawDir: string): CatalogBuild {
  const readCsv = <T>(file: string): T[] => parse(fs.readFileSync(path.join(rawDir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as T[]
  const raw = readCsv<RawCatalogRow>('vendor-catalog.csv')
  const provenance = new Map(readCsv<RawProvenance & { slug: string; sources: string; platform_evidence: string }>('vendor-catalog-provenance.csv').map((p) => [p.slug, p]))
  const categories = new Map(readCsv<{ slug: string; category: string }>('categories.csv').map((c) => [c.slug, c.category]))
  const cleaned = cleanCatalog(raw, provenance, categories)
  const folded = foldCatalog({
    cleaned,
    provenance,
    newVendors: readCsv<RawNewVendor>('catalog-2026-12/new-vendors.csv'),
    conflicts: readCsv<RawConflict>('catalog-2026-12/conflicts.csv'),
    fills: readCsv<RawPlatformFill>('catalog-2026-12/platform-fills.csv'),
  })
  return { rawRows: raw.length, cleaned, folded }
}
