// Writes the catalog's probes (prisma/seed/probes.csv, parsed by lib/catalog/probes.ts). The file
// is the whole truth: its probes are upserted by their natural key (vendor, url), and a probe no
// longer in it is deleted with its results, in one transaction.
import { db } from '@/lib/db/client'

export interface ProbeEntry {
  vendorSlug: string
  url: string
  upBelow: number
}

export interface ProbeWriteResult {
  written: number
  removed: number
  /** Slugs the file names that the catalog does not hold; their rows are skipped. */
  unknownVendors: string[]
}

export async function replaceCatalogProbes(entries: readonly ProbeEntry[]): Promise<ProbeWriteResult> {
  const slugs = [...new Set(entries.map((e) => e.vendorSlug))]
  const vendors = await db.vendor.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
  const idOf = new Map(vendors.map((v) => [v.slug, v.id]))
  const rows = entries.flatMap((e) => {
    const vendorId = idOf.get(e.vendorSlug)
    return vendorId ? [{ vendorId, url: e.url, upBelow: e.upBelow }] : []
  })
  const removed = await db.$transaction(async (tx) => {
    const existing = await tx.probe.findMany({ select: { id: true, vendorId: true, url: true } })
    const wanted = new Set(rows.map((r) => `${r.vendorId}\u0000${r.url}`))
    const gone = existing.filter((p) => !wanted.has(`${p.vendorId}\u0000${p.url}`)).map((p) => p.id)
    if (gone.length > 0) await tx.probe.deleteMany({ where: { id: { in: gone } } })
    for (const row of rows) {
      await tx.probe.upsert({ where: { vendorId_url: { vendorId: row.vendorId, url: row.url } }, create: row, update: { upBelow: row.upBelow } })
    }
    return gone.length
  })
  return { written: rows.length, removed, unknownVendors: slugs.filter((s) => !idOf.has(s)) }
}
