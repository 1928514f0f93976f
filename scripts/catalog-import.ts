// Imports vendors from a catalog file, upserting by slug:
//   npm run catalog:import -- FILE [--dry-run]
// FILE is CSV (header: name,slug,statusPageUrl|status_page_url,platform,category,apiUrl) or a JSON
// array of {name, slug, statusPageUrl, platform, category?, apiUrl?}. Bad rows are reported by
// line and skipped; good rows are imported. Exit code 1 when any row was rejected.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { detectCatalogFormat, parseCatalog } from '@/lib/catalog/catalog-file'
import { PLATFORMS } from '@/lib/catalog/platforms'
import { runCli } from '@/lib/cli/known-failure.mjs'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } })
const file = positionals[0]
if (!file) {
  console.error(`usage: npm run catalog:import -- FILE [--dry-run]\n  platforms: ${PLATFORMS.join(', ')}`)
  process.exit(2)
}
if (!fs.existsSync(file)) {
  console.error(`catalog:import: no such file: ${file}`)
  process.exit(2)
}

const content = fs.readFileSync(file, 'utf8')
const { rows, problems } = parseCatalog(content, detectCatalogFormat(file, content))
for (const p of problems) console.error(`${file}:${p.line}: ${p.message}`)
console.log(`${rows.length} valid row(s), ${problems.length} rejected`)

runCli('catalog:import', async () => {
  if (!values['dry-run'] && rows.length) {
    // Imported late so a usage error or a dry run never opens (and locks) the embedded database.
    const { upsertCatalogRows } = await import('@/lib/data/catalog')
    const { db } = await import('@/lib/db/client')
    try {
      const r = await upsertCatalogRows(rows.map((l) => l.row))
      console.log(`imported: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`)
    } finally {
      await db.$disconnect().catch(() => {})
    }
  }
  return problems.length ? 1 : 0
})
