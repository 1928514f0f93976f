// Folds the December 2026 expansion (prisma/seed/raw/catalog-2026-12/: new vendors mined from public
// lists, conflicts with our catalog, platform fills) into the cleaned catalog, keeping provenance per
// row (sources, platform evidence, confidence). Pure; scripts/catalog-build.ts does the file I/O.
//
// The rules, each applied the same way to every row (CATALOG.md lists what each one did):
//  - Platform labels are evidence, not truth. A row is marked `unverified` unless our own 2026-09
//    live probe confirmed a platform other than Statuspage (whose probe only showed that a
//    Statuspage-compatible API answered, as incident.io and some Instatus pages also do) or the
//    host itself gives the platform away (`*.statuspage.io`, `*.instatus.com`, …).
//    `npm run catalog:verify` decides them from what each page serves.
//  - platform_differs: a source with high confidence (host pattern, the platform's own API host, or
//    a current explicit label) replaces the catalog's label; medium evidence (dated, or only
//    "a Statuspage-compatible API answered") never does. Either way the row is unverified and its
//    evidence names both sides.
//  - status_url_differs: the catalog's page stays (70 of them match on the name alone, and some are
//    different companies with the same name), except where the catalog row was dropped as a
//    third-party aggregator page: then the source's page becomes that vendor.
//  - status_url_alias: one Statuspage account under two addresses. People are linked to the
//    vendor's own domain; status keeps being read from the address the catalog had.
//  - platform fills apply to kept rows whose platform is still `unknown`; a row our own probe found
//    unreachable stays dropped (an old label does not bring a page back).
//  - new vendors: added unless their host or slug is already taken (reported, never renamed
//    silently). Rows whose vendor identity is unconfirmed (bare `<name>.statuspage.io` pages only
//    one list names) or that rest on the 2016 snapshot alone are seeded `pendingReview`: out of the
//    public directory until an operator has checked them.
import { type Category } from './categories'
import { catalogRowSchema, type CatalogRow, type PlatformConfidence } from './catalog-row'
import type { CleanReport } from './clean-catalog'
import { catalogProvenance, clip, hostOf, type CatalogProvenance } from './catalog-provenance'
import { hostKey } from './page-key'
import type { Platform } from './platforms'
import { deriveStatusApiUrl } from '@/lib/status/status-api-url'

export interface RawNewVendor {
  name: string
  slug: string
  status_page_url: string
  platform: string
  category: string
  api_url: string
  source: string
  platform_evidence: string
  platform_confidence: string
  notes: string
}

export interface RawConflict {
  slug: string
  name: string
  catalog_status_page_url: string
  catalog_platform: string
  conflict: 'platform_differs' | 'status_url_differs' | 'status_url_alias' | string
  source_status_page_url: string
  source_platform: string
  source_confidence: string
  evidence: string
  sources: string
  note: string
}

export interface RawPlatformFill {
  slug: string
  name: string
  status_page_url: string
  catalog_platform: string
  source_platform: string
  confidence: string
  platform_evidence: string
  sources: string
}

export interface FoldInput {
  cleaned: CleanReport
  provenance: Map<string, CatalogProvenance>
  newVendors: RawNewVendor[]
  conflicts: RawConflict[]
  fills: RawPlatformFill[]
}

export interface FoldReport {
  rows: CatalogRow[]
  /** What each rule did, by rule, one line per affected row. */
  applied: Record<'platformReplaced' | 'platformKept' | 'urlKept' | 'aggregatorReplaced' | 'aliasLinked' | 'filled' | 'fillSkipped' | 'added' | 'rejected', string[]>
}

const FROM_SOURCE_PLATFORM: Record<string, Platform> = {
  statuspage: 'statuspage',
  incidentio: 'incidentio',
  instatus: 'instatus',
  statusio: 'statusio',
  betterstack: 'betterstack',
  cachet: 'cachet',
  rss: 'rss',
  unknown: 'unknown',
}

