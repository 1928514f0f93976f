// The public vendor and incident pages are cached and shared (see app/vendors/[slug]/page.tsx).
// When a refresh changes a vendor, its cached pages are dropped so the next visit regenerates them.
import { revalidatePath } from 'next/cache'

export function dropVendorPages(slugs: string[]): void {
  for (const slug of slugs) {
    try {
      // 'layout' drops the vendor page and every page below it (its incident pages).
      revalidatePath(`/vendors/${slug}`, 'layout')
    } catch (e) {
      // Outside a Next.js request (integration tests, scripts) there is no page cache to drop.
      if (!/static generation store missing/.test((e as Error).message)) throw e
    }
  }
}
