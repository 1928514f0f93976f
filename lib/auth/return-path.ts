// Where to send someone after signing in or up. Only paths on this site: an absolute or
// protocol-relative URL here would be an open redirect.
export function safeReturnPath(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > 500) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  // Control characters and backslashes are how browsers get talked into another host.
  if (/[\u0000-\u001f\\]/.test(value)) return fallback
  return value
}

/** `/sign-up?watch=github&next=%2Fvendors` style links between the auth pages. */
export function authHref(page: '/sign-in' | '/sign-up', params: { next?: string; watch?: string }): string {
  const query = new URLSearchParams()
  if (params.watch) query.set('watch', params.watch)
  if (params.next) query.set('next', params.next)
  const qs = query.toString()
  return qs ? `${page}?${qs}` : page
}
