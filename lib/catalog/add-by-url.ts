// "Watch any status page": a signed-in user pastes the URL of a status page that may not be in the
// catalog. A page the catalog already has resolves to that vendor (no fetch). Otherwise detection
// runs (guarded client, rate-limited per user) and, when a platform we read answers, a vendor is
// created: pending review for the public directory, watchable at once, refreshed like every other
// (its source is due at once). When nothing we read answers, the user is told which platforms are.
// Two users adding one page at once end with one vendor: the database keeps page keys unique.
import { findVendorsOnHost, createVendorFromPage } from '@/lib/data/vendors-by-url'
import { hitRateLimit } from '@/lib/data/rate-limits'
import type { RateLimit } from '@/lib/rate-limit/window'
import { detectPlatform, type DetectionHttp } from './detect-platform'
import { pageKey } from './page-key'
import { PLATFORM_LABELS } from './platforms'

/** Each detection fetches up to ~8 URLs of someone else's site; a person adds a few pages at a time. */
export const ADD_BY_URL_LIMIT: RateLimit = { name: 'add-by-url:user', max: 10, windowMs: 3_600_000 }

/** The whole detection, every request included, gives up after this (a person is waiting). */
const DETECTION_BUDGET_MS = 20_000

export const SUPPORTED_PLATFORMS_SENTENCE =
  'Vendorwatch reads status pages hosted on Atlassian Statuspage, incident.io, Instatus, status.io, Better Stack and Cachet, pages that link an Atom or RSS feed, and the AWS, Google Cloud, Azure, Slack, Heroku and Salesforce status pages.'

export type AddByUrlResult =
  | { kind: 'existing'; slug: string; name: string }
  | { kind: 'created'; slug: string; name: string; platformLabel: string }
  | { kind: 'refused'; message: string }

export interface AddByUrlDeps {
  http: DetectionHttp
  now: () => Date
}

export async function findOrAddStatusPage(userId: string, input: string, deps: AddByUrlDeps): Promise<AddByUrlResult> {
  const url = readUrl(input)
  if (!url) return { kind: 'refused', message: 'Enter the address of a status page, e.g. https://status.example.com' }

  const existing = await findExisting(url)
  if (existing) return { kind: 'existing', ...existing }

  const limited = await hitRateLimit(ADD_BY_URL_LIMIT, userId, deps.now())
  if (!limited.allowed) {
    const minutes = Math.max(1, Math.ceil(limited.retryAfterMs / 60_000))
    return { kind: 'refused', message: `You have added ${ADD_BY_URL_LIMIT.max} pages in the last hour. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` }
  }

  let detection
  try {
    detection = await detectPlatform(url.href, deps.http, { signal: AbortSignal.timeout(DETECTION_BUDGET_MS) })
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError' || (e.name === 'FetchError' && (e as { kind?: string }).kind === 'aborted'))) {
      return { kind: 'refused', message: `${url.hostname} took too long to answer. Please try again later.` }
    }
    throw e
  }
  if (!detection.ok) {
    if (detection.reason === 'blocked') return { kind: 'refused', message: 'That address cannot be watched: it is not a public web address.' }
    if (detection.reason === 'unreachable') return { kind: 'refused', message: `${url.hostname} did not answer. Check the address, or try again later.` }
    if (detection.reason === 'invalid') return { kind: 'refused', message: detection.message }
    return { kind: 'refused', message: `We could not find a status page we can read at ${url.hostname}. ${SUPPORTED_PLATFORMS_SENTENCE}` }
  }

  // A redirect may land on a page the catalog has (status.acme.example → acme.statuspage.io).
  const landed = new URL(detection.statusPageUrl)
  const existingAfterRedirect = await findExisting(landed)
  if (existingAfterRedirect) return { kind: 'existing', ...existingAfterRedirect }

  const name = detection.pageName ?? landed.hostname
  const result = await createVendorFromPage({
    slug: slugFor(name, landed.hostname),
    name,
    statusPageUrl: detection.statusPageUrl,
    platform: detection.platform,
    apiUrl: detection.apiUrl,
    addedById: userId,
    verifiedAt: deps.now(),
    evidence: detection.evidence.join(' | '),
  })
  // Someone else added the same page while this detection ran: theirs is the vendor.
  if (!result.created) return { kind: 'existing', slug: result.slug, name: result.name }
  return { kind: 'created', slug: result.slug, name, platformLabel: PLATFORM_LABELS[detection.platform] }
}

/** A pasted address, with https:// assumed when the scheme is missing. */
function readUrl(input: string): URL | null {
  const text = input.trim()
  if (!text || text.length > 2000) return null
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null
    url.hash = ''
    url.search = ''
    return url
  } catch {
    return null
  }
}

/**
 * The catalog vendor of this page: the same host and path, or the vendor whose page is the root of
 * this host (a pasted `…/history` or `/en` is still that vendor's page). A regional page on its own
 * path (intercomstatus.com/eu-hosting) only matches itself.
 */
async function findExisting(url: URL): Promise<{ slug: string; name: string } | null> {
  const key = pageKey(url.href)
  const host = key.split('/')[0] ?? key
  const candidates = await findVendorsOnHost(host)
  const keyed = candidates.map((c) => ({ c, page: pageKey(c.statusPageUrl), api: c.apiUrl ? pageKey(c.apiUrl) : null }))
  const match =
    keyed.find((k) => k.page === key) ??
    keyed.find((k) => k.page === host) ??
    // A vendor read from this host's root API (its *.statuspage.io behind a custom domain) is this page too.
    (key === host ? keyed.find((k) => k.api === `${host}/api/v2/summary.json`) : undefined)
  return match ? { slug: match.c.slug, name: match.c.name } : null
}

function slugFor(name: string, host: string): string {
  const from = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/g, '')
  return from(name) || from(host.replace(/^(www|status)\./, '')) || 'status-page'
}
