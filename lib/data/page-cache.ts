// The public vendor and incident pages are cached and shared (see app/vendors/[slug]/page.tsx).
// When a refresh changes a vendor, its page and the pages of the incidents it wrote are dropped, so
// the next visit regenerates them.
import { revalidatePath } from 'next/cache'

export function dropCachedPages(paths: string[]): void {
  for (const path of new Set(paths)) {
    try {
      // A literal path (no type) matches the cached page rendered for exactly that URL.
      revalidatePath(path)
    } catch (e) {
      // Outside a Next.js request (integration tests, scripts) there is no page cache to drop.
      if (!/static generation store missing/.test((e as Error).message)) throw e
    }
  }
}
