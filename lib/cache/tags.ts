// Names of the tags under which public data is kept in Next's data cache, shared by whoever keeps
// data under them (lib/pages/*-cache.ts) and whoever drops them (app/vendors/[slug]/cached-pages.ts,
// after a refresh changed a vendor).

/** Everything kept about one vendor: dropped when a refresh changes that vendor. */
export function vendorCacheTag(slug: string): string {
  return `vendor:${slug}`
}
