// Writes catalog rows (vendors and their status sources), upserting by slug. Idempotent: a row
// that matches what is stored writes nothing, so re-importing the same file reports all unchanged.
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { Platform } from '@/lib/db/generated/enums'
import { deriveStatusApiUrl } from '@/lib/status/status-api-url'

/** One vendor to write: what a validated catalog row (lib/catalog/catalog-row.ts) carries. */
export interface CatalogEntry {
  slug: string
  name: string
  /** Absent: keep the stored category (a minimal file must not wipe curation). */
  category?: string
  statusPageUrl: string
  platform: Platform
  /** Absent: derived from the platform and the status page URL. */
  apiUrl?: string
}

export interface CatalogImportResult {
  created: number
  updated: number
  unchanged: number
}

export async function upsertCatalogRows(rows: CatalogEntry[]): Promise<CatalogImportResult> {
  const result: CatalogImportResult = { created: 0, updated: 0, unchanged: 0 }
  const existing = new Map(
    (
      await db.vendor.findMany({
        where: { slug: { in: rows.map((r) => r.slug) } },
        select: { id: true, slug: true, name: true, category: true, statusPageUrl: true, source: { select: { platform: true, apiUrl: true } } },
      })
    ).map((v) => [v.slug, v]),
  )

  const fresh = rows.filter((r) => !existing.has(r.slug))
  if (fresh.length) {
    await db.$transaction(async (tx) => {
      const vendors = await tx.vendor.createManyAndReturn({
        data: fresh.map((r) => ({ slug: r.slug, name: r.name, category: r.category ?? null, statusPageUrl: r.statusPageUrl })),
        select: { id: true, slug: true },
        skipDuplicates: true,
      })
      const bySlug = new Map(fresh.map((r) => [r.slug, r]))
      await tx.statusSource.createMany({
        data: vendors.map((v) => {
          const row = bySlug.get(v.slug) as CatalogEntry
          return { vendorId: v.id, platform: row.platform, apiUrl: apiUrlFor(row) }
        }),
      })
      result.created = vendors.length
      // A concurrent import created the rest first; they count as unchanged here.
      result.unchanged += fresh.length - vendors.length
      // Two bulk statements over the whole catalog: Prisma's 5 s default is too tight for a first
      // start on a busy machine, and a seed that times out leaves the app without vendors.
    }, { timeout: 120_000, maxWait: 30_000 })
  }

  for (const row of rows) {
    const stored = existing.get(row.slug)
    if (!stored) continue
    const apiUrl = apiUrlFor(row)
    // A row without a category leaves the stored one alone (minimal files must not wipe curation).
    const category = row.category ?? stored.category
    const vendorChanged = stored.name !== row.name || stored.category !== category || stored.statusPageUrl !== row.statusPageUrl
    const sourceChanged = stored.source?.platform !== row.platform || stored.source?.apiUrl !== apiUrl
    if (!vendorChanged && !sourceChanged) {
      result.unchanged++
      continue
    }
    await db.vendor.update({
      where: { id: stored.id },
      data: {
        name: row.name,
        category,
        statusPageUrl: row.statusPageUrl,
        ...(sourceChanged && {
          source: {
            // New platform or URL: old validators and discovered settings describe the old endpoint.
            upsert: {
              create: { platform: row.platform, apiUrl },
              update: { platform: row.platform, apiUrl, httpCache: Prisma.DbNull, settings: Prisma.DbNull, nextCheckAt: null, consecutiveFailures: 0 },
            },
          },
        }),
      },
    })
    result.updated++
  }
  return result
}

function apiUrlFor(row: CatalogEntry): string | null {
  return row.apiUrl ?? deriveStatusApiUrl(row.platform, row.statusPageUrl)
}
