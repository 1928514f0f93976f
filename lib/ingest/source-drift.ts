// Platform drift (issue 14): a vendor's status page that moved to another host or platform. The
// catalog says which platform a page runs; pages move (a Statuspage customer goes to incident.io,
// whose compatible API still answers Statuspage's URLs, with a sampled component list). Pure: it
// looks at what one check fetched, before any parsing, and says what looks changed.
//
// Signs, each about the vendor's primary endpoint (the first the source asks for):
//  - moved: it answered through a redirect to another host;
//  - signature: its body is recognisably another platform's (see `payloadSignature`).
// Operators see it in /api/health and the vendor JSON; the public page only says the status may be
// out of date. It never changes the status itself: a page that still parses is read as before, and
// one that no longer parses fails like any unreadable page (stale, never an outage).
import type { SourceChange } from '@/lib/status/source-change-json'
import type { Endpoint } from './sources/types'

export type { SourceChange }

/** Platforms whose JSON we can tell apart by shape (docs/status-page-formats.md). */
export type PayloadSignature = 'statuspage' | 'incidentio' | 'instatus' | 'betterstack' | 'statusio'

/**
 * Above this the body is not parsed a second time just to look at its shape (a changed read
 * costs one extra JSON.parse; the summaries we recognise are well under it).
 */
const MAX_SIGNATURE_BYTES = 1024 * 1024

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const STATUSPAGE_ID = /^[a-z0-9]{12}$/

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Which platform a JSON body looks like, or null when it is not JSON or not recognisable.
 * Statuspage and incident.io's compatible API share a shape; their page ids differ: Statuspage's
 * are 12 lowercase letters and digits, incident.io's are ULIDs (26 Crockford base-32 characters),
 * and incident.io's page has no `time_zone`.
 */
export function payloadSignature(body: string): PayloadSignature | null {
  const text = body.trimStart()
  if (!text.startsWith('{') || text.length > MAX_SIGNATURE_BYTES) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(json)) return null
  const page = json.page
  if (isObject(page) && isObject(json.status) && 'indicator' in json.status) {
    const id = typeof page.id === 'string' ? page.id : ''
    if (ULID.test(id)) return 'incidentio'
    if (STATUSPAGE_ID.test(id) || 'time_zone' in page) return 'statuspage'
    return null
  }
  if (isObject(json.summary) && ('structure' in json.summary || 'affected_components' in json.summary)) return 'incidentio'
  if (isObject(page) && typeof page.status === 'string' && ['UP', 'HASISSUES', 'UNDERMAINTENANCE'].includes(page.status)) return 'instatus'
  if (isObject(json.data) && json.data.type === 'status_page') return 'betterstack'
  if (isObject(json.result) && isObject(json.result.status_overall)) return 'statusio'
  return null
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/**
 * What looks changed about the vendor's page in this check, or null when its primary endpoint
 * answered as its platform does (or answered nothing to judge by: a 404 of an optional endpoint,
 * a body we do not recognise).
 */
export function detectSourceChange(
  platform: string,
  endpoints: Endpoint[],
  fetched: { bodies: Record<string, string | null>; finalUrls: Record<string, string> },
): Omit<SourceChange, 'since'> | null {
  const primary = endpoints[0]
  if (!primary) return null
  const finalUrl = fetched.finalUrls[primary.key]
  const from = hostOf(primary.url)
  const to = finalUrl ? hostOf(finalUrl) : null
  if (from && to && from !== to) return { kind: 'moved', detail: `${from} redirects to ${to}` }
  const body = fetched.bodies[primary.key]
  const looksLike = body ? payloadSignature(body) : null
  if (looksLike && looksLike !== platform) return { kind: 'signature', detail: `answers like ${looksLike}, catalogued as ${platform}` }
  return null
}

/** The change to store: the previous one's `since` is kept while the same change goes on. */
export function nextSourceChange(previous: unknown, found: Omit<SourceChange, 'since'> | null, now: Date): SourceChange | null {
  if (found === null) return null
  const before = isObject(previous) ? previous : null
  const same = before !== null && before.kind === found.kind && before.detail === found.detail && typeof before.since === 'string'
  return { ...found, since: same ? (before.since as string) : now.toISOString() }
}
