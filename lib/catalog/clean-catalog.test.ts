import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATEGORIES } from './categories'
import { catalogRowSchema } from './catalog-row'
import { fileURLToPath } from 'node:url'
import { buildCatalog } from './build-catalog'
import { cleanCatalog, type RawCatalogRow, type RawProvenance } from './clean-catalog'
import { findDuplicates } from './page-key'

const row = (slug: string, name: string, url: string, platform = '', category = ''): RawCatalogRow => ({ slug, name, status_page_url: url, platform, category })
const prov = (entries: Record<string, Partial<RawProvenance>>) =>
  new Map(Object.entries(entries).map(([slug, p]) => [slug, { probe_label_2026_09: '', feed_url: '', ...p }]))

describe('cleanCatalog', () => {
  it('merges two rows of one vendor into one, keeping the plain slug and the official domain', () => {
    const { rows, merged } = cleanCatalog(
      [row('1password', '1Password', 'https://1password.statuspage.io', 'statuspage'), row('1password-2', '1Password', 'https://status.1password.com', 'statuspage')],
      new Map(),
      new Map(),
    )
    expect(rows).toEqual([{ name: '1Password', slug: '1password', statusPageUrl: 'https://status.1password.com', platform: 'statuspage' }])
    expect(merged).toEqual([{ kept: '1password', absorbed: ['1password-2'] }])
  })

  it('merges rows whose pages are the same after a known redirect', () => {
    const { rows } = cleanCatalog(
      [row('github', 'GitHub', 'https://status.github.com', 'statuspage'), row('github-status-api', 'GitHub Status API', 'https://www.githubstatus.com', 'statuspage')],
      new Map(),
      new Map(),
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ slug: 'github', statusPageUrl: 'https://www.githubstatus.com' })
  })

  it('drops aggregator pages and unreachable rows nobody else vouches for, with reasons', () => {
    const { rows, dropped } = cleanCatalog(
      [row('akamai', 'Akamai', 'https://cloudharmony.com/status-for-akamai'), row('gone', 'Gone', 'https://status.gone.example'), row('bad', 'Bad', 'not a url')],
      prov({ gone: { probe_label_2026_09: 'unreachable' } }),
      new Map(),
    )
    expect(rows).toEqual([])
    expect(dropped.map((d) => d.slug)).toEqual(['akamai', 'gone', 'bad'])
    expect(dropped[0]?.reason).toMatch(/aggregator/)
  })

  it('maps raw platform labels onto the fixed list, using feeds and hostnames when the label is missing', () => {
    const { rows } = cleanCatalog(
      [
        row('openai', 'OpenAI', 'https://status.openai.com', 'incident.io'),
        row('gitlab', 'GitLab', 'https://status.gitlab.com', 'status.io'),
        row('hetzner', 'Hetzner', 'https://status.hetzner.com', 'custom'),
        row('acme', 'Acme', 'https://acme.statuspage.io'),
        row('odd', 'Odd', 'https://status.odd.example', 'hund'),
      ],
      prov({
        gitlab: { feed_url: 'https://status.gitlab.com/pages/5b36dc6502d06804c08349f7/rss' },
        hetzner: { feed_url: 'https://status.hetzner.com/de.atom' },
      }),
      new Map(),
    )
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]))
    expect(bySlug.openai?.platform).toBe('incidentio')
    expect(bySlug.gitlab).toMatchObject({ platform: 'statusio', apiUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7' })
    expect(bySlug.hetzner).toMatchObject({ platform: 'rss', apiUrl: 'https://status.hetzner.com/de.atom' })
    expect(bySlug.acme?.platform).toBe('statuspage')
    expect(bySlug.odd?.platform).toBe('unknown')
  })

  it('turns slug-like names into readable ones and only accepts known categories', () => {
    const { rows } = cleanCatalog(
      [row('amazon-web-services', 'amazon-web-services', 'https://health.aws.amazon.com/health/status', 'aws-health')],
      new Map(),
      new Map([['amazon-web-services', 'Cloud & hosting']]),
    )
    expect(rows[0]).toMatchObject({ name: 'Amazon Web Services', category: 'Cloud & hosting', platform: 'aws' })
    const { rows: other } = cleanCatalog([row('x', 'X', 'https://status.x.example')], new Map(), new Map([['x', 'Made up']]))
    expect(other[0]?.category).toBeUndefined()
  })
})

describe('the committed seed catalog', () => {
  const seed = JSON.parse(fs.readFileSync(new URL('../../prisma/seed/vendors.json', import.meta.url), 'utf8')) as unknown[]

  it('has at least 2,700 valid vendors, no two sharing a slug or a status page, each with its provenance', () => {
    expect(seed.length).toBeGreaterThanOrEqual(2700)
    const rows = seed.map((r) => catalogRowSchema.parse(r))
    expect(findDuplicates(rows)).toEqual([])
    expect(rows.every((r) => r.category === undefined || (CATEGORIES as readonly string[]).includes(r.category))).toBe(true)
    expect(rows.filter((r) => !r.sources || !r.platformEvidence || !r.platformConfidence)).toEqual([])
  })

  it('marks what no live check confirmed, and holds back vendors whose identity is unconfirmed', () => {
    const rows = seed.map((r) => catalogRowSchema.parse(r))
    // The 232 bare *.statuspage.io rows only one list names and the 158 resting on the 2016 list alone.
    expect(rows.filter((r) => r.pendingReview).length).toBe(390)
    expect(rows.filter((r) => r.pendingReview && !r.unverified)).toEqual([])
    // Statuspage-compatible evidence alone never counts as verified.
    expect(rows.filter((r) => r.platformConfidence === 'medium' && !r.unverified)).toEqual([])
  })

  it('is exactly what the build produces from the raw files (nobody edited it by hand)', () => {
    const { folded } = buildCatalog(fileURLToPath(new URL('../../prisma/seed/raw', import.meta.url)))
    expect(folded.rows).toEqual(seed)
  })
})
