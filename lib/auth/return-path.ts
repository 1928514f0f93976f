// Where to send someone after signing in or up. Only paths on this site: an absolute or
// protocol-relative URL here would be an open redirect. The result goes into a Location (or
// x-action-redirect) header, which takes ASCII only: a non-ASCII `next` used to fail the response
// with a 500 after the session cookie was set, so the path comes back percent-encoded.
import { isSlug } from '@/lib/validation/url-input'

const MAX_RETURN_PATH = 500
/** Never an origin of ours: it only anchors relative paths while they are normalised. */
const PROBE_ORIGIN = 'http://return-path.invalid'

export function safeReturnPath(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  // Control characters and backslashes are how browsers get talked into another host.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, PROBE_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PROBE_ORIGIN) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return path.length <= MAX_RETURN_PATH * 3 && /^[\x21-\x7e]+$/.test(path) ? path : fallback
}

/** `/sign-up?watch=github&next=%2Fvendors` style links between the auth pages; bad values are left out. */
export function authHref(page: '/sign-in' | '/sign-up', params: { next?: string; watch?: string }): string {
  const query = new URLSearchParams()
  if (isSlug(params.watch)) query.set('watch', params.watch)
  const next = params.next === undefined ? '' : safeReturnPath(params.next, '')
  if (next) query.set('next', next)
  const qs = query.toString()
  return qs ? `${page}?${qs}` : page
}
