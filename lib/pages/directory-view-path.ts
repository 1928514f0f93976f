// The public directory (/vendors, ?q=, ?category=, ?cursor=) is served from a cached page per view:
// proxy.ts rewrites each GET of /vendors to the internal route /directory-view/{view}
// (app/directory-view/[view]/page.tsx, ISR), whose one path segment spells out the view. A
// segment, not search parameters, because Next.js caches a rendered page per path only. Pure.

/**
 * The internal route's prefix. Asked for directly it answers too (the same public page; its
 * canonical URL is /vendors): refusing it in proxy.ts would also refuse the rewrite wherever
 * Next.js passes a rewritten request through the proxy again.
 */
export const DIRECTORY_VIEW_PREFIX = '/directory-view/'

/** The view segment of the unfiltered first page (the only one Next.js keeps on disk; see lib/cache). */
export const DIRECTORY_ALL_VIEW = 'all'

type Search = Pick<URLSearchParams, 'get'>

/**
 * The internal path serving this directory URL's search. Only the parameters the directory reads,
 * in one order, the query's spaces collapsed: `?q=git&x=1` and `?q=%20git` are one cached page.
 */
export function directoryViewPath(search: Search): string {
  const view = new URLSearchParams()
  const q = search.get('q')?.replace(/\s+/g, ' ').trim()
  const category = search.get('category')?.trim()
  const cursor = search.get('cursor')?.trim()
  if (q) view.set('q', q)
  if (category) view.set('category', category)
  if (cursor) view.set('cursor', cursor)
  const text = view.toString()
  // base64url: its letters mean nothing in a path, so whether Next.js hands the segment over
  // decoded or not (it hands `%3D` over as it is), the page reads what was written.
  return `${DIRECTORY_VIEW_PREFIX}${text ? Buffer.from(text).toString('base64url') : DIRECTORY_ALL_VIEW}`
}

/** The directory's search parameters back from a view segment; an unreadable one is the unfiltered view. */
export function readDirectoryView(view: string): Record<string, string> {
  if (view === DIRECTORY_ALL_VIEW || !/^[A-Za-z0-9_-]+$/.test(view)) return {}
  return Object.fromEntries(new URLSearchParams(Buffer.from(view, 'base64url').toString('utf8')))
}
