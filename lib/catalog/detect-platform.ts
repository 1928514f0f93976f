// Platform detection as code: given a status page URL, decide which platform serves it from what the
// page itself serves, never from a list's label. Every request goes through the guarded HTTP client
// (lib/ingest/http.ts: private and loopback addresses refused, timeouts, size cap), so a URL a user
// pasted cannot make us reach inside the network.
//
// Tests, in order (docs/status-page-formats.md §1), stopping at the first that proves a platform:
//  1. the host of a big vendor's own page (AWS, Google Cloud, Azure, Slack, Heroku, Salesforce);
//  2. `/api/v2/summary.json`: Statuspage's shape with a 12-character page id → Statuspage; the same
//     shape with ULID ids (or incident.io's own markers in the page) → incident.io; a `page.status`
//     of UP/HASISSUES/UNDERMAINTENANCE → Instatus;
//  3. incident.io's widget API `/proxy/<host>` (`{summary:{components…}}`);
//  4. Instatus's `/summary.json`; 5. Better Stack's `/index.json` (JSON:API `status_page`);
//  6. status.io: a 24-hex page id in the page, confirmed by `api.status.io/1.0/status/<id>`
//     (an id in the HTML alone has given false positives);
//  7. Cachet's `/api/v1/components`; 8. an Atom/RSS feed the page links to (`<link rel=alternate>`)
//     that really is a feed.
// The result carries the evidence, one line per test that decided or failed.
import { deriveStatusApiUrl } from '@/lib/status/status-api-url'
import { type FetchTextResult, type HttpClient, isFetchError } from '@/lib/ingest/http'
import { cleanName, feedLink, htmlMarkers, htmlTitle, statusioPageId } from './detect-html'
import type { Platform } from './platforms'

export type DetectablePlatform = Exclude<Platform, 'unknown'>

export interface Detection {
  platform: DetectablePlatform
  /** What the refresh polls; null only for status.io pages whose id the source discovers itself. */
  apiUrl: string | null
  /** The page after redirects, without a trailing slash. */
  statusPageUrl: string
  /** The page's own name for itself (summary.json's page name, the HTML title), when it gives one. */
  pageName: string | null
  evidence: string[]
}

export type DetectionFailure =
  /** Not an absolute http(s) URL with a public host name. */
  | { ok: false; reason: 'invalid'; message: string; evidence: string[] }
  /** The guard refused it: a private, loopback or otherwise internal address. */
  | { ok: false; reason: 'blocked'; message: string; evidence: string[] }
  /** Nothing answered (DNS, connect, timeout, TLS). */
  | { ok: false; reason: 'unreachable'; message: string; evidence: string[] }
  /** It answered, but as no platform we read. */
  | { ok: false; reason: 'unsupported'; message: string; evidence: string[] }

export type DetectionResult = ({ ok: true } & Detection) | DetectionFailure

export type DetectionHttp = Pick<HttpClient, 'fetchText'>

/** Hosts of the big vendors' own status pages (each has its own source module). */
const OWN_PAGE_HOSTS: Record<string, DetectablePlatform> = {
  'health.aws.amazon.com': 'aws',
  'status.aws.amazon.com': 'aws',
  'status.cloud.google.com': 'gcp',
  'status.firebase.google.com': 'gcp',
  'azure.status.microsoft': 'azure',
  'status.azure.com': 'azure',
  'slack-status.com': 'slack',
  'status.slack.com': 'slack',
  'status.heroku.com': 'heroku',
  'status.salesforce.com': 'salesforce',
}

const STATUSPAGE_PAGE_ID = /^[a-z0-9]{12}$/
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const INSTATUS_PAGE_STATUS = new Set(['UP', 'HASISSUES', 'UNDERMAINTENANCE'])
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'
const FEED_ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8'

type Probe = { ok: true; text: string; finalUrl: string } | { ok: false; note: string }

