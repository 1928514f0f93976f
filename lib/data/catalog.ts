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
  /** Provenance of the platform label (the seed carries it; an import may not). */
  platformConfidence?: string
  platformEvidence?: string
  /** Only for a vendor created here: kept out of the public directory until reviewed. */
  pendingReview?: true
}

export interface UpsertOptions {
  /**
   * The seed passes true: a source whose platform detection verified (`verifiedAt`) keeps its
   * platform and API URL, because what the page served beats a list's label. An operator's
   * `catalog:import` passes false and overrides it.
   */
  keepVerified?: boolean
}

export interface CatalogImportResult {
  created: number
  updated: number
  unchanged: number
}

export async function upsertCatalogRows(rows: CatalogEntry[], options: UpsertOptions = {}): Promise<CatalogImportResult> {
  const result: CatalogImportResult = { created: 0, updated: 0, unchanged: 0 }
  const existing = new Map<string, StoredCatalogVendor>()
  for (const batch of batches(rows)) {
    for (const v of await db.vendor.findMany({ where: { slug: { in: batch.map((r) => r.slug) } }, select: STORED_SELECT })) existing.set(v.slug, v)
  }

  const fresh = rows.filter((r) => !existing.has(r.slug))
  if (fresh.length) {
    await db.$transaction(async (tx) => {
      for (const batch of batches(fresh)) {
        const vendors = await tx.vendor.createManyAndReturn({
          data: batch.map((r) => ({ slug: r.slug, name: r.name, category: r.category ?? null, statusPageUrl: r.statusPageUrl, pendingReview: r.pendingReview ?? false })),
          select: { id: true, slug: true },
          skipDuplicates: true,
        })
        const bySlug = new Map(batch.map((r) => [r.slug, r]))
        await tx.statusSource.createMany({
          data: vendors.map((v) => {
            const row = bySlug.get(v.slug) as CatalogEntry
            return { vendorId: v.id, platform: row.platform, apiUrl: apiUrlFor(row), platformConfidence: row.platformConfidence ?? null, platformEvidence: row.platformEvidence ?? null }
          }),
        })
        result.created += vendors.length
        // A concurrent import created the rest first; they count as unchanged here.
        result.unchanged += batch.length - vendors.length
      }
      // Bulk statements over the whole catalog: Prisma's 5 s default is too tight for a first
      // start on a busy machine, and a seed that times out leaves the app without vendors.
    }, { timeout: 120_000, maxWait: 30_000 })
  }

  for (const row of rows) {
    const stored = existing.get(row.slug)
    if (!stored) continue
    const keep = options.keepVerified && stored.source?.verifiedAt
    const platform = keep && stored.source ? stored.source.platform : row.platform
    const apiUrl = keep && stored.source ? stored.source.apiUrl : apiUrlFor(row)
    // A row without a category leaves the stored one alone (minimal files must not wipe curation).
    const category = row.category ?? stored.category
    const platformConfidence = row.platformConfidence ?? stored.source?.platformConfidence ?? null
    const platformEvidence = row.platformEvidence ?? stored.source?.platformEvidence ?? null
    const vendorChanged = stored.name !== row.name || stored.category !== category || stored.statusPageUrl !== row.statusPageUrl
    const sourceChanged = stored.source?.platform !== platform || stored.source?.apiUrl !== apiUrl
    const provenanceChanged = stored.source?.platformConfidence !== platformConfidence || stored.source?.platformEvidence !== platformEvidence
    if (!vendorChanged && !sourceChanged && !provenanceChanged) {
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
            // New platform or URL: old validators and discovered settings describe the old endpoint,
            // and a verification of the old one no longer holds.
            upsert: {
              create: { platform, apiUrl, platformConfidence, platformEvidence },
              update: {
                platform,
                apiUrl,
                platformConfidence,
                platformEvidence,
                verifiedAt: null,
                verifiedEvidence: null,
                httpCache: Prisma.DbNull,
                settings: Prisma.DbNull,
                nextCheckAt: null,
                consecutiveFailures: 0,
              },
            },
          },
        }),
        ...(!sourceChanged && provenanceChanged && stored.source && { source: { update: { platformConfidence, platformEvidence } } }),
      },
    })
    result.updated++
  }
  return result
}

const STORED_SELECT = {
  id: true,
  slug: true,
  name: true,
  category: true,
  statusPageUrl: true,
  source: { select: { platform: true, apiUrl: true, verifiedAt: true, platformConfidence: true, platformEvidence: true } },
} as const
type StoredCatalogVendor = Prisma.VendorGetPayload<{ select: typeof STORED_SELECT }>

/**
 * The catalog goes in 250 rows to a statement. Prisma's query compiler (Wasm) keeps the memory of
 * the largest statement it has built for the life of the process, and one statement of the whole
 * 2,856-vendor catalog took the first start's seed to 471 MB.
 */
const BATCH = 250
function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH)
}

function apiUrlFor(row: CatalogEntry): string | null {
  return row.apiUrl ?? deriveStatusApiUrl(row.platform, row.statusPageUrl)
}
