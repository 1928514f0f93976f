// Prepares the e2e database before the app starts: the real seed catalog, the test vendors whose
// status pages live on the local stand-in, and every other vendor's polling switched off (the e2e
// world has no internet, and a refresh should only touch the stand-ins).
import fs from 'node:fs'
import { parseCatalog } from '@/lib/catalog/catalog-file'
import { seedCatalogIfChanged } from '@/lib/catalog/seed'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'

const { rows, problems } = parseCatalog(fs.readFileSync('e2e/support/e2e-vendors.json', 'utf8'), 'json')
if (problems.length) throw new Error(`e2e-vendors.json: ${JSON.stringify(problems)}`)
await seedCatalogIfChanged()
await upsertCatalogRows(rows.map((r) => r.row))
await db.statusSource.updateMany({ where: { vendor: { slug: { notIn: rows.map((r) => r.row.slug) } } }, data: { enabled: false } })
await db.$disconnect()
