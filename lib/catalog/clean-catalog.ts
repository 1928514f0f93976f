// Turns the raw, scraped vendor list (prisma/seed/raw/) into the project's seed catalog:
// one row per vendor, a platform from our fixed list, the status API/feed URL where the raw data
// knows more than the page URL, and a category where known. Pure; scripts/catalog-build.ts does
// the file I/O. Every dropped or merged row is reported with its reason.
import { type Category, CATEGORIES } from './categories'
import { catalogRowSchema, type CatalogRow } from './catalog-row'
import type { Platform } from './platforms'
import { deriveStatusApiUrl } from '@/lib/status/status-api-url'

export interface RawCatalogRow {
  name: string
  slug: string
  status_page_url: string
  platform: string
  category: string
}

export interface RawProvenance {
  probe_label_2026_09: string
  feed_url: string
}

export interface CleanReport {
  rows: CatalogRow[]
  dropped: { slug: string; reason: string }[]
  merged: { kept: string; absorbed: string[] }[]
}

const PLATFORM_LABELS: Record<string, Platform> = {
  statuspage: 'statuspage',
  'incident.io': 'incidentio',
  instatus: 'instatus',
  'status.io': 'statusio',
  betterstack: 'betterstack',
  cachet: 'cachet',
  'google-cloud': 'gcp',
  'aws-health': 'aws',
  'azure-status': 'azure',
  slack: 'slack',
  heroku: 'heroku',
  'salesforce-trust': 'salesforce',
}

/** Hosted-platform hostnames that give the platform away before any fetch. */
const HOST_PATTERNS: [RegExp, Platform][] = [
  [/\.statuspage\.io$/, 'statuspage'],
  [/\.instatus\.com$/, 'instatus'],
  [/\.betteruptime\.com$/, 'betterstack'],
  [/\.status\.io$/, 'statusio'],
]

/** Known permanent redirects (docs/status-page-formats.md §6.3): the target is the real page. */
const REDIRECTS: Record<string, string> = {
  'status.github.com': 'https://www.githubstatus.com',
  'status.slack.com': 'https://slack-status.com',
  'status.azure.com': 'https://azure.status.microsoft/en-us/status',
  'status.aws.amazon.com': 'https://health.aws.amazon.com/health/status',
  'status.getpostman.com': 'https://status.postman.com',
  'status.anthropic.com': 'https://status.claude.com',
  'status.discordapp.com': 'https://discordstatus.com',
}

/** Third-party "is it down" sites: not the vendor's own status page. */
const AGGREGATOR_HOSTS = /(^|\.)(statusgator\.com|cloudharmony\.com|isitdownrightnow\.com|issitedownrightnow\.com|saashub\.com|downdetector\.[a-z.]+)$/

const AZURE_FEED_HOSTS = /(^|\.)(azure\.status\.microsoft|azurestatuscdn\.azureedge\.net|status\.azure\.com)$/

interface Candidate {
  raw: RawCatalogRow
  url: URL
  platform: Platform
  apiUrl?: string
  probe: string
}

export function cleanCatalog(
  raw: RawCatalogRow[],
  provenance: Map<string, RawProvenance>,
  categories: Map<string, string>,
): CleanReport {
  const dropped: CleanReport['dropped'] = []
  const candidates: Candidate[] = []
  for (const row of raw) {
    const prov = provenance.get(row.slug)
    const url = pageUrl(row.status_page_url)
    if (!url) {
      dropped.push({ slug: row.slug, reason: `not an http(s) URL: ${row.status_page_url}` })
      continue
    }
    if (AGGREGATOR_HOSTS.test(url.hostname)) {
      dropped.push({ slug: row.slug, reason: `third-party aggregator, not the vendor's page: ${url.hostname}` })
      continue
    }
    const probe = prov?.probe_label_2026_09 ?? ''
    if (probe === 'unreachable' && row.platform.trim() === '') {
      dropped.push({ slug: row.slug, reason: 'unreachable in the 2026-09 probe and no platform known from any other source' })
      continue
    }
    candidates.push({ raw: row, url, probe, ...resolvePlatform(row, url, prov?.feed_url ?? '') })
  }

  const groups = groupDuplicates(candidates)
  const merged: CleanReport['merged'] = []
  const rows: CatalogRow[] = []
  for (const group of groups) {
    // The row we read status from and the row whose page we link to can differ (Okta: the data
    // is in a feed on feedburner, the page people know is status.okta.com).
    const source = [...group].sort((a, b) => score(b) - score(a))[0] as Candidate
    const page = [...group].sort((a, b) => pageScore(b) - pageScore(a))[0] as Candidate
    const apiUrl = source.apiUrl ?? (page === source ? undefined : (deriveStatusApiUrl(source.platform, source.url.toString()) ?? undefined))
    // The plain slug ("github", not "github-2") names the merged vendor.
    const slug = group.map((c) => c.raw.slug).sort((a, b) => a.length - b.length || a.localeCompare(b))[0] as string
    if (group.length > 1) merged.push({ kept: slug, absorbed: group.map((c) => c.raw.slug).filter((s) => s !== slug) })
    const category = group.map((c) => categories.get(c.raw.slug)).find((c): c is Category => isCategory(c))
    const parsed = catalogRowSchema.safeParse({
      name: displayName(group.map((c) => c.raw.name)),
      slug,
      statusPageUrl: page.url.toString().replace(/\/$/, ''),
      platform: source.platform,
      category,
      apiUrl,
    })
    if (!parsed.success) {
      dropped.push({ slug, reason: parsed.error.issues.map((i) => i.message).join('; ') })
      continue
    }
    rows.push(parsed.data)
  }
  rows.sort((a, b) => a.slug.localeCompare(b.slug))
  return { rows, dropped, merged }
}