/** The expansion's tags onto our fixed directory categories; tags not listed stay uncategorised. */
const CATEGORY_OF_TAG: Record<string, Category> = {
  AI: 'AI & machine learning',
  'E-commerce': 'E-commerce',
  Analytics: 'Analytics',
  Email: 'Email',
  DevOps: 'CI/CD & DevOps',
  'CI/CD': 'CI/CD & DevOps',
  Communications: 'Communications',
  IAM: 'Security & identity',
  'Remote Access': 'Security & identity',
  'Logging / SIEM': 'Monitoring & observability',
  Monitoring: 'Monitoring & observability',
  CRM: 'CRM & support',
  Messaging: 'Messaging & chat',
  'Project Management': 'Project management',
  Testing: 'Testing & QA',
  'Code Quality': 'Developer tools',
  Cloud: 'Cloud & hosting',
  'Cloud/Hosting': 'Cloud & hosting',
  Search: 'Search',
  CDN: 'Storage & CDN',
  Storage: 'Storage & CDN',
  DNS: 'DNS & networking',
  'Incident Management': 'Incident management',
  Automation: 'Productivity & collaboration',
}

/** The first absolute URL of a cell that may hold several ("http://a.example https://b.example"). */
function firstUrl(cell: string): string | null {
  const parts = cell.split(/\s+/).filter(Boolean)
  const https = parts.find((p) => p.startsWith('https://'))
  return https ?? parts.find((p) => p.startsWith('http://')) ?? null
}

const confidenceOf = (value: string): PlatformConfidence => (value === 'high' || value === 'medium' ? value : 'low')

