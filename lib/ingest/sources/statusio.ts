// status.io: the public API needs the page's 24-hex id. The catalog fills `apiUrl` when it knows the
// id; otherwise the source first fetches the status page HTML, finds the id and hands it back as a
// setting (`{kind: 'settings'}`), and from then on polls the API. Mapping: statusio-snapshot.ts.
import { parseJson, parseWithSchema } from './parse-helpers'
import { statusioBodySchema } from './statusio-schema'
import { statusioSnapshot } from './statusio-snapshot'
import { type Endpoint, SourceParseError, type SourceTarget, type StatusSource } from './types'

const API_BASE = 'https://api.status.io/1.0/status/'
const API_URL = /^https:\/\/api\.status\.io\/1\.0\/status\/[0-9a-f]{24}\/?$/i
const PAGE_ID = /^[0-9a-f]{24}$/

/** Where a page id shows up in a status.io page, most trustworthy first. */
const ID_PATTERNS: RegExp[] = [
  /api\.status\.io\/1\.0\/status\/([0-9a-f]{24})(?![0-9a-f])/i,
  /\/pages\/(?:[a-z]+\/)?([0-9a-f]{24})(?![0-9a-f])/i,
  /(?:statuspage_?id|page_?id)["']?\s*[:=]\s*["']([0-9a-f]{24})["']/i,
]
const BARE_ID = /(?<![0-9a-z])([0-9a-f]{24})(?![0-9a-z])/gi

/**
 * Finds the page id in status page HTML, or null. A bare 24-hex string counts only when it is the
 * only one on the page: such strings also appear as asset hashes and on non-status.io pages
 * (docs/status-page-formats.md found freshstatus.io pages misread this way), and a wrong id would
 * be kept as a setting.
 */
export function findStatusioPageId(html: string): string | null {
  for (const pattern of ID_PATTERNS) {
    const match = pattern.exec(html)
    if (match?.[1]) return match[1].toLowerCase()
  }
  const bare = new Set([...html.matchAll(BARE_ID)].map((m) => (m[1] ?? '').toLowerCase()))
  return bare.size === 1 ? ([...bare][0] ?? null) : null
}

function configuredPageId(target: SourceTarget): string | null {
  const id = target.settings.pageId
  return typeof id === 'string' && PAGE_ID.test(id) ? id : null
}

export const statusioSource: StatusSource = {
  endpoints(target): Endpoint[] {
    if (target.apiUrl && API_URL.test(target.apiUrl)) return [{ key: 'status', url: target.apiUrl }]
    const pageId = configuredPageId(target)
    if (pageId) return [{ key: 'status', url: `${API_BASE}${pageId}` }]
    return [{ key: 'page', url: target.statusPageUrl, accept: 'text/html' }]
  },

  parse(bodies) {
    if (bodies.status === undefined && bodies.page !== undefined) {
      const pageId = findStatusioPageId(bodies.page ?? '')
      if (!pageId) throw new SourceParseError('status.io page: no 24-hex page id in the status page HTML')
      return { kind: 'settings', settings: { pageId } }
    }
    const body = parseWithSchema(statusioBodySchema, parseJson(bodies.status, 'status.io status'), 'status.io status')
    return { kind: 'snapshot', snapshot: statusioSnapshot(body) }
  },
}
