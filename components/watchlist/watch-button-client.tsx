'use client'

// The Watch / Unwatch button for one vendor. It is rendered into cached public pages, so it learns
// who is reading (and whether they watch this vendor) in the browser, from /api/me; the header and
// every button on a page share that one request. Used through ./watch-button.tsx, which hands it
// only the fields it reads.
import { Suspense } from 'react'
import { useMe } from '@/components/account/use-me'
import { isMonitoredSource } from '@/lib/status/monitored'
import { SignedOutWatchLink, WatchPlaceholder, WatchToggle, type WatchButtonSize } from './watch-toggle'

export type SourceLike = Parameters<typeof isMonitoredSource>[0]
export type { WatchButtonSize }

/** `align`: where the button (and a refusal message under it) sits: row ends use 'end'. */
export function WatchButtonClient({
  vendor,
  size = 'sm',
  align = 'end',
}: {
  /** With its source, a vendor we cannot read says so on the button ("Not monitored"). */
  vendor: { slug: string; name: string; source?: SourceLike }
  size?: WatchButtonSize
  align?: 'start' | 'end'
}) {
  const me = useMe()
  const monitored = vendor.source === undefined || isMonitoredSource(vendor.source)
  if (!me) return <WatchPlaceholder name={vendor.name} size={size} monitored={monitored} />
  if (!me.user) {
    // useSearchParams needs a Suspense boundary; the fallback is the same button, inert.
    return (
      <Suspense fallback={<WatchPlaceholder name={vendor.name} size={size} monitored={monitored} />}>
        <SignedOutWatchLink slug={vendor.slug} name={vendor.name} size={size} monitored={monitored} />
      </Suspense>
    )
  }
  return <WatchToggle slug={vendor.slug} name={vendor.name} monitored={monitored} watched={me.watching.includes(vendor.slug)} size={size} align={align} />
}
