// Runs before every page (not API routes or static files): gives the page its security headers,
// with a fresh nonce that Next.js applies to its own scripts on pages rendered per request.
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { pageSecurityHeaders, stripeFormTargets } from '@/lib/security/headers'

const options = {
  appUrl: env.APP_URL,
  formTargets: stripeFormTargets(env.STRIPE_API_BASE),
  development: env.NODE_ENV === 'development',
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const headers = pageSecurityHeaders(request.nextUrl.pathname, nonce, options)
  // Next.js reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '')
  const response = NextResponse.next({ request: { headers: requestHeaders } })
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