export async function detectPlatform(input: string, http: DetectionHttp, options: { signal?: AbortSignal } = {}): Promise<DetectionResult> {
  const evidence: string[] = []
  const page = parsePageUrl(input)
  if (!page) return { ok: false, reason: 'invalid', message: 'Enter the full address of a status page, starting with https://', evidence }

  const own = OWN_PAGE_HOSTS[page.hostname]
  if (own) {
    evidence.push(`host ${page.hostname} is ${own}'s own status page`)
    return done(own, deriveStatusApiUrl(own, page.href), page.href, null, evidence)
  }

  const fetchText = async (url: string, accept: string): Promise<Probe> => {
    let res: FetchTextResult
    try {
      res = await http.fetchText(url, { accept, ...(options.signal && { signal: options.signal }) })
    } catch (e) {
      // The caller's budget ran out: the whole detection stops, it is not this probe's answer.
      if (isFetchError(e) && e.kind !== 'aborted') return { ok: false, note: `${e.kind}: ${e.message}` }
      throw e
    }
    if (res.notModified) return { ok: false, note: '304 without a request validator' }
    if (res.status >= 400) return { ok: false, note: `HTTP ${res.status}` }
    return { ok: true, text: res.text, finalUrl: res.finalUrl }
  }

  // The page itself: where it really lives (after redirects) and what its HTML says.
  let html = ''
  let base = page
  try {
    const res = await http.fetchText(page.href, { accept: HTML_ACCEPT, ...(options.signal && { signal: options.signal }) })
    if (!res.notModified) {
      base = new URL(res.finalUrl)
      if (res.status < 400) html = res.text.slice(0, 512 * 1024)
      evidence.push(`GET ${page.href}: HTTP ${res.status}${res.finalUrl !== page.href ? ` at ${res.finalUrl}` : ''}`)
    }
  } catch (e) {
    if (!isFetchError(e)) throw e
    evidence.push(`GET ${page.href}: ${e.kind}: ${e.message}`)
    if (e.kind === 'blocked') return { ok: false, reason: 'blocked', message: `That address is not allowed: ${e.message}`, evidence }
    if (e.kind === 'aborted') throw e
    if (e.kind === 'network' || e.kind === 'timeout') return { ok: false, reason: 'unreachable', message: `${page.hostname} did not answer (${e.message}).`, evidence }
    // A redirect loop or a page too large: the APIs may still answer.
  }
  const origin = base.origin
  const pageUrl = base.href.replace(/\/$/, '')
  const htmlSays = htmlMarkers(html)
  if (htmlSays.length) evidence.push(`page mentions ${htmlSays.join(', ')}`)
  const title = htmlTitle(html)

  // 2. The Statuspage-compatible summary.
  const summaryUrl = `${origin}/api/v2/summary.json`
  const summary = await fetchJson(fetchText, summaryUrl, evidence)
  if (summary) {
    const pageObj = record(summary.page)
    const pageId = typeof pageObj?.id === 'string' ? pageObj.id : null
    const name = typeof pageObj?.name === 'string' ? pageObj.name : null
    const pageStatus = typeof pageObj?.status === 'string' ? pageObj.status : null
    if (pageStatus && INSTATUS_PAGE_STATUS.has(pageStatus)) {
      evidence.push(`${summaryUrl}: Instatus page status ${pageStatus}`)
      return done('instatus', deriveStatusApiUrl('instatus', pageUrl), pageUrl, name ?? title, evidence)
    }
    const components = Array.isArray(summary.components) ? summary.components : null
    if (pageId && components) {
      const componentId = components.map((c) => record(c)?.id).find((id): id is string => typeof id === 'string')
      if (ULID.test(pageId) || (componentId && ULID.test(componentId))) {
        evidence.push(`${summaryUrl}: Statuspage-compatible shape with incident.io's ULID ids (page ${pageId})`)
        return done('incidentio', summaryUrl, pageUrl, name ?? title, evidence)
      }
      if (htmlSays.includes('incident.io')) {
        evidence.push(`${summaryUrl}: Statuspage-compatible shape on a page that names incident.io`)
        return done('incidentio', summaryUrl, pageUrl, name ?? title, evidence)
      }
      if (STATUSPAGE_PAGE_ID.test(pageId) && isRecord(summary.status) && typeof summary.status.indicator === 'string') {
        evidence.push(`${summaryUrl}: Statuspage summary, page id ${pageId}`)
        return done('statuspage', summaryUrl, pageUrl, name ?? title, evidence)
      }
      evidence.push(`${summaryUrl}: a summary with page id ${JSON.stringify(pageId.slice(0, 40))}, neither Statuspage's nor incident.io's`)
    } else {
      evidence.push(`${summaryUrl}: JSON, but not a status summary`)
    }
  }

  // 3. incident.io's widget API.
  const widgetUrl = `${origin}/proxy/${base.host}`
  const widget = await fetchJson(fetchText, widgetUrl, evidence)
  const widgetSummary = record(widget?.summary)
  if (widgetSummary && Array.isArray(widgetSummary.components)) {
    evidence.push(`${widgetUrl}: incident.io widget summary`)
    return done('incidentio', summaryUrl, pageUrl, (typeof widgetSummary.name === 'string' ? widgetSummary.name : null) ?? title, evidence)
  }

  // 4. Instatus.
  const instatusUrl = `${origin}/summary.json`
  const instatus = await fetchJson(fetchText, instatusUrl, evidence)
  const instatusPage = record(instatus?.page)
  if (instatusPage && typeof instatusPage.status === 'string' && INSTATUS_PAGE_STATUS.has(instatusPage.status)) {
    evidence.push(`${instatusUrl}: Instatus page status ${instatusPage.status}`)
    return done('instatus', instatusUrl, pageUrl, (typeof instatusPage.name === 'string' ? instatusPage.name : null) ?? title, evidence)
  }

  // 5. Better Stack.
  const betterUrl = `${origin}/index.json`
  const better = await fetchJson(fetchText, betterUrl, evidence)
  const betterData = record(better?.data)
  const betterAttrs = record(betterData?.attributes)
  if (betterData?.type === 'status_page' && betterAttrs && typeof betterAttrs.aggregate_state === 'string') {
    evidence.push(`${betterUrl}: Better Stack status_page, aggregate_state ${betterAttrs.aggregate_state}`)
    return done('betterstack', betterUrl, pageUrl, (typeof betterAttrs.company_name === 'string' ? betterAttrs.company_name : null) ?? title, evidence)
  }

  // 6. status.io: an id in the page, confirmed by its API.
  const statusioId = statusioPageId(html)
  if (statusioId) {
    const apiUrl = `https://api.status.io/1.0/status/${statusioId}`
    const api = await fetchJson(fetchText, apiUrl, evidence)
    const result = record(api?.result)
    if (result && isRecord(result.status_overall)) {
      evidence.push(`${apiUrl}: status.io result for the page id found in the page`)
      return done('statusio', apiUrl, pageUrl, title, evidence)
    }
  }

  // 7. Cachet.
  const cachetUrl = `${origin}/api/v1/components`
  const cachet = await fetchJson(fetchText, cachetUrl, evidence)
  if (cachet && Array.isArray(cachet.data) && cachet.data.every((c) => isRecord(c) && typeof c.status === 'number' && 'name' in c) && (cachet.data.length > 0 || isRecord(cachet.meta))) {
    evidence.push(`${cachetUrl}: Cachet components (numeric statuses)`)
    return done('cachet', cachetUrl, pageUrl, title, evidence)
  }

  // 8. A feed the page links to.
  const feedHref = feedLink(html, base)
  if (feedHref) {
    const feed = await fetchText(feedHref, FEED_ACCEPT)
    if (feed.ok && /<(feed|rss|rdf:RDF)[\s>]/.test(feed.text.slice(0, 4096))) {
      evidence.push(`${feedHref}: the page's Atom/RSS feed`)
      return done('rss', feedHref, pageUrl, title, evidence)
    }
    evidence.push(`${feedHref}: ${feed.ok ? 'linked as a feed, but not Atom or RSS' : feed.note}`)
  }

  return {
    ok: false,
    reason: 'unsupported',
    message: `${base.hostname} answered, but not as a status page platform we can read.`,
    evidence,
  }
}

function done(platform: DetectablePlatform, apiUrl: string | null, statusPageUrl: string, pageName: string | null, evidence: string[]): DetectionResult {
  return { ok: true, platform, apiUrl, statusPageUrl: statusPageUrl.replace(/\/$/, ''), pageName: cleanName(pageName), evidence }
}

function parsePageUrl(input: string): URL | null {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password) return null
  url.hash = ''
  return url
}

async function fetchJson(fetchText: (url: string, accept: string) => Promise<Probe>, url: string, evidence: string[]): Promise<Record<string, unknown> | null> {
  const res = await fetchText(url, 'application/json')
  if (!res.ok) {
    evidence.push(`${url}: ${res.note}`)
    return null
  }
  try {
    const value: unknown = JSON.parse(res.text)
    if (isRecord(value)) return value
    evidence.push(`${url}: JSON, but not an object`)
  } catch {
    evidence.push(`${url}: not JSON`)
  }
  return null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const record = (v: unknown): Record<string, unknown> | null => (isRecord(v) ? v : null)
