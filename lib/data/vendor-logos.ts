// Vendors' logos (VendorLogo): which vendors still need one fetched, the outcome of a fetch, and the
// stored image for the logo route. One fetch per vendor: a stored logo is kept; a vendor whose page
// offered no usable icon keeps a row without bytes (and shows a monogram), and is asked again
// after a week.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'

export interface LogoTarget {
  vendorId: string
  statusPageUrl: string
}

/** A vendor whose page offered no usable icon is asked again after this long. */
export const LOGO_RETRY_MS = 7 * 24 * 60 * 60 * 1000

/** Polled vendors never tried (or tried without success over a week ago), most watched first. */
export async function listVendorsWithoutLogo(limit: number, now: Date): Promise<LogoTarget[]> {
  const retryBefore = new Date(now.getTime() - LOGO_RETRY_MS)
  const rows = await db.vendor.findMany({
    where: { source: { enabled: true }, OR: [{ logo: null }, { logo: { sha256: null, fetchedAt: { lt: retryBefore } } }] },
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
