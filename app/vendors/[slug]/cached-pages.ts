// The public vendor and incident pages are cached and shared (see ./page.tsx), and so is the
// directory. When a refresh changes a vendor, its page, the pages of the incidents it wrote and the
// directory's pages are dropped, so the next visit regenerates them. The refresh reports vendors and incidents; which URLs show them is known here,
// beside the pages, and nowhere in lib/.
//
// Paths for the pages: they read the database directly (no fetch), so the only cache tags they
// carry are Next's implicit per-path ones, which is what revalidatePath drops. Tags for data kept
// in Next's data cache: each changed vendor's (lib/cache/tags.ts; the stack pages keep each
// vendor's content under it) and the home page's "down right now".
import { revalidatePath, revalidateTag } from 'next/cache'
import { vendorCacheTag } from '@/lib/cache/tags'
import type { ChangedVendor } from '@/lib/jobs/scheduled-work'

/**
 * The home page's "down right now" data (app/(marketing)/page.tsx keeps it in Next's data cache
 * under this tag): any changed vendor may join or leave that list, so every change drops it.
 */
export const DOWN_NOW_TAG = 'down-now'

/** The route of the cached directory pages (/vendors?…, rewritten by proxy.ts), all views at once. */
export const DIRECTORY_VIEWS = '/directory-view/[view]'

/** The cached pages that show a changed vendor: its page and one page per incident written. */
export function changedVendorPages(changes: readonly ChangedVendor[]): string[] {
  return changes.flatMap(({ vendorSlug, incidentIds }) => {
    const base = `/vendors/${vendorSlug}`
    return [base, ...incidentIds.map((id) => `${base}/incidents/${id}`)]
  })
}

/** The data-cache tags of the changed vendors (the stack pages' per-vendor content), one per vendor. */
export function changedVendorTags(changes: readonly ChangedVendor[]): string[] {
  return [...new Set(changes.map((c) => vendorCacheTag(c.vendorSlug)))]
}

export function dropChangedVendorPages(changes: readonly ChangedVendor[]): void {
  // A literal path (no type) matches the cached page rendered for exactly that URL.
  for (const path of new Set(changedVendorPages(changes))) outsideNextIsNothingToDrop(() => revalidatePath(path))
  // Expired at once (not stale-while-revalidate): the next visitor sees the change.
  for (const tag of changedVendorTags(changes)) outsideNextIsNothingToDrop(() => revalidateTag(tag, { expire: 0 }))
  if (changes.length > 0) {
    outsideNextIsNothingToDrop(() => revalidateTag(DOWN_NOW_TAG, { expire: 0 }))
    // Every cached directory view (app/directory-view/[view]): any of them may list the vendor.
    outsideNextIsNothingToDrop(() => revalidatePath(DIRECTORY_VIEWS, 'page'))
  }
}

function outsideNextIsNothingToDrop(drop: () => void): void {
  try {
    drop()
  } catch (e) {
    // Outside a Next.js request (integration tests, scripts) there is no page cache to drop.
    // Next says so only in its message ("Invariant: static generation store missing").
    if (!/static generation store missing/.test((e as Error).message)) throw e
  }
}
