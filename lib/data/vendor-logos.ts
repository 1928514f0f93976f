// Vendors' logos (VendorLogo): which vendors still need one fetched, the outcome of a fetch, and the
// stored image for the logo route. One attempt per vendor: a vendor whose page offered no usable
// icon keeps a row without bytes (and shows a monogram) until an operator deletes the row.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'

export interface LogoTarget {
  vendorId: string
  statusPageUrl: string
}

/** Polled vendors never tried, most watched first. */
export async function listVendorsWithoutLogo(limit: number): Promise<LogoTarget[]> {
  const rows = await db.vendor.findMany({
    where: { logo: null, source: { enabled: true } },
    orderBy: [{ watchers: { _count: 'desc' } }, { slug: 'asc' }],
    take: limit,
    select: { id: true, statusPageUrl: true },
  })
  return rows.map((r) => ({ vendorId: r.id, statusPageUrl: r.statusPageUrl }))
}

export type LogoOutcome = { ok: true; bytes: Buffer; contentType: string; sha256: string; sourceUrl: string } | { ok: false; reason: string }

export async function saveVendorLogo(vendorId: string, outcome: LogoOutcome, now: Date): Promise<void> {
  const data = outcome.ok
    ? { contentType: outcome.contentType, bytes: new Uint8Array(outcome.bytes), sha256: outcome.sha256, sourceUrl: outcome.sourceUrl, error: null, fetchedAt: now }
    : { contentType: null, bytes: null, sha256: null, sourceUrl: null, error: outcome.reason.slice(0, 500), fetchedAt: now }
  await db.vendorLogo.upsert({ where: { vendorId }, create: { vendorId, ...data }, update: data })
}

export async function findVendorLogo(slug: string): Promise<{ contentType: string; bytes: Uint8Array; sha256: string } | null> {
  if (!isSlug(slug)) return null
  const row = await db.vendorLogo.findFirst({ where: { vendor: { slug } }, select: { contentType: true, bytes: true, sha256: true } })
  return row?.bytes && row.contentType && row.sha256 ? { contentType: row.contentType, bytes: row.bytes, sha256: row.sha256 } : null
}
