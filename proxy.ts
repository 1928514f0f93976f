// Runs before every page (not API routes or static files): turns away request targets no page of
// ours could mean (lib/validation/url-input.ts: 400 for control characters or bad percent-encoding,
// 404 for absurdly long segments) before any route or query sees them, then gives the page its
// security headers, with a fresh nonce that Next.js applies to its own scripts on pages rendered
// per request. API routes validate their own input (they are not matched here: a proxy would make
// Next.js buffer their bodies, the Stripe webhook's among them).
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { isPerRequestPage, pageSecurityHeaders, stripeFormTargets } from '@/lib/security/headers'
import { checkPageRequestBody } from '@/lib/api/request-body'
import { checkRequestTarget } from '@/lib/validation/url-input'

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
  const perRequest = isPerRequestPage(request.nextUrl.pathname)
  // A cached page's policy has no nonce (it could not reach the copy every visitor gets), so it
  // costs neither the random bytes nor a rewritten request: this runs before every cache hit.
  const nonce = perRequest ? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64') : ''
  const headers = pageSecurityHeaders(request.nextUrl.pathname, nonce, options)
  let response: NextResponse
  if (perRequest) {
    // Next.js reads the nonce from the request's CSP header while rendering.
    const requestHeaders = new Headers(request.headers)
    requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '')
    response = NextResponse.next({ request: { headers: requestHeaders } })
  } else response = NextResponse.next()
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
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
