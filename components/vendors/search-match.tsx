import type { VendorListItem } from '@/lib/data/vendors'

/** Where a search result leads: the component the query named, else the vendor's page. */
export function vendorResultHref(v: Pick<VendorListItem, 'slug' | 'match'>): string {
  return v.match?.component ? `/vendors/${v.slug}#component-${v.match.component.id}` : `/vendors/${v.slug}`
}

/** One line under a search result saying why it matched, when its name alone does not show it. */
export function SearchMatchNote({ vendor }: { vendor: Pick<VendorListItem, 'match'> }) {
  const match = vendor.match
  if (!match) return null
  const text = match.component
    ? `Component: ${match.component.name}`
    : match.kind === 'alias' && match.alias
      ? `Also known as “${match.alias}”`
      : match.kind === 'typo'
        ? 'Similar spelling'
        : null
  if (!text) return null
  return (
    <span className="block text-sm text-brand-700 dark:text-brand-300" data-testid="search-match">
      {text}
    </span>
  )
}
