import Link from 'next/link'
import { WatchButton } from '@/components/watchlist/watch-button'
import type { VendorListItem } from '@/lib/data/vendors'
import { SearchMatchNote, vendorResultHref } from './search-match'
import { VendorLogo } from './vendor-logo'
import { VendorStatus } from './vendor-status'

export function VendorList({ vendors }: { vendors: VendorListItem[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {vendors.map((v) => (
        <li key={v.slug} className="flex items-center gap-3 pr-4 hover:bg-slate-50 dark:hover:bg-slate-800/60">
          <Link href={vendorResultHref(v)} className="flex min-w-0 flex-1 flex-col items-start gap-1 py-3 pl-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
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
