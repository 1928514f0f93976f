import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { vendorResultHref } from './search-match'
import { monogram, VendorLogo } from './vendor-logo'

describe('VendorLogo', () => {
  it('shows our own logo route with its version, never another origin', () => {
    const html = renderToStaticMarkup(<VendorLogo vendor={{ slug: 'github', name: 'GitHub', logo: { sha256: 'ab12cd34ef56ab12cd34ef56' } }} />)
    expect(html).toContain('src="/vendors/github/logo?v=ab12cd34ef56"')
    expect(html).toContain('alt=""')
  })

  it('falls back to a neutral monogram without a stored logo', () => {
    for (const logo of [undefined, null, { sha256: null }]) {
      const html = renderToStaticMarkup(<VendorLogo vendor={{ slug: 'amazon-web-services', name: 'Amazon Web Services', logo }} />)
      expect(html).not.toContain('<img')
      expect(html).toContain('>AW</span>')
    }
    expect(monogram('GitHub')).toBe('G')
    expect(monogram('1Password')).toBe('1')
    expect(monogram('Ärzte Cloud')).toBe('ÄC')
    expect(monogram('---')).toBe('?')
  })
})

describe('vendorResultHref', () => {
  it('links to the component the search named, else to the vendor', () => {
    expect(vendorResultHref({ slug: 'github', match: { kind: 'component', alias: null, component: { id: 'c1', name: 'Actions' } } })).toBe('/vendors/github#component-c1')
    expect(vendorResultHref({ slug: 'github' })).toBe('/vendors/github')
  })
})
