import Link from 'next/link'
import { WatchButton } from '@/components/watchlist/watch-button'
import type { VendorListItem } from '@/lib/data/vendors'
import { SearchMatchNote, vendorResultHref } from './search-match'
import { VendorLogo } from './vendor-logo'
import { VendorStatus } from './vendor-status'

// A row's layout is two class names (app/globals.css), not its utilities spelled out: the directory
// sends each row twice (the HTML and React's payload), and those strings were a fifth of a row.
export function VendorList({ vendors }: { vendors: VendorListItem[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {vendors.map((v) => (
        <li key={v.slug} className="vendor-row">
          <Link href={vendorResultHref(v)} className="vendor-row-link">
            <span className="flex min-w-0 items-start gap-3">
              <VendorLogo vendor={v} />
              <span className="min-w-0">
                <span className="block font-medium break-words" data-testid="vendor-name">
                  {v.name}
                </span>
                <SearchMatchNote vendor={v} />
                {v.category && <span className="block truncate text-sm text-slate-500 dark:text-slate-400">{v.category}</span>}
              </span>
            </span>
            <VendorStatus vendor={v} />
          </Link>
          <WatchButton vendor={v} />
        </li>
      ))}
    </ul>
  )
}
