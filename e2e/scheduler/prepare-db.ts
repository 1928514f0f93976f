// The database of the default-configuration suite: the real seed catalog (~1,000 monitored
// vendors), every status page host renamed under .invalid (RFC 6761: never resolves), so the
// in-process scheduler's cycles fail on DNS the way a server without outbound network does,
// on any machine, without touching the internet.
import { seedCatalogIfChanged } from '@/lib/catalog/seed'
import { db } from '@/lib/db/client'

await seedCatalogIfChanged()
const host = String.raw`^(https?://[^/:?#]+)`
await db.$executeRawUnsafe(`UPDATE "StatusSource" SET "apiUrl" = regexp_replace("apiUrl", $1, '\\1.invalid') WHERE "apiUrl" IS NOT NULL`, host)
await db.$executeRawUnsafe(`UPDATE "Vendor" SET "statusPageUrl" = regexp_replace("statusPageUrl", $1, '\\1.invalid')`, host)
await db.$disconnect()
