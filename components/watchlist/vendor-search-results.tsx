import Link from 'next/link'
import { SearchMatchNote, vendorResultHref } from '@/components/vendors/search-match'
import { VendorLogo } from '@/components/vendors/vendor-logo'
import type { VendorListItem } from '@/lib/data/vendors'
import { WatchButton } from './watch-button'

/** The dashboard's "add vendors" results: each vendor with its Watch button. */
export function VendorSearchResults({ vendors, total, totalCapped = false, q }: { vendors: VendorListItem[]; total: number; totalCapped?: boolean; q: string }) {
  if (vendors.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
        No vendors match “{q}”.
      </p>
    )
  }
  return (
    <div className="space-y-2">
      <ul aria-label="Search results" className="divide-y divide-slate-200 dark:divide-slate-800">
        {vendors.map((v) => (
          <li key={v.slug} className="flex items-center justify-between gap-3 py-2">
            <span className="flex min-w-0 items-start gap-2">
              <VendorLogo vendor={v} />
              <span className="min-w-0">
                <Link href={vendorResultHref(v)} className="block text-sm font-medium break-words hover:underline">
                  {v.name}
                </Link>
                <SearchMatchNote vendor={v} />
                {v.category && <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{v.category}</span>}
              </span>
            </span>
            <WatchButton vendor={v} />
          </li>
        ))}
      </ul>
      {total > vendors.length && (
        <Link href={`/vendors?${new URLSearchParams({ q })}`} className="block text-xs font-medium text-brand-600 hover:underline dark:text-brand-400">
          All {total.toLocaleString('en')}
          {totalCapped ? '+' : ''} matches in the directory →
        </Link>
      )}
    </div>
  )
}
