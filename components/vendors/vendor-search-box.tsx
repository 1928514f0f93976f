'use client'

import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/input'
import type { CategoryCount } from '@/lib/data/vendors'

/**
 * The directory search. Results follow the typing (debounced), and the form still submits as a
 * plain GET without JavaScript, so every search has a shareable URL (/vendors?q=git).
 */
export function VendorSearchBox({ q, category, categories }: { q?: string; category?: string; categories: CategoryCount[] }) {
  const router = useRouter()
  const pathname = usePathname()
  const [query, setQuery] = useState(q ?? '')
  const [cat, setCat] = useState(category ?? '')
  const [pending, startTransition] = useTransition()
  const first = useRef(true)

  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => {
      const params = new URLSearchParams()
      if (query.trim()) params.set('q', query.trim())
      if (cat) params.set('category', cat)
      const search = params.toString()
      startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }))
    }, 250)
    return () => clearTimeout(timer)
  }, [query, cat, pathname, router])

  return (
    <form action="/vendors" method="get" role="search" className="flex flex-col gap-2 sm:flex-row" aria-busy={pending}>
      <label htmlFor="vendor-q" className="sr-only">
        Search vendors
      </label>
      <Input
        id="vendor-q"
        name="q"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search 1,000+ vendors, e.g. GitHub"
        autoComplete="off"
        className="sm:flex-1"
      />
      <label htmlFor="vendor-category" className="sr-only">
        Category
      </label>
      <Select id="vendor-category" name="category" value={cat} onChange={(e) => setCat(e.target.value)} className="sm:w-60">
        <option value="">All categories</option>
        {categories.map((c) => (
          <option key={c.category} value={c.category}>
            {c.category} ({c.count})
          </option>
        ))}
      </Select>
      <Button type="submit">Search</Button>
    </form>
  )
}
