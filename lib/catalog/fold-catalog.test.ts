import { describe, expect, it } from 'vitest'
import type { CatalogRow } from './catalog-row'
import type { CleanReport } from './clean-catalog'
import { foldCatalog, type RawConflict, type RawNewVendor } from './fold-catalog'
import { findDuplicates, hostKey, pageKey } from './page-key'

const catalogRow = (slug: string, url: string, platform: CatalogRow['platform'] = 'statuspage'): CatalogRow => ({ name: slug, slug, statusPageUrl: url, platform })
const cleaned = (rows: CatalogRow[], extra: Partial<CleanReport> = {}): CleanReport => ({ rows, dropped: [], merged: [], ...extra })
const newVendor = (slug: string, url: string, over: Partial<RawNewVendor> = {}): RawNewVendor => ({
  name: slug,
  slug,
  status_page_url: url,
  platform: 'statuspage',
  category: '',
  api_url: '',
  source: 'statuscraft',
  platform_evidence: "statuscraft label 'statuspage'",
  platform_confidence: 'medium',
  notes: '',
  ...over,
})
const conflict = (over: Partial<RawConflict>): RawConflict => ({
  slug: 'x',
  name: 'X',
  catalog_status_page_url: '',
  catalog_platform: '',
  conflict: 'platform_differs',
  source_status_page_url: '',
  source_platform: 'statuspage',
  source_confidence: 'medium',
  evidence: 'e',
  sources: 's',
  note: '',
  ...over,
})
const fold = (rows: CatalogRow[], more: { newVendors?: RawNewVendor[]; conflicts?: RawConflict[]; extra?: Partial<CleanReport> } = {}) =>
  foldCatalog({ cleaned: cleaned(rows, more.extra), provenance: new Map(), newVendors: more.newVendors ?? [], conflicts: more.conflicts ?? [], fills: [] })

describe('findDuplicates (the build refuses a catalog with any)', () => {
  it('finds two vendors on one status page, whatever the case, www or trailing slash', () => {
    expect(findDuplicates([catalogRow('a', 'https://status.acme.example'), catalogRow('b', 'https://www.Status.acme.example/')])).toEqual([
      'host status.acme.example: a and b',
    ])
  })

  it('finds a slug used twice', () => {
    expect(findDuplicates([catalogRow('a', 'https://status.one.example'), catalogRow('a', 'https://status.two.example')])).toEqual(['slug a: 2 rows'])
  })

  it('lets regional pages on their own path stand', () => {
    expect(findDuplicates([catalogRow('miro', 'https://status.miro.com'), catalogRow('miro-eu', 'https://status.miro.com/eu')])).toEqual([])
  })
})

describe('hostKey', () => {
  it('is the host alone, except on shared hosts where the path names the page', () => {
    expect(hostKey('https://www.status.acme.example/en')).toBe('status.acme.example')
    expect(hostKey('http://stats.pingdom.com/xf7vwkfqygcb')).toBe('stats.pingdom.com/xf7vwkfqygcb')
    expect(pageKey('https://status.miro.com/EU/')).toBe('status.miro.com/eu')
  })
})

describe('foldCatalog', () => {
  it('adds new vendors with their provenance, unverified, and rejects one whose host is taken', () => {
    const { rows, applied } = fold([catalogRow('acme', 'https://status.acme.example')], {
      newVendors: [
        newVendor('fresh', 'status.fresh.example https://status.fresh.example', { category: 'AI' }),
        newVendor('acme-2', 'https://www.status.acme.example/other'),
      ],
    })
    expect(rows.find((r) => r.slug === 'fresh')).toEqual({
      name: 'fresh',
      slug: 'fresh',
      statusPageUrl: 'https://status.fresh.example',
      platform: 'statuspage',
      category: 'AI & machine learning',
      sources: 'statuscraft',
      platformEvidence: "statuscraft label 'statuspage'",
      platformConfidence: 'medium',
      unverified: true,
    })
    expect(applied.rejected).toEqual(["acme-2: host status.acme.example is already acme's"])
  })

  it('holds back bare *.statuspage.io pages of unconfirmed identity and rows resting on the 2016 list', () => {
    const { rows } = fold([], {
      newVendors: [
        newVendor('bare', 'https://bare.statuspage.io', { notes: 'vendor identity unconfirmed: bare *.statuspage.io page' }),
        newVendor('old', 'https://status.old.example', { notes: 'only source is a 2016 snapshot; page may be gone' }),
        newVendor('fine', 'https://status.fine.example'),
      ],
    })
    expect(rows.map((r) => [r.slug, r.pendingReview ?? false])).toEqual([
      ['bare', true],
      ['fine', false],
      ['old', true],
    ])
  })

  it('lets only high-confidence evidence replace a catalog platform, and marks both outcomes unverified', () => {
    const { rows, applied } = fold([catalogRow('tailscale', 'https://status.tailscale.com'), catalogRow('docker', 'https://www.dockerstatus.com')], {
      conflicts: [
        conflict({ slug: 'tailscale', source_platform: 'incidentio', source_confidence: 'high' }),
        conflict({ slug: 'docker', source_platform: 'statusio', source_confidence: 'medium' }),
      ],
    })
    expect(rows.find((r) => r.slug === 'tailscale')).toMatchObject({ platform: 'incidentio', unverified: true })
    expect(rows.find((r) => r.slug === 'docker')).toMatchObject({ platform: 'statuspage', unverified: true })
    expect(applied.platformReplaced).toHaveLength(1)
    expect(applied.platformKept).toHaveLength(1)
  })

  it('replaces a dropped aggregator row with the source page and keeps the catalog page on a name-only match', () => {
    const { rows } = fold([catalogRow('apollo', 'https://status.apollographql.com')], {
      extra: { dropped: [{ slug: 'akamai', reason: "third-party aggregator, not the vendor's page: cloudharmony.com" }] },
      conflicts: [
        conflict({ slug: 'akamai', name: 'Akamai', conflict: 'status_url_differs', source_status_page_url: 'https://status.akamai.com' }),
        conflict({ slug: 'apollo', conflict: 'status_url_differs', source_status_page_url: 'https://status.apollo.io' }),
      ],
    })
    expect(rows.map((r) => [r.slug, r.statusPageUrl])).toEqual([
      ['akamai', 'https://status.akamai.com'],
      ['apollo', 'https://status.apollographql.com'],
    ])
  })

  it('links a *.statuspage.io alias to the vendor domain while reading where the catalog read', () => {
    const { rows } = fold([catalogRow('braze', 'https://braze.statuspage.io')], {
      conflicts: [conflict({ slug: 'braze', conflict: 'status_url_alias', source_status_page_url: 'https://status.braze.com' })],
    })
    expect(rows[0]).toMatchObject({ statusPageUrl: 'https://status.braze.com', apiUrl: 'https://braze.statuspage.io/api/v2/summary.json' })
  })
})
