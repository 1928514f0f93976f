// The contract between the refresh cycle and a platform's source module.
//
// A source is pure: it names the URLs it needs (`endpoints`) and turns the fetched bodies into a
// snapshot (`parse`). The refresh does all I/O (conditional GET, timeouts, size caps), so a
// source is tested with recorded payloads alone, and an unchanged vendor (every endpoint 304 or
// the same body hash) is recognised without parsing anything.
import type { StatusSnapshot } from '@/lib/status/snapshot'

/** What the refresh knows about the vendor's source row. */
export interface SourceTarget {
  /** The primary status API / feed URL from the catalog (may be null for discovery-based sources). */
  apiUrl: string | null
  /** The human status page. */
  statusPageUrl: string
  /** Settings the source discovered earlier and asked the refresh to keep (see ParseOutcome). */
  settings: Record<string, unknown>
}

export interface Endpoint {
  /** Name the body is handed to `parse` under, e.g. "summary". */
  key: string
  url: string
  /** A 404 (or other 4xx) is normal for this endpoint on some pages: parse gets `null`, not a failure. */
  optional?: boolean
  /** Accept header to send; defaults to JSON. */
  accept?: string
}

export interface ParseContext {
  /** The time of this check. Sources use it only where upstream gives no time at all. */
  now: Date
  target: SourceTarget
}

export type ParseOutcome =
  | { kind: 'snapshot'; snapshot: StatusSnapshot }
  /** The source learned something it needs first (e.g. a page id): save it, fetch again once. */
  | { kind: 'settings'; settings: Record<string, unknown> }

/** Thrown by `parse` when a body is not what the platform serves (HTML, wrong shape, ...). */
export class SourceParseError extends Error {
  override name = 'SourceParseError'
}

/** By name, not instanceof: bundles may hold two copies of the class (see isFetchError). */
export const isSourceParseError = (e: unknown): e is SourceParseError => e instanceof Error && e.name === 'SourceParseError'

export interface StatusSource {
  endpoints(target: SourceTarget): Endpoint[]
  /** `bodies[key]` is the decoded text of each endpoint, or null for a missing optional one. */
  parse(bodies: Record<string, string | null>, ctx: ParseContext): ParseOutcome
}
