// Seeds the vendor catalog when the database is new or prisma/seed/vendors.json changed.
//   npm run db:seed
import { seedCatalogIfChanged } from '@/lib/catalog/seed'
import { runCli } from '@/lib/cli/known-failure.mjs'
import { db } from '@/lib/db/client'

runCli('db:seed', async () => {
  try {
    const result = await seedCatalogIfChanged()
    console.log(
      result.seeded
        ? `[seed] vendor catalog: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`
        : '[seed] vendor catalog is up to date',
    )
  } finally {
    await db.$disconnect().catch(() => {})
  }
})
