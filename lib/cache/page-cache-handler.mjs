// Next.js's own file-system page cache, except that it never stores a page that answered 404.
//
// The vendor and incident pages are ISR (revalidate = 60, rendered on first request), and Next.js
// writes every render of them into .next/server/app, the notFound() ones included: each unknown
// slug or incident id a stranger (or a crawler) asks for became its own cached 404, kept for a year
// under .next/server/route-cache (400 requests wrote 2,800 files, 13 MB). A 404 here is one indexed lookup to render again, so it
// is simply not kept; real pages are cached exactly as before.
//
// Loaded by Next.js at run time from next.config.js (`cacheHandler`), outside the bundle, so it is
// plain JavaScript. It extends an internal class of the pinned Next.js version: the e2e spec
// e2e/page-cache.spec.ts fails if an upgrade changes what it relies on.
import fsCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

// Node's own import sees the CommonJS exports object; Next.js's bundler (which also compiles this
// file into the proxy's bundle) hands over its default export directly.
const FileSystemCache = fsCache.default ?? fsCache

/**
 * A page that answered 404 for its URL. Next.js's own not-found page (prerendered at build time)
 * stays cached. Keys look like `/route-cache/APP_PAGE/<build hash>/$/vendors/<slug>`.
 */
export function isUnknownPage(key, data) {
  return data?.kind === 'APP_PAGE' && data.status === 404 && !/\/(_not-found|404)$/.test(key)
}

/**
 * A public stack page (/stacks/{name}). Unlike a vendor, its page can turn into a 404: taken down,
 * renamed, its owner deleted.
 */
export function isStackPage(key) {
  return /\/\$\/stacks\/[^/]+$/.test(key)
}

/**
 * A directory page other than the unfiltered first one (/directory-view/all): a search, a
 * category, a later page. Anyone can ask for any number of them (every query is a URL), so they
 * are kept only in Next.js's memory cache, whose size Next.js bounds (least recently used dropped),
 * never written to disk.
 */
export function isMemoryOnlyPage(key) {
  return /\/directory-view\/(?!all$)/.test(key)
}

export default class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    // Vendors and incidents are never deleted, so no real page of theirs can turn into a 404 that
    // this would leave a stale copy of. A stack page can (lib/pages/stack-page-drops.ts): its 404
    // then replaces the copy it had, or that copy would come back. revalidatePath's expiry lives only
    // in this process's memory (Next.js's tags manifest), so after a restart the old page, taken
    // down for privacy, would be served again as a merely stale copy. Only names that had a copy are
    // written, so strangers' guesses still write nothing.
    if (isUnknownPage(key, data) && !(isStackPage(key) && this.hasCopy(key))) return
    if (isMemoryOnlyPage(key)) {
      // FileSystemCache.set stores into memory, then writes the files only when flushToDisk is
      // set, which it reads before its first await: switched off for exactly this call.
      const flushToDisk = this.flushToDisk
      this.flushToDisk = false
      try {
        return super.set(key, data, ctx)
      } finally {
        this.flushToDisk = flushToDisk
      }
    }
    return super.set(key, data, ctx)
  }

  /** Whether a page is kept for `key`, in memory or on disk (where FileSystemCache writes `{key}.html`). */
  hasCopy(key) {
    return Boolean(FileSystemCache.memoryCache?.has(key)) || this.fs.existsSync(this.getFilePath(`${key}.html`, 'APP_PAGE'))
  }
}
