// The security headers of every page, decided in one place (proxy.ts applies them; API routes get
// theirs from next.config.js). Pure: the path, a fresh nonce and the configuration in, headers out.
//
// Why two script policies: Next.js can only put a nonce on pages it renders per request. The
// public vendor pages are rendered once and shared by every visitor (ISR); a per-request nonce
// would end that caching, and hashes cannot work because Next inlines each page's own data as
// scripts. So pages rendered per request (everything signed-in, the auth and token pages, the
// home page, pricing, the private stack link) get `'nonce-…' 'strict-dynamic'`, and only the cached
// public pages (vendors, incidents, directory views, public stack pages) allow
// `'unsafe-inline'` scripts. Every other directive is the same strict one on both, and the cached
// pages render only sanitised upstream text (lib/format/upstream-text.ts). The user input on a
// cached page is the directory's search words (/directory-view/{view}, which proxy.ts serves
// /vendors from) and a public stack's name (letters, digits and hyphens: lib/validation/stack-page.ts),
// both rendered by React as text and in its own escaped payload, never as markup.

/** Pages Next renders on every request, so a nonce can be applied. Everything else is treated as cached. */
const PER_REQUEST_PAGES = [
  /^\/$/,
  // Only server actions and prefetches: proxy.ts serves visitors' GETs from /directory-view/….
  /^\/vendors\/?$/,
  /^\/(dashboard|settings|watchlist|billing|sign-in|sign-up|forgot-password|reset-password|verify|goodbye|unsubscribe|pricing|dev|s)(\/|$)/,
  // A public stack's feeds and badge (route handlers) keep the policy they had; the page itself
  // (/stacks/{slug}) is cached and shared like a vendor page (app/stacks/[slug]/page.tsx).
  /^\/stacks\/[^/]+\/./,
]

/** Pages whose URL carries a secret token: the Referer must never take it to another site. */
const TOKEN_PAGES = /^\/(reset-password|verify|unsubscribe|s)(\/|$)/

export interface SecurityHeaderOptions {
  /** Where the app is served from; HSTS is sent only when it is https. */
  appUrl: string
  /** Origins a form may be submitted (or redirected) to besides our own: Stripe Checkout and portal. */
  formTargets: string[]
  /** `next dev` needs eval for React's error overlay; production never does. */
  development: boolean
}

export function isPerRequestPage(pathname: string): boolean {
  return PER_REQUEST_PAGES.some((pattern) => pattern.test(pathname))
}

/** The Content-Security-Policy of a page; `nonce` is used only on per-request pages. */
export function contentSecurityPolicy(pathname: string, nonce: string, options: SecurityHeaderOptions): string {
  const scripts = isPerRequestPage(pathname) ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"]
  if (options.development) scripts.push("'unsafe-eval'")
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // Style attributes (bar widths, colours) are React `style` props; a nonce cannot cover them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formTargets.map((o) => ` ${o}`).join('')}`,
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Every security header of a page response. */
export function pageSecurityHeaders(pathname: string, nonce: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(pathname, nonce, options),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': TOKEN_PAGES.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin',
  }
  if (options.appUrl.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains'
  return headers
}

/** Stripe's hosted Checkout and portal, plus the local stand-in when tests point the SDK at one. */
export function stripeFormTargets(stripeApiBase: string | undefined): string[] {
  const targets = ['https://checkout.stripe.com', 'https://billing.stripe.com']
  if (stripeApiBase) targets.push(new URL(stripeApiBase).origin)
  return targets
}
