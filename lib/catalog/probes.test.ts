import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseProbes, SEED_PROBES_FILE } from './probes'

const catalogSlugs = new Set((JSON.parse(readFileSync('prisma/seed/vendors.json', 'utf8')) as { slug: string }[]).map((v) => v.slug))

describe('prisma/seed/probes.csv', () => {
  const { rows, problems } = parseProbes(readFileSync(SEED_PROBES_FILE, 'utf8'))

  it('reads cleanly: every row valid, none listed twice', () => {
    expect(problems).toEqual([])
    expect(rows.length).toBeGreaterThanOrEqual(50)
  })

  it('names only vendors the catalog holds (an unknown slug would be skipped silently at seed time)', () => {
    expect(rows.map((r) => r.vendor).filter((slug) => !catalogSlugs.has(slug))).toEqual([])
  })

  it('probes each vendor once: one failing URL must not count as two signals for the same vendor', () => {
    const vendors = rows.map((r) => r.vendor)
    expect(new Set(vendors).size).toBe(vendors.length)
  })
})

describe('parseProbes', () => {
  it('reports bad rows by line and keeps the good ones', () => {
    const csv = [
      'vendor,url,upBelow,note',
      'github,https://api.github.com/rate_limit,500,REST API',
      'github,http://api.github.com/,500,plain http',
      'Not A Slug,https://example.com/,500,bad slug',
      'stripe,https://api.stripe.com/v1,200,every answer would fail',
      'stripe,https://api.stripe.com/v1,500,',
      'github,https://api.github.com/rate_limit,500,twice',
    ].join('\n')
    const { rows, problems } = parseProbes(csv)
    expect(rows).toEqual([{ vendor: 'github', url: 'https://api.github.com/rate_limit', upBelow: 500, note: 'REST API' }])
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'url must be an https:// URL'],
      [4, 'vendor must be a catalog slug'],
      [5, 'upBelow must be above 200'],
      [6, 'note is required: what the URL is and what it answers'],
      [7, 'probe https://api.github.com/rate_limit of github is listed twice'],
    ])
  })
})
