// Seeds the vendor catalog: on a new database, and again whenever prisma/seed/vendors.json
// changes (a new release adds vendors). Unchanged file -> one query, nothing written.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readAppMeta, writeAppMeta } from '@/lib/data/app-meta'
import { upsertCatalogRows, type CatalogImportResult } from '@/lib/data/catalog'
import { seedAliasesIfChanged } from './aliases'
import { parseCatalog } from './catalog-file'
import { seedProbesIfChanged } from './probes'

export const SEED_CATALOG_FILE = 'prisma/seed/vendors.json'
const SEED_HASH_KEY = 'catalog.seedSha256'

export type SeedResult = { seeded: false } | ({ seeded: true; problems: number } & CatalogImportResult)

export async function seedCatalogIfChanged(file = SEED_CATALOG_FILE): Promise<SeedResult> {
  const result = await seedVendorRowsIfChanged(file)
  // The search aliases name catalog vendors: written after them, whenever either file changed.
  const catalogHash = await readAppMeta(SEED_HASH_KEY)
  await seedAliasesIfChanged(catalogHash)
  // The probes (prisma/seed/probes.csv) name catalog vendors too.
  await seedProbesIfChanged(catalogHash)
  return result
}

async function seedVendorRowsIfChanged(file: string): Promise<SeedResult> {
  const content = await fs.readFile(path.resolve(/*turbopackIgnore: true*/ file), 'utf8')
  const hash = createHash('sha256').update(content).digest('hex')
  if ((await readAppMeta(SEED_HASH_KEY)) === hash) return { seeded: false }
  const { rows, problems } = parseCatalog(content, 'json')
  // The seed file is generated and tested; a problem here is a build defect, not user input.
  for (const p of problems) console.warn(`[seed] ${file} line ${p.line}: ${p.message}`)
  const result = await upsertCatalogRows(
    rows.map((r) => r.row),
    { keepVerified: true },
  )
  await writeAppMeta(SEED_HASH_KEY, hash)
  return { seeded: true, problems: problems.length, ...result }
}
