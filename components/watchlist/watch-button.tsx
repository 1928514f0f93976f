// The Watch / Unwatch button (./watch-button-client.tsx), given only what it reads. Everything a
// server component passes to a client component is serialized into the page (React's payload),
// and callers hand over whole vendor rows: the vendor page's carried every component, incident
// update and postmortem of the vendor, a second copy of the page in the HTML of every view.
import { type SourceLike, WatchButtonClient, type WatchButtonSize } from './watch-button-client'

export function WatchButton({
  vendor,
  size,
  align,
}: {
  /** With its source, a vendor we cannot read says so on the button ("Not monitored"). */
  vendor: { slug: string; name: string; source?: SourceLike }
  size?: WatchButtonSize
  align?: 'start' | 'end'
}) {
  const { slug, name, source } = vendor
  // `source` undefined means "not known here" (the button assumes monitored), null means none.
  const narrowed = source === undefined ? { slug, name } : { slug, name, source: source && { platform: source.platform, apiUrl: source.apiUrl } }
  return <WatchButtonClient vendor={narrowed} size={size} align={align} />
}
