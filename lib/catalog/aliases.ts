// The search aliases of the catalog (prisma/seed/aliases.csv): another name people search a vendor
// by ("aws", "gh"), optionally the component it means ("s3"), and where the name comes from. Bad
// rows are reported by line and skipped; the good ones still go in.
import { z } from 'zod'
import { replaceVendorAliases, type AliasWriteResult } from '@/lib/data/vendor-aliases'
import { normalizeSearchText } from '@/lib/data/vendor-search'
import { parseCsvRows, type CsvProblem } from './csv-rows'
import { type CsvSeedResult, seedCsvIfChanged } from './seed-csv'
import { SLUG_PATTERN } from './slug'

export const SEED_ALIASES_FILE = 'prisma/seed/aliases.csv'
const ALIASES_HASH_KEY = 'catalog.aliasesSha256'

/** Letters, digits, spaces, dots and dashes: an alias or component is matched with LIKE. */
const WORDS = /^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u

const aliasRowSchema = z.object({
  alias: z.string().transform(normalizeSearchText).pipe(z.string().min(1, 'alias is required').max(60, 'alias is longer than 60 characters').regex(WORDS, 'alias may hold letters, digits, spaces, dots and dashes')),
  vendor: z.string().trim().regex(SLUG_PATTERN, 'vendor must be a catalog slug'),
  component: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().transform(normalizeSearchText).pipe(z.string().max(60).regex(WORDS, 'component may hold letters, digits, spaces, dots and dashes')).optional(),
  ),
  source: z.string().trim().min(1, 'source is required: where the alias comes from').max(300),
})

export type AliasRow = z.infer<typeof aliasRowSchema>

export function parseAliases(content: string): { rows: AliasRow[]; problems: CsvProblem[] } {
  return parseCsvRows(content, aliasRowSchema, (r) => `${r.alias}\u0000${r.vendor}`, (r) => `alias "${r.alias}" of ${r.vendor} is listed twice`)
}

export type AliasSeedResult = CsvSeedResult<AliasWriteResult>

/**
 * Writes the aliases when the file or the catalog changed since the last time (the catalog's own
 * seed hash is part of the key: an alias of a vendor added later is written then).
 */
export function seedAliasesIfChanged(catalogHash: string | null, file = SEED_ALIASES_FILE): Promise<AliasSeedResult> {
  return seedCsvIfChanged(
    {
      file,
      hashKey: ALIASES_HASH_KEY,
      rowsAre: 'aliases',
      parse: parseAliases,
      replace: (rows) => replaceVendorAliases(rows.map((r) => ({ alias: r.alias, vendorSlug: r.vendor, component: r.component ?? null, source: r.source }))),
    },
    catalogHash,
  )
}
