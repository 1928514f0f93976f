// The catalog's synthetic probes (prisma/seed/probes.csv; where they come from: prisma/seed/PROBES.md):
// one public, unauthenticated URL of a vendor's (an API root or health endpoint) and the status
// below which its answer counts as up. Bad rows are reported by line and skipped; the good ones
// still go in.
import { z } from 'zod'
import { replaceCatalogProbes, type ProbeWriteResult } from '@/lib/data/probe-catalog'
import { parseCsvRows, type CsvProblem } from './csv-rows'
import { type CsvSeedResult, seedCsvIfChanged } from './seed-csv'
import { SLUG_PATTERN } from './slug'

export const SEED_PROBES_FILE = 'prisma/seed/probes.csv'
const PROBES_HASH_KEY = 'catalog.probesSha256'

const probeRowSchema = z.object({
  vendor: z.string().trim().regex(SLUG_PATTERN, 'vendor must be a catalog slug'),
  // Public HTTPS endpoints only: a probe is the vendor's API as its users reach it.
  url: z
    .string()
    .trim()
    .max(500, 'url is longer than 500 characters')
    .refine((u) => URL.canParse(u) && new URL(u).protocol === 'https:', 'url must be an https:// URL'),
  // 200 would make every answer a failure; 600 would make every answer a success.
  upBelow: z.coerce.number().int().min(201, 'upBelow must be above 200').max(599, 'upBelow must be below 600'),
  note: z.string().trim().min(1, 'note is required: what the URL is and what it answers').max(300),
})

export type ProbeRow = z.infer<typeof probeRowSchema>

export function parseProbes(content: string): { rows: ProbeRow[]; problems: CsvProblem[] } {
  return parseCsvRows(content, probeRowSchema, (r) => `${r.vendor}\u0000${r.url}`, (r) => `probe ${r.url} of ${r.vendor} is listed twice`)
}

export type ProbeSeedResult = CsvSeedResult<ProbeWriteResult>

/**
 * Writes the probes when the file or the catalog changed since the last time (the catalog's own
 * seed hash is part of the key: a probe of a vendor added later is written then).
 */
export function seedProbesIfChanged(catalogHash: string | null, file = SEED_PROBES_FILE): Promise<ProbeSeedResult> {
  return seedCsvIfChanged(
    {
      file,
      hashKey: PROBES_HASH_KEY,
      rowsAre: 'probes',
      parse: parseProbes,
      replace: (rows) => replaceCatalogProbes(rows.map((r) => ({ vendorSlug: r.vendor, url: r.url, upBelow: r.upBelow }))),
    },
    catalogHash,
  )
}
