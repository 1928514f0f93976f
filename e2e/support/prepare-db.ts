// Prepares the e2e database before the app starts: the real seed catalog, the test vendors whose
// status pages live on the local stand-in, and every other vendor's polling switched off (the e2e
// world has no internet, and a refresh should only touch the stand-ins).
import fs from 'node:fs'
import { parseCatalog } from '@/lib/catalog/catalog-file'
import { seedCatalogIfChanged } from '@/lib/catalog/seed'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'
import { STATUS_SERVER_URL } from './config'

// The test vendors' apiUrl (and a statusPageUrl given as a path) is a path on the status stand-in,
// whose port depends on E2E_PORT.
const raw = JSON.parse(fs.readFileSync('e2e/support/e2e-vendors.json', 'utf8')) as { apiUrl: string; statusPageUrl: string }[]
const onStandIn = (url: string) => (url.startsWith('/') ? `${STATUS_SERVER_URL}${url}` : url)
const withHost = raw.map((v) => ({ ...v, apiUrl: onStandIn(v.apiUrl), statusPageUrl: onStandIn(v.statusPageUrl) }))
const { rows, problems } = parseCatalog(JSON.stringify(withHost), 'json')
if (problems.length) throw new Error(`e2e-vendors.json: ${JSON.stringify(problems)}`)
await seedCatalogIfChanged()
await upsertCatalogRows(rows.map((r) => r.row))
await db.statusSource.updateMany({ where: { vendor: { slug: { notIn: rows.map((r) => r.row.slug) } } }, data: { enabled: false } })
await db.$disconnect()
