import { beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from './catalog'
import { listCategories, searchVendors } from './vendors'

const vendor = (name: string, slug: string, category?: string) => ({
  name,
  slug,
  category,
  statusPageUrl: `https://status.${slug}.example`,
  platform: 'statuspage' as const,
})

beforeAll(async () => {
  await upsertCatalogRows([
    vendor('Digital Pacific', 'digital-pacific', 'Cloud & hosting'),
    vendor('GitLab', 'gitlab', 'Developer tools'),
    vendor('GitHub', 'github', 'Developer tools'),
    vendor('Legit Payments', 'legit-payments', 'Payments & finance'),
    vendor('Stripe', 'stripe', 'Payments & finance'),
    ...Array.from({ length: 7 }, (_, i) => vendor(`Zeta ${i}`, `zeta-${i}`)),
  ])
})

const query = (q: Partial<Parameters<typeof searchVendors>[0]>) => searchVendors({ limit: 50, ...q })

describe('searchVendors', () => {
  it('matches case-insensitively and ranks name prefixes before matches inside words', async () => {
    const page = await query({ q: 'GIT' })
    // Equal matches (inside a word): no watchers either, so the shorter name first.
    expect(page.vendors.map((v) => v.slug)).toEqual(['github', 'gitlab', 'legit-payments', 'digital-pacific'])
    expect(page.total).toBe(4)
  })

  it('filters by category, case-insensitively', async () => {
    const page = await query({ category: 'payments & FINANCE' })
    expect(page.vendors.map((v) => v.slug)).toEqual(['legit-payments', 'stripe'])
  })

  it('pages through the directory with a cursor and reports the total', async () => {
    const first = await query({ limit: 5 })
    expect(first.total).toBe(12)
    expect(first.nextCursor).toBe(first.vendors.at(-1)?.slug)
    const second = await query({ limit: 5, cursor: first.nextCursor ?? undefined })
    const third = await query({ limit: 5, cursor: second.nextCursor ?? undefined })
    const all = [...first.vendors, ...second.vendors, ...third.vendors].map((v) => v.slug)
    expect(new Set(all).size).toBe(12)
    expect(third.nextCursor).toBeNull()
  })

  it('pages through ranked search results too', async () => {
    const first = await query({ q: 'git', limit: 2 })
    const second = await query({ q: 'git', limit: 2, cursor: first.nextCursor ?? undefined })
    expect([...first.vendors, ...second.vendors].map((v) => v.slug)).toEqual(['github', 'gitlab', 'legit-payments', 'digital-pacific'])
    expect(second.nextCursor).toBeNull()
  })
})

describe('listCategories', () => {
  it('lists the categories in use with counts', async () => {
    expect(await listCategories()).toEqual([
      { category: 'Cloud & hosting', count: 1 },
      { category: 'Developer tools', count: 2 },
      { category: 'Payments & finance', count: 2 },
    ])
  })
})
