// The database computes every vendor's page key itself (trigger, migration
// 20261207116000_vendor_page_key) and keeps it unique; pageKey() here is what the catalog build and
// "watch any status page" compare. The two must agree, or a page the catalog has would not be
// recognised when pasted, or two rows the build accepts would be refused by the database.
import fs from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/data/prisma-errors'
import { resetDatabase } from '@/lib/testing/reset-database'
import { pageKey } from './page-key'
import { SEED_CATALOG_FILE } from './seed'

const sqlKeys = async (urls: string[]) =>
  (await db.$queryRaw<{ key: string }[]>`SELECT vendor_page_key(u) AS key FROM unnest(${urls}::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n`).map((r) => r.key)

beforeEach(() => resetDatabase())

describe('vendor_page_key (SQL) and pageKey (TypeScript)', () => {
  it('agree on every catalog address and on the ways one address is written', async () => {
    const catalog = (JSON.parse(fs.readFileSync(SEED_CATALOG_FILE, 'utf8')) as { statusPageUrl: string }[]).map((v) => v.statusPageUrl)
    const variants = [
      'https://status.example.com',
      'https://status.example.com/',
      'HTTPS://Status.Example.COM//',
      'https://www.status.example.com/',
      'http://status.example.com:80/',
      'https://status.example.com:443',
      'https://status.example.com:8443/x',
      'https://status.example.com/EU-Hosting/?page=2#top',
      'https://user:secret@status.example.com/eu',
      'https://status.example.com/pages/123abc',
    ]
    const urls = [...catalog, ...variants]
    expect(await sqlKeys(urls)).toEqual(urls.map(pageKey))
  })
})

describe('the unique page key', () => {
  it('is set on insert and on a change of address, and refuses a second vendor on the same page', async () => {
    const acme = await db.vendor.create({ data: { slug: 'acme', name: 'Acme', statusPageUrl: 'https://www.Status.Acme.example/' } })
    expect(acme.pageKey).toBe('status.acme.example')
    const moved = await db.vendor.update({ where: { id: acme.id }, data: { statusPageUrl: 'https://status.acme.example/eu' } })
    expect(moved.pageKey).toBe('status.acme.example/eu')
    // Other writes (the refresh's status updates) leave it alone.
    expect((await db.vendor.update({ where: { id: acme.id }, data: { status: 'operational' } })).pageKey).toBe('status.acme.example/eu')

    const duplicate = db.vendor.create({ data: { slug: 'acme-2', name: 'Acme again', statusPageUrl: 'http://STATUS.acme.example/eu/' } })
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation)
    await db.vendor.create({ data: { slug: 'acme-us', name: 'Acme US', statusPageUrl: 'https://status.acme.example/us' } })
    expect(await db.vendor.count()).toBe(2)
  })
})
