import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/input'
import type { CategoryCount } from '@/lib/data/vendors'

/** A plain GET form: works without JavaScript and gives shareable URLs (/vendors?q=git). */
export function VendorSearchForm({ q, category, categories }: { q?: string; category?: string; categories?: CategoryCount[] }) {
  return (
    <form action="/vendors" method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="vendor-q" className="sr-only">
        Search vendors
      </label>
      <Input id="vendor-q" name="q" type="search" defaultValue={q} placeholder="Search 1,000+ vendors, e.g. GitHub" autoComplete="off" className="sm:flex-1" />
      {categories && categories.length > 0 && (
        <>
          <label htmlFor="vendor-category" className="sr-only">
            Category
          </label>
          <Select id="vendor-category" name="category" defaultValue={category ?? ''} className="sm:w-56">
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {c.category} ({c.count})
              </option>
            ))}
          </Select>
        </>
      )}
      <Button type="submit">Search</Button>
    </form>
  )
}
