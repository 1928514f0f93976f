// The stack page's vendor content kept in Next's data cache under each vendor's tag (dropped at
// once when a refresh changes that vendor), recomputed at least once a minute (a failing or quiet
// vendor is not a change, but its freshness still moves). The public page (/stacks/{name}) is itself
// cached (ISR) and inherits these tags, so the same drop reaches it; the private link's page
// (/s/{token}) is rendered per request and reads them from here.
//
// Kept per set of vendors, at most CHUNK to an entry: one lookup (and on a miss one query) for a
// 50-vendor stack, where one entry per vendor cost 50 lookups per view and, on a cold cache, 50
// queries per view (20 clients at once sent 1,000). Next allows 128 tags per entry, so a stack of
// up to 200 vendors (the Pro limit) takes two or more entries. The content is the vendors' public
// status, the same for every owner: nothing of the owner's is in it, so nothing crosses from one
// owner to another. What is the owner's (which vendors, which components) is read on every render
// (lib/pages/stack-page.ts), never kept here.
import { unstable_cache } from 'next/cache'
import { findStackVendors, type StackVendorContent } from '@/lib/data/stack-pages'
import { vendorCacheTag } from '@/lib/cache/tags'

const REVALIDATE_S = 60
/** Vendors per cache entry: one tag each, below Next's limit of 128 tags per entry. */
export const CHUNK = 100

/** The fields of StackVendorContent that are Dates: the cache keeps JSON, so they come back as strings. */
const DATE_FIELDS = new Set(['lastCheckedAt', 'lastSuccessAt', 'startedAt', 'resolvedAt', 'updatedAt', 'publishedAt', 'scheduledFor', 'scheduledUntil'])

export function serializeStackVendors(vendors: StackVendorContent[]): string {
  return JSON.stringify(vendors)
}

export function parseStackVendors(json: string): StackVendorContent[] {
  return JSON.parse(json, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as StackVendorContent[]
}

/** The slugs in cache entries: sorted and without repeats, so the same set is the same key whatever the order. */
export function stackChunks(slugs: readonly string[], size = CHUNK): string[][] {
  const sorted = [...new Set(slugs)].sort()
  const chunks: string[][] = []
  for (let i = 0; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size))
  return chunks
}

/**
 * Kept as a JSON string, so a cache miss (which hands back the function's own result) and a hit
 * (which hands back what was stored) look the same, and the Dates are revived in one place.
 */
function cachedChunk(slugs: string[]): Promise<string> {
  return unstable_cache(async (chunk: string[]) => serializeStackVendors(await findStackVendors(chunk, new Date())), ['stack-vendors'], {
    revalidate: REVALIDATE_S,
    tags: slugs.map(vendorCacheTag),
  })(slugs)
}

/** The vendors at `slugs` from the cache (read on a miss), in no particular order; unknown slugs are left out. */
export async function cachedStackVendors(slugs: readonly string[]): Promise<StackVendorContent[]> {
  const chunks = await Promise.all(stackChunks(slugs).map(async (chunk) => parseStackVendors(await cachedChunk(chunk))))
  return chunks.flat()
}
