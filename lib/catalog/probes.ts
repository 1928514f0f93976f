// The catalog's synthetic probes (prisma/seed/probes.csv; where they come from: prisma/seed/PROBES.md):
// one public, unauthenticated URL of a vendor's (an API root or health endpoint) and the status
// below which its answer counts as up. Bad rows are reported by line and skipped; the good ones
// still go in.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { z } from 'zod'
import { readAppMeta, writeAppMeta } from '@/lib/data/app-meta'
import { replaceCatalogProbes, type ProbeWriteResult } from '@/lib/data/probe-catalog'
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

export function parseProbes(content: string): { rows: ProbeRow[]; problems: { line: number; message: string }[] } {
  const records = parseCsv(content, { columns: true, bom: true, skip_empty_lines: true, info: true }) as { record: unknown; info: { lines: number } }[]
  const rows: ProbeRow[] = []
  const problems: { line: number; message: string }[] = []
  const seen = new Set<string>()
  for (const { record, info } of records) {
    const parsed = probeRowSchema.safeParse(record)
    if (!parsed.success) {
      problems.push({ line: info.lines, message: parsed.error.issues.map((i) => i.message).join('; ') })
      continue
    }
    const key = `${parsed.data.vendor}\u0000${parsed.data.url}`
    if (seen.has(key)) {
      problems.push({ line: info.lines, message: `probe ${parsed.data.url} of ${parsed.data.vendor} is listed twice` })
      continue
    }
    seen.add(key)
    rows.push(parsed.data)
  }
  return { rows, problems }
}

export type ProbeSeedResult = { seeded: false } | ({ seeded: true; problems: number } & ProbeWriteResult)

/**
 * Writes the probes when the file or the catalog changed since the last time (the catalog's own
 * seed hash is part of the key: a probe of a vendor added later is written then).
 */
export async function seedProbesIfChanged(catalogHash: string | null, file = SEED_PROBES_FILE): Promise<ProbeSeedResult> {
  const content = await fs.readFile(path.resolve(/*turbopackIgnore: true*/ file), 'utf8')
  const hash = createHash('sha256').update(content).update(catalogHash ?? '').digest('hex')
  if ((await readAppMeta(PROBES_HASH_KEY)) === hash) return { seeded: false }
  const { rows, problems } = parseProbes(content)
  for (const p of problems) console.warn(`[seed] ${file} line ${p.line}: ${p.message}`)
  const result = await replaceCatalogProbes(rows.map((r) => ({ vendorSlug: r.vendor, url: r.url, upBelow: r.upBelow })))
  for (const slug of result.unknownVendors) console.warn(`[seed] ${file}: no vendor "${slug}" in the catalog; its probes are skipped`)
  await writeAppMeta(PROBES_HASH_KEY, hash)
  return { seeded: true, problems: problems.length, ...result }
}