export function foldCatalog(input: FoldInput): FoldReport {
  const applied: FoldReport['applied'] = {
    platformReplaced: [],
    platformKept: [],
    urlKept: [],
    aggregatorReplaced: [],
    aliasLinked: [],
    filled: [],
    fillSkipped: [],
    added: [],
    rejected: [],
  }
  // Absorbed slugs (github-2) name the vendor they were merged into (github).
  const keptSlugOf = new Map<string, string>()
  for (const m of input.cleaned.merged) for (const s of m.absorbed) keptSlugOf.set(s, m.kept)
  const rows = new Map<string, CatalogRow>()
  for (const row of input.cleaned.rows) rows.set(row.slug, { ...row, ...catalogProvenance(row, input.provenance.get(row.slug)) })
  const rowFor = (slug: string) => rows.get(keptSlugOf.get(slug) ?? slug)
  const droppedAsAggregator = new Set(input.cleaned.dropped.filter((d) => /aggregator/.test(d.reason)).map((d) => d.slug))

  for (const c of input.conflicts) {
    const row = rowFor(c.slug)
    const sourcePlatform = FROM_SOURCE_PLATFORM[c.source_platform] ?? 'unknown'
    const evidence = clip(`${c.sources}: ${c.evidence}`)
    if (c.conflict === 'platform_differs') {
      if (!row) continue
      if (c.source_confidence === 'high' && sourcePlatform !== 'unknown' && sourcePlatform !== row.platform) {
        applied.platformReplaced.push(`${row.slug}: ${row.platform} → ${sourcePlatform} (${evidence})`)
        const apiUrl = sourceApiUrl(sourcePlatform, c.evidence)
        rows.set(row.slug, {
          ...row,
          platform: sourcePlatform,
          apiUrl: apiUrl ?? (sourcePlatform === 'rss' ? row.apiUrl : undefined),
          sources: `${row.sources ?? 'catalog'}+${c.sources}`,
          platformEvidence: clip(`${evidence}; contradicts the catalog's ${row.platform}`),
          platformConfidence: 'medium',
          unverified: true,
        })
      } else {
        const over = sourcePlatform === row.platform ? `(the source's ${c.source_platform} now agrees)` : `over ${c.source_platform}`
        applied.platformKept.push(`${row.slug}: kept ${row.platform} ${over} (${c.source_confidence}: ${evidence})`)
        rows.set(row.slug, { ...row, platformEvidence: clip(`${row.platformEvidence}; contradicted by ${evidence}`), unverified: true })
      }
    } else if (c.conflict === 'status_url_differs') {
      const url = firstUrl(c.source_status_page_url)
      if (!row && droppedAsAggregator.has(c.slug) && url) {
        const candidate = {
          name: c.name,
          slug: c.slug,
          statusPageUrl: url.replace(/\/$/, ''),
          platform: sourcePlatform,
          sources: c.sources,
          platformEvidence: evidence,
          platformConfidence: confidenceOf(c.source_confidence),
          unverified: true,
        }
        const parsed = catalogRowSchema.safeParse(candidate)
        if (parsed.success) {
          rows.set(c.slug, parsed.data)
          applied.aggregatorReplaced.push(`${c.slug}: ${c.catalog_status_page_url} → ${parsed.data.statusPageUrl}`)
        }
      } else if (row) {
        applied.urlKept.push(`${row.slug}: kept ${row.statusPageUrl}, source gives ${c.source_status_page_url} (${c.note || 'no note'})`)
      }
    } else if (c.conflict === 'status_url_alias') {
      const url = firstUrl(c.source_status_page_url)
      if (!row || !url) continue
      const catalogIsAlias = hostOf(row.statusPageUrl).endsWith('.statuspage.io')
      const sourceIsOwn = !hostOf(url).endsWith('.statuspage.io')
      if (catalogIsAlias && sourceIsOwn && row.platform === 'statuspage') {
        rows.set(row.slug, { ...row, statusPageUrl: url.replace(/\/$/, ''), apiUrl: row.apiUrl ?? deriveStatusApiUrl('statuspage', row.statusPageUrl) ?? undefined })
        applied.aliasLinked.push(`${row.slug}: links to ${url}, reads ${row.statusPageUrl}`)
      } else {
        applied.urlKept.push(`${row.slug}: kept ${row.statusPageUrl} (alias ${url})`)
      }
    }
  }

  for (const f of input.fills) {
    const row = rowFor(f.slug)
    const platform = FROM_SOURCE_PLATFORM[f.source_platform]
    if (!row || !platform) {
      applied.fillSkipped.push(`${f.slug}: not in the cleaned catalog (dropped: ${input.cleaned.dropped.find((d) => d.slug === f.slug)?.reason ?? 'merged or absent'})`)
      continue
    }
    if (row.platform !== 'unknown') {
      applied.fillSkipped.push(`${row.slug}: already ${row.platform}`)
      continue
    }
    const apiUrl = sourceApiUrl(platform, f.platform_evidence)
    if (platform === 'statusio' && !apiUrl) {
      applied.fillSkipped.push(`${row.slug}: status.io without a page id`)
      continue
    }
    rows.set(row.slug, {
      ...row,
      platform,
      apiUrl,
      sources: `${row.sources ?? 'catalog'}+${f.sources}`,
      platformEvidence: clip(`${f.sources}: ${f.platform_evidence}`),
      platformConfidence: confidenceOf(f.confidence),
      unverified: true,
    })
    applied.filled.push(`${row.slug}: ${platform} (${f.confidence})`)
  }

  const takenHosts = new Map<string, string>()
  for (const row of rows.values()) takenHosts.set(hostKey(row.statusPageUrl), row.slug)
  for (const v of input.newVendors) {
    const url = firstUrl(v.status_page_url)
    const platform = FROM_SOURCE_PLATFORM[v.platform] ?? 'unknown'
    const unconfirmed = /vendor identity unconfirmed|only source is a 2016 snapshot/.test(v.notes)
    const candidate = {
      name: v.name,
      slug: v.slug,
      statusPageUrl: url?.replace(/\/$/, '') ?? v.status_page_url,
      platform,
      category: CATEGORY_OF_TAG[v.category],
      apiUrl: v.api_url || undefined,
      sources: v.source,
      platformEvidence: clip(v.platform_evidence + (v.notes ? `; ${v.notes}` : '')),
      platformConfidence: confidenceOf(v.platform_confidence),
      unverified: true,
      ...(unconfirmed && { pendingReview: true }),
    }
    const parsed = catalogRowSchema.safeParse(candidate)
    if (!parsed.success) {
      applied.rejected.push(`${v.slug}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
      continue
    }
    const key = hostKey(parsed.data.statusPageUrl)
    const holder = takenHosts.get(key)
    if (holder) {
      applied.rejected.push(`${v.slug}: host ${key} is already ${holder}'s`)
      continue
    }
    if (rows.has(parsed.data.slug)) {
      applied.rejected.push(`${v.slug}: slug already taken by ${rows.get(parsed.data.slug)?.statusPageUrl}`)
      continue
    }
    rows.set(parsed.data.slug, parsed.data)
    takenHosts.set(key, parsed.data.slug)
    applied.added.push(parsed.data.slug)
  }

  return { rows: [...rows.values()].sort((a, b) => a.slug.localeCompare(b.slug)), applied }
}

/** An API URL a source named in its evidence that cannot be derived from the page (status.io's id). */
function sourceApiUrl(platform: Platform, evidence: string): string | undefined {
  if (platform !== 'statusio') return undefined
  const id = /\/pages\/([0-9a-f]{24})|page id ([0-9a-f]{24})/.exec(evidence)
  const pageId = id?.[1] ?? id?.[2]
  return pageId ? `https://api.status.io/1.0/status/${pageId}` : undefined
}
