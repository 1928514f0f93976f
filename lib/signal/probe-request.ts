// One probe request through the guarded HTTP client (lib/ingest/http.ts), turned into what a probe
// records: the status that came back, or why none did. The client already refuses private and
// loopback addresses (unless the test-only setting allows them), caps the time and the body, and
// sends our User-Agent; this file only reads its outcome.
import { isFetchError, type HttpClient } from '@/lib/ingest/http'

/** What one request came to. `aborted`: our own stop or time box ended it; nothing is recorded. */
export type ProbeAnswer =
  | { kind: 'status'; status: number }
  /** A 2xx whose body is over the cap: the host answered, the body was not read on. */
  | { kind: 'too-large' }
  | { kind: 'failed'; error: string }
  | { kind: 'aborted' }

export type ProbeRequest = (url: string, signal: AbortSignal) => Promise<ProbeAnswer>

/** Bodies are never used: read this much at most, then drop the connection. */
export const PROBE_MAX_BODY_BYTES = 64 * 1024

const ERROR_MAX_CHARS = 200
const shortError = (text: string) => (text.length > ERROR_MAX_CHARS ? `${text.slice(0, ERROR_MAX_CHARS - 1)}…` : text)

/**
 * GET, not HEAD: API roots answer GET everywhere, while HEAD gets 405s and 404s from several of
 * them; the body cap keeps a GET as cheap.
 */
export function probeThroughClient(http: Pick<HttpClient, 'fetchText'>): ProbeRequest {
  return async (url, signal) => {
    try {
      const result = await http.fetchText(url, { signal, maxBytes: PROBE_MAX_BODY_BYTES, accept: 'application/json, */*;q=0.5' })
      // No validators are sent, so a 304 cannot be "not modified" here; the type still allows it.
      return result.notModified ? { kind: 'status', status: 304 } : { kind: 'status', status: result.status }
    } catch (e) {
      if (!isFetchError(e)) return { kind: 'failed', error: shortError(e instanceof Error ? e.message : String(e)) }
      if (e.kind === 'aborted') return { kind: 'aborted' }
      // The client throws non-2xx answers as `http` errors carrying the status: an answer all the same.
      if (e.kind === 'http' && e.status !== undefined) return { kind: 'status', status: e.status }
      if (e.kind === 'too_large') return { kind: 'too-large' }
      return { kind: 'failed', error: shortError(`${e.kind}: ${e.message}`) }
    }
  }
}
