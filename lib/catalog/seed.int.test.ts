import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { seedCatalogIfChanged } from './seed'

describe('seedCatalogIfChanged', () => {
  it('seeds a new database with the whole catalog, then does nothing while the file is unchanged', async () => {
    const first = await seedCatalogIfChanged()
    expect(first.seeded).toBe(true)
    expect(await db.vendor.count()).toBeGreaterThanOrEqual(1000)
    expect(await db.statusSource.count()).toBe(await db.vendor.count())
    expect(await seedCatalogIfChanged()).toEqual({ seeded: false })
    const github = await db.vendor.findUniqueOrThrow({ where: { slug: 'github' }, include: { source: true } })
    expect(github.source).toMatchObject({ platform: 'statuspage', apiUrl: 'https://www.githubstatus.com/api/v2/summary.json' })
    // The search aliases of prisma/seed/aliases.csv are written with it.
    const aws = await db.vendorAlias.findFirstOrThrow({ where: { alias: 'aws' }, include: { vendor: true } })
    expect(aws.vendor.slug).toBe('amazon-web-services')
    expect(aws.source).toMatch(/aws\.amazon\.com/)
  })
})
