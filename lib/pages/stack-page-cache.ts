// The stack page's vendor content kept in Next's data cache, one entry per vendor under that
// vendor's tag (dropped at once when a refresh changes it) and recomputed at least once a minute
// (a failing or quiet vendor is not a change, but its freshness still moves).
//
// One entry per vendor, not per stack: the content is the same for every owner (nothing of the
// owner's is in it, so nothing crosses from one owner to another), shared by every stack that
// watches the vendor, and a stack of up to 200 vendors would exceed Next's 128 tags per entry.
// What is the owner's (which vendors, which components) is read per request (lib/pages/stack-page.ts).
import { unstable_cache } from 'next/cache'
import { findStackVendors, type StackVendorContent } from '@/lib/data/stack-pages'
import { vendorCacheTag } from '@/lib/cache/tags'

const REVALIDATE_S = 60

/** The fields of StackVendorContent that are Dates: the cache keeps JSON, so they come back as strings. */
const DATE_FIELDS = new Set(['lastCheckedAt', 'lastSuccessAt', 'startedAt', 'resolvedAt', 'updatedAt', 'publishedAt', 'scheduledFor', 'scheduledUntil'])

export function serializeStackVendor(vendor: StackVendorContent | null): string {
  return JSON.stringify(vendor)
}

export function parseStackVendor(json: string): StackVendorContent | null {
  return JSON.parse(json, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as StackVendorContent | null
}

/**
 * Kept as a JSON string, so a cache miss (which hands back the function's own result) and a hit
 * (which hands back what was stored) look the same, and the Dates are revived in one place.
 */
function cachedVendor(slug: string): Promise<string> {
  return unstable_cache(
    async (s: string) => serializeStackVendor((await findStackVendors([s], new Date()))[0] ?? null),
    ['stack-vendor'],
    { revalidate: REVALIDATE_S, tags: [vendorCacheTag(slug)] },
  )(slug)
}

/** The vendors at `slugs` from the cache (each read on a miss); unknown slugs are left out. */
export async function cachedStackVendors(slugs: readonly string[]): Promise<StackVendorContent[]> {
  const found = await Promise.all(slugs.map(async (slug) => parseStackVendor(await cachedVendor(slug))))
  return found.filter((v) => v !== null)
}
