// Writes the search aliases (VendorAlias) from the catalog's alias file: the file is the whole
// truth, so the stored set is replaced in one transaction (an alias removed from the file goes).
import { db } from '@/lib/db/client'
import { clearSearchCache } from './vendor-search'

export interface AliasEntry {
  /** Normalized: lower case, single spaces. */
  alias: string
  vendorSlug: string
  component: string | null
  source: string
}

export interface AliasWriteResult {
  written: number
  /** Slugs the file names that the catalog does not hold; their rows are skipped. */
  unknownVendors: string[]
}

export async function replaceVendorAliases(entries: AliasEntry[]): Promise<AliasWriteResult> {
  const slugs = [...new Set(entries.map((e) => e.vendorSlug))]
  const vendors = await db.vendor.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
  const idOf = new Map(vendors.map((v) => [v.slug, v.id]))
  const data = entries.flatMap((e) => {
    const vendorId = idOf.get(e.vendorSlug)
    return vendorId ? [{ vendorId, alias: e.alias, component: e.component, source: e.source }] : []
  })
  await db.$transaction([db.vendorAlias.deleteMany({}), db.vendorAlias.createMany({ data, skipDuplicates: true })])
  clearSearchCache()
  return { written: data.length, unknownVendors: slugs.filter((s) => !idOf.has(s)) }
}
