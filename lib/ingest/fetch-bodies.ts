// Fetches every endpoint a source needs, conditionally. The cheap path matters most: on most
// checks nothing changed upstream, every endpoint answers 304 (or the same bytes as last time),
// and the vendor is "unchanged" without parsing anything.
import { hashBody } from '@/lib/data/body-hash'
import { isFetchError, type HttpClient } from './http'
import type { Endpoint } from './sources/types'

/** Per-URL validators from the last successful check. Only the current endpoints are kept. */
export type HttpCache = Record<string, { etag?: string; lastModified?: string; bodyHash?: string; absent?: boolean }>

export type FetchedBodies =
  | { unchanged: true; cache: HttpCache }
  /** `finalUrls`: where each fetched body came from after redirects (platform drift, source-drift.ts). */
  | { unchanged: false; cache: HttpCache; bodies: Record<string, string | null>; finalUrls: Record<string, string> }

type Result = { kind: 'not_modified' } | { kind: 'absent' } | { kind: 'body'; text: string; finalUrl: string; etag?: string; lastModified?: string }

export async function fetchVendorBodies(http: HttpClient, endpoints: Endpoint[], cache: HttpCache, signal?: AbortSignal): Promise<FetchedBodies> {
  const first = await Promise.all(endpoints.map((e) => fetchEndpoint(http, e, cache[e.url], signal)))
  const sameAsBefore = first.every((r, i) => {
    const previous = cache[(endpoints[i] as Endpoint).url]
    if (r.kind === 'not_modified') return true
    if (r.kind === 'absent') return previous?.absent === true
    return previous?.bodyHash === hashBody(r.text)
  })
  // Something changed: a 304'd endpoint's body is needed too, so fetch it again in full.
  const results = sameAsBefore
    ? first
    : await Promise.all(first.map((r, i) => (r.kind === 'not_modified' ? fetchEndpoint(http, endpoints[i] as Endpoint, undefined, signal) : r)))

  const nextCache: HttpCache = {}
  const bodies: Record<string, string | null> = {}
  const finalUrls: Record<string, string> = {}
  results.forEach((r, i) => {
    const endpoint = endpoints[i] as Endpoint
    const previous = cache[endpoint.url]
    if (r.kind === 'not_modified') nextCache[endpoint.url] = previous ?? {}
    else if (r.kind === 'absent') {
      nextCache[endpoint.url] = { absent: true }
      bodies[endpoint.key] = null
    } else {
      nextCache[endpoint.url] = { etag: r.etag, lastModified: r.lastModified, bodyHash: hashBody(r.text) }
      bodies[endpoint.key] = r.text
      finalUrls[endpoint.key] = r.finalUrl
    }
  })
  return sameAsBefore ? { unchanged: true, cache: nextCache } : { unchanged: false, cache: nextCache, bodies, finalUrls }
}

async function fetchEndpoint(http: HttpClient, endpoint: Endpoint, previous: HttpCache[string] | undefined, signal: AbortSignal | undefined): Promise<Result> {
  try {
    const result = await http.fetchText(endpoint.url, {
      accept: endpoint.accept,
      ...(signal && { signal }),
      validators: previous && !previous.absent ? { etag: previous.etag, lastModified: previous.lastModified } : undefined,
    })
    if (result.notModified) return { kind: 'not_modified' }
    return { kind: 'body', text: result.text, finalUrl: result.finalUrl, etag: result.etag, lastModified: result.lastModified }
  } catch (e) {
    // An optional endpoint this page does not serve (404, 403, 410...) is normal; a 5xx or a
    // timeout is a failure like any other: retrying later beats guessing without it.
    if (endpoint.optional && isFetchError(e) && e.kind === 'http' && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 429) {
      return { kind: 'absent' }
    }
    throw e
  }
}
