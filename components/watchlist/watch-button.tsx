// The Watch / Unwatch button for one vendor, usable in any server component. It finds the
// signed-in user and their watchlist itself; both lookups happen once per request however many
// buttons a page shows (React cache).
import { cache, Suspense } from 'react'
import { getOptionalUser } from '@/lib/auth/session'
import { listWatchedSlugs } from '@/lib/data/watchlist'
import { SignedOutWatchLink, WatchToggle, type WatchButtonSize } from './watch-toggle'

const watchedSlugs = cache(async (userId: string) => new Set(await listWatchedSlugs(userId)))

/** `align`: where the button (and a refusal message under it) sits: row ends use 'end'. */
export async function WatchButton({ vendor, size = 'sm', align = 'end' }: { vendor: { slug: string; name: string }; size?: WatchButtonSize; align?: 'start' | 'end' }) {
  const user = await getOptionalUser()
  if (!user) {
    // useSearchParams needs a Suspense boundary; the fallback is the same link without the way back.
    return (
      <Suspense>
        <SignedOutWatchLink slug={vendor.slug} name={vendor.name} size={size} />
      </Suspense>
    )
  }
  const watched = (await watchedSlugs(user.id)).has(vendor.slug)
  return <WatchToggle slug={vendor.slug} name={vendor.name} watched={watched} size={size} align={align} />
}
