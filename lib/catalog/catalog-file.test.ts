import { describe, expect, it } from 'vitest'
import { detectCatalogFormat, parseCatalog } from './catalog-file'

const CSV = `name,slug,status_page_url,platform,category,api_url
GitHub,github,https://www.githubstatus.com,statuspage,Developer tools
"Acme, Inc",acme,https://status.acme.example,rss,
,no-name,https://status.x.example,statuspage,
Bad Slug,Bad Slug,https://status.y.example,statuspage,
Bad Url,bad-url,ftp://status.z.example,statuspage,
Pager,pager,https://status.pager.example,pagerduty,
Again,github,https://status.again.example,statuspage,
Feed,feed,https://status.feed.example,rss,,https://status.feed.example/history.atom
`

describe('parseCatalog (CSV)', () => {
  const { rows, problems } = parseCatalog(CSV, 'csv')

  it('keeps the good rows with their line numbers', () => {
    expect(rows.map((r) => [r.line, r.row.slug])).toEqual([
      [2, 'github'],
      [9, 'feed'],
    ])
    expect(rows[0]?.row).toEqual({
      name: 'GitHub',
      slug: 'github',
      statusPageUrl: 'https://www.githubstatus.com',
      platform: 'statuspage',
      category: 'Developer tools',
    })
    expect(rows[1]?.row.apiUrl).toBe('https://status.feed.example/history.atom')
  })

  it('reports every bad row by line with the reason', () => {
    expect(problems).toEqual([
      { line: 3, message: 'apiUrl (the feed URL) is required for platform rss' },
      { line: 4, message: 'name is required' },
      { line: 5, message: expect.stringContaining('slug must be lowercase') },
      { line: 6, message: 'statusPageUrl must be an absolute http(s) URL' },
      { line: 7, message: expect.stringContaining('unknown platform "pagerduty"') },
      { line: 8, message: 'slug "github" already used on line 2' },
    ])
  })

  it('reports a structurally broken CSV with the line of the break', () => {
    const broken = parseCatalog('name,slug,statusPageUrl,platform\n"Unclosed,quote,https://x.example,statuspage\n', 'csv')
    expect(broken.rows).toEqual([])
    expect(broken.problems[0]?.message).toMatch(/not valid CSV/)
  })

  it('accepts a byte order mark and camelCase headers', () => {
    const { rows: r } = parseCatalog('\uFEFFname,slug,statusPageUrl,platform\nX,x,https://status.x.example,unknown\n', 'csv')
    expect(r).toHaveLength(1)
  })
})

describe('parseCatalog (JSON)', () => {
  it('reports problems at the line where each array element starts', () => {
    const json = `[
  {"name": "GitHub", "slug": "github", "statusPageUrl": "https://www.githubstatus.com", "platform": "statuspage"},
  {
    "name": "Broken", "slug": "broken",
    "statusPageUrl": "https://status.broken.example",
    "platform": 42
  },
  {"name": "Fine", "slug": "fine", "statusPageUrl": "https://status.fine.example", "platform": "instatus", "category": "Email"}
]`
    const { rows, problems } = parseCatalog(json, 'json')
    expect(rows.map((r) => [r.line, r.row.slug])).toEqual([
      [2, 'github'],
      [8, 'fine'],
    ])
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('unknown platform 42') }])
  })

  it('rejects truncated JSON and non-arrays without importing anything', () => {
    expect(parseCatalog('[{"name": "x",\n "slug": ', 'json')).toEqual({ rows: [], problems: [{ line: 2, message: expect.stringMatching(/not valid JSON/) }] })
    expect(parseCatalog('{"name": "x"}', 'json').problems[0]?.message).toMatch(/must be an array/)
  })
})

describe('detectCatalogFormat', () => {
  it('goes by extension, then by content', () => {
    expect(detectCatalogFormat('a.json', '')).toBe('json')
    expect(detectCatalogFormat('a.csv', '[')).toBe('csv')
    expect(detectCatalogFormat('catalog', '  [{}]')).toBe('json')
    expect(detectCatalogFormat('catalog', 'name,slug')).toBe('csv')
  })
})
