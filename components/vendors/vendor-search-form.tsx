import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

/**
 * The landing page's search: a plain GET form to the directory (works without JavaScript), where
 * the directory's own search box (vendor-search-box.tsx) takes over with search as you type.
 */
export function VendorSearchForm() {
  return (
    <form action="/vendors" method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="vendor-q" className="sr-only">
        Search vendors
      </label>
      <Input id="vendor-q" name="q" type="search" placeholder="Search 1,000+ vendors, e.g. GitHub" autoComplete="off" className="sm:flex-1" />
      <Button type="submit">Search</Button>
    </form>
  )
}