const isCategory = (value: string | undefined): boolean => (CATEGORIES as readonly (string | undefined)[]).includes(value)

function pageUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim())
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    const redirect = REDIRECTS[url.hostname]
    if (redirect) return new URL(redirect)
    // A data file or the "/dashboard" view is not a page of its own: the page is the host's root
    // (Yandex Cloud's /dashboard, PlayStation's region JSON), so such rows merge with the root's.
    if (/\.json$/i.test(url.pathname) || /^\/dashboard\/?$/i.test(url.pathname)) return new URL(url.origin)
    return url
  } catch {
    return null
  }
}

function resolvePlatform(row: RawCatalogRow, url: URL, feedUrl: string): { platform: Platform; apiUrl?: string } {
  const label = row.platform.trim()
  const known = PLATFORM_LABELS[label]
  if (known === 'statusio') {
    // The RSS link embeds the page id the status.io API needs.
    const pageId = /\/pages\/([0-9a-f]{24})\//.exec(feedUrl)?.[1]
    return pageId ? { platform: 'statusio', apiUrl: `https://api.status.io/1.0/status/${pageId}` } : { platform: 'statusio' }
  }
  if (known === 'azure' && feedUrl && !AZURE_FEED_HOSTS.test(safeHost(feedUrl))) return { platform: 'rss', apiUrl: feedUrl }
  if (known) return { platform: known }
  if (label === '') {
    const byHost = HOST_PATTERNS.find(([pattern]) => pattern.test(url.hostname))
    if (byHost) return { platform: byHost[1] }
  }
  // Custom pages and platforms we have no source for: their feed is the next best thing.
  return feedUrl ? { platform: 'rss', apiUrl: feedUrl } : { platform: 'unknown' }
}

function safeHost(value: string): string {
  try {
    return new URL(value).hostname
  } catch {
    return ''
  }
}

/** Rows are the same vendor when their names match or their pages are on the same host and path. */
function groupDuplicates(candidates: Candidate[]): Candidate[][] {
  const parent = candidates.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const firstByKey = new Map<string, number>()
  candidates.forEach((c, i) => {
    const keys = [`name:${c.raw.name.toLowerCase().replace(/[^a-z0-9]/g, '')}`, `page:${c.url.hostname.replace(/^www\./, '')}${c.url.pathname.replace(/\/$/, '')}`]
    for (const key of keys) {
      const first = firstByKey.get(key)
      if (first === undefined) firstByKey.set(key, i)
      else parent[find(i)] = find(first)
    }
  })
  const groups = new Map<number, Candidate[]>()
  candidates.forEach((c, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), c])
  })
  return [...groups.values()]
}

/** Which of several rows to read status from: a platform we parse (a vendor's own API before a
 * feed), confirmed live, official domain. */
function score(c: Candidate): number {
  let s = 0
  if (c.platform === 'rss') s += 6
  else if (c.platform !== 'unknown') s += 8
  if (c.platform !== 'unknown' && (c.platform !== 'statusio' || c.apiUrl)) s += 2
  if (c.probe !== '' && c.probe !== 'unreachable') s += 2
  if (c.url.protocol === 'https:') s += 1
  if (!c.url.hostname.endsWith('.statuspage.io')) s += 1
  return s
}

/** Which of several rows to link people to: something that looks like a status page, official domain. */
function pageScore(c: Candidate): number {
  let s = 0
  if (/status|health|trust/i.test(c.url.hostname + c.url.pathname)) s += 4
  if (c.probe !== '' && c.probe !== 'unreachable') s += 2
  if (c.url.protocol === 'https:') s += 1
  if (!c.url.hostname.endsWith('.statuspage.io')) s += 1
  return s
}

/** Some raw names are just the slug ("amazon-web-services"); prefer a real name, else humanize. */
function displayName(names: string[]): string {
  const trimmed = names.map((n) => n.trim())
  const real = trimmed.find((n) => n !== n.toLowerCase())
  if (real) return real
  const first = trimmed[0] ?? ''
  return first
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (w.length <= 3 && /^(aws|gcp|api|cdn|dns|sms|ai|io)$/.test(w) ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1)))
    .join(' ')
}
