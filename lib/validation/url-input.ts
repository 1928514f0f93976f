// What a URL may carry into a lookup. Slugs, ids and page numbers come from strangers; PostgreSQL
// refuses a NUL byte in text (error 22021) and Prisma an offset past 2^63, and either surfaced as a
// 500 with a stack trace per request. The data layer asks these first and answers "not found".
import { SLUG_PATTERN } from '@/lib/catalog/slug'

/** C0 controls (NUL, CR, LF, TAB...), DEL and C1 controls: never part of a URL we made. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** Catalog slugs are at most 64 characters (lib/catalog/catalog-row.ts). */
const MAX_SLUG = 64
/** Our ids are cuids (25 characters); upstream ids are never in our URLs. */
const RECORD_ID = /^[a-z0-9]{1,40}$/i
/** Past this page of a 20-row list there is nothing: 200,000 incidents is beyond any vendor. */
export const MAX_PAGE = 10_000

export function hasControlChars(value: string): boolean {
  return CONTROL.test(value)
}

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG && SLUG_PATTERN.test(value)
}

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value)
}

/** `?page=`: absent is page 1; anything but a whole number 1..MAX_PAGE in plain digits is null. */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1
  const value = Array.isArray(raw) ? raw[0] : raw
  if (value === undefined || !/^\d{1,5}$/.test(value)) return null
  const page = Number(value)
  return page >= 1 && page <= MAX_PAGE ? page : null
}

/** Longest path segment a real link of ours has (a slug, a cuid, a page name). */
export const MAX_PATH_SEGMENT = 200
/** Longest request target (path and query) worth routing. */
export const MAX_REQUEST_TARGET = 4_096

export type RequestVerdict = 'ok' | 'bad_request' | 'not_found'

/**
 * The proxy's first look at a page request, before any route sees it: bad percent-encoding or a
 * control character anywhere in the path or query is a 400; an absurdly long segment or target
 * cannot name anything of ours, so it is a 404 without touching the database.
 * `pathname` and `search` are as received (still percent-encoded).
 */
export function checkRequestTarget(pathname: string, search: string): RequestVerdict {
  if (pathname.length + search.length > MAX_REQUEST_TARGET) return 'not_found'
  const query = search.startsWith('?') ? search.slice(1) : search
  const parts = [...pathname.split('/'), ...(query ? query.split('&').flatMap((pair) => pair.split('=')) : [])]
  for (const part of parts) {
    let decoded: string
    try {
      // `+` is a space in a query; it cannot hide a control character either way.
      decoded = decodeURIComponent(part)
    } catch {
      return 'bad_request'
    }
    if (hasControlChars(decoded) || hasControlChars(part)) return 'bad_request'
  }
  return pathname.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT) ? 'not_found' : 'ok'
}
