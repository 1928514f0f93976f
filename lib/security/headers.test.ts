import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isPerRequestPage, pageSecurityHeaders, stripeFormTargets } from './headers'

const options = { appUrl: 'https://vendorwatch.example', formTargets: stripeFormTargets(undefined), development: false }
const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))

describe('page security headers', () => {
  it('gives per-request pages a nonce with strict-dynamic and never unsafe-inline scripts', () => {
    for (const path of ['/', '/vendors', '/sign-in', '/reset-password', '/dashboard', '/settings/x', '/watchlist/github', '/pricing', '/s/abc', '/stacks/acme/feed.atom', '/stacks/acme/badge.svg']) {
      expect(isPerRequestPage(path), path).toBe(true)
      const script = directives(contentSecurityPolicy(path, 'abc123', options)).get('script-src')
      expect(script, path).toEqual(["'nonce-abc123'", "'strict-dynamic'"])
    }
  })

  it('lets only the cached public pages run inline scripts, with every other directive as strict', () => {
    for (const path of ['/vendors/github', '/vendors/github/incidents/abc', '/stacks/acme', '/stacks/acme/', '/no-such-page']) {
      expect(isPerRequestPage(path), path).toBe(false)
      const csp = directives(contentSecurityPolicy(path, 'abc123', options))
      expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'self'"])
      expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      expect(csp.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com', 'https://billing.stripe.com'])
    }
  })

  it('keeps token pages out of the Referer and sends HSTS only over https', () => {
    expect(pageSecurityHeaders('/reset-password', 'n', options)['Referrer-Policy']).toBe('no-referrer')
    expect(pageSecurityHeaders('/verify', 'n', options)['Referrer-Policy']).toBe('no-referrer')
    expect(pageSecurityHeaders('/s/abc', 'n', options)['Referrer-Policy']).toBe('no-referrer')
    expect(pageSecurityHeaders('/stacks/acme', 'n', options)['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(pageSecurityHeaders('/status', 'n', options)['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(pageSecurityHeaders('/vendors/github', 'n', options)['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(pageSecurityHeaders('/', 'n', options)['Strict-Transport-Security']).toMatch(/max-age=\d+/)
    expect(pageSecurityHeaders('/', 'n', { ...options, appUrl: 'http://localhost:3000' })['Strict-Transport-Security']).toBeUndefined()
    expect(pageSecurityHeaders('/', 'n', options)).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' })
  })

  it('allows eval only in development and adds a local Stripe stand-in as a form target', () => {
    expect(contentSecurityPolicy('/', 'n', { ...options, development: true })).toContain("'unsafe-eval'")
    expect(contentSecurityPolicy('/', 'n', options)).not.toContain('unsafe-eval')
    expect(stripeFormTargets('http://127.0.0.1:3213/v1')).toContain('http://127.0.0.1:3213')
  })
})
