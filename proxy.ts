// Runs before every page (not API routes or static files): turns away request targets no page of
// ours could mean (lib/validation/url-input.ts: 400 for control characters or bad percent-encoding,
// 404 for absurdly long segments) before any route or query sees them, then gives the page its
// security headers, with a fresh nonce that Next.js applies to its own scripts on pages rendered
// per request. API routes validate their own input (they are not matched here: a proxy would make
// Next.js buffer their bodies, the Stripe webhook's among them).
// It also serves the directory's GETs (/vendors?q=…) from a cached page per view: see
// lib/pages/directory-view-path.ts.
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { isPerRequestPage, pageSecurityHeaders, stripeFormTargets } from '@/lib/security/headers'
import { checkPageRequestBody } from '@/lib/api/request-body'
import { checkRequestTarget } from '@/lib/validation/url-input'
import { directoryViewPath } from '@/lib/pages/directory-view-path'

const options = {
  appUrl: env.APP_URL,
  formTargets: stripeFormTargets(env.STRIPE_API_BASE),
  development: env.NODE_ENV === 'development',
}

const REASON = { 400: 'Bad request', 404: 'Not found', 411: 'Length required', 413: 'Payload too large' } as const

function refuse(status: keyof typeof REASON) {
  return new NextResponse(REASON[status], { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'X-Content-Type-Options': 'nosniff' } })
}

export function proxy(request: NextRequest) {
  const target = checkRequestTarget(request.nextUrl.pathname, request.nextUrl.search)
  if (target !== 'ok') return refuse(target === 'bad_request' ? 400 : 404)
  const body = checkPageRequestBody(request.method, request.headers)
  if (body !== 'ok') return refuse(body)
  const view = directoryView(request)
  // The page that answers decides the policy: a cached page (a directory view among them) has no
  // nonce (it could not reach the copy every visitor gets), so it costs neither the random bytes
  // nor a rewritten request: this runs before every cache hit.
  const pathname = view?.pathname ?? request.nextUrl.pathname
  const perRequest = isPerRequestPage(pathname)
  const nonce = perRequest ? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64') : ''
  const headers = pageSecurityHeaders(pathname, nonce, options)
  // Next.js reads the nonce from the request's CSP header while rendering.
  const init = perRequest ? { request: { headers: new Headers(request.headers) } } : undefined
  init?.request.headers.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '')
  const response = view ? NextResponse.rewrite(view, init) : NextResponse.next(init)
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

/**
 * Where a visitor's GET of the directory is served from: its cached view. A server action posted
 * from the directory (a Watch button) stays on /vendors, which renders per request.
 */
function directoryView(request: NextRequest): URL | null {
  if (!/^\/vendors\/?$/.test(request.nextUrl.pathname)) return null
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.has('next-action')) return null
  // Signed-in readers get the per-request page: their Watch buttons post server actions, and Next.js
  // refused those from a page served through this rewrite ("Invalid Server Actions request", seen in
  // the watchlist and billing e2e specs). Signed-out visitors, the crowd the cache is for, see Watch
  // as a link to sign up and post nothing.
  if (hasSessionCookie(request)) return null
  // The request's own URL object, so Next.js serves the rewrite itself rather than fetching it
  // as another origin's (it compares host and port as it sees them).
  const url = request.nextUrl.clone()
  url.pathname = directoryViewPath(request.nextUrl.searchParams)
  url.search = ''
  return url
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image).*)',
      // Prefetches are data, not documents: no policy to apply.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}

/** Auth.js's session cookie (plain or __Secure-, whole or chunked .0, .1…): a reader who is signed in. */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name))
}
