import { describe, expect, it } from 'vitest'
import { authHref, safeReturnPath } from './return-path'

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeReturnPath('/vendors?q=git')).toBe('/vendors?q=git')
    expect(safeReturnPath('/vendors/github')).toBe('/vendors/github')
  })
  it('refuses anything that could leave the site', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/\tevil', '/\u0085evil', '', undefined, 42]) {
      expect(safeReturnPath(bad)).toBe('/dashboard')
    }
  })
  it('percent-encodes a non-ASCII path, so it can go into a redirect header', () => {
    expect(safeReturnPath('/vendors?q=café')).toBe('/vendors?q=caf%C3%A9')
    expect(safeReturnPath('/vendors/日本')).toBe('/vendors/%E6%97%A5%E6%9C%AC')
    expect(safeReturnPath('/vendors?q=a b"<x>')).toBe('/vendors?q=a%20b%22%3Cx%3E')
  })
  it('refuses a path too long for a header', () => {
    expect(safeReturnPath(`/vendors?q=${'x'.repeat(100_000)}`)).toBe('/dashboard')
  })
})

describe('authHref', () => {
  it('carries the vendor to watch and the way back', () => {
    expect(authHref('/sign-up', { watch: 'github', next: '/vendors?q=git' })).toBe('/sign-up?watch=github&next=%2Fvendors%3Fq%3Dgit')
    expect(authHref('/sign-in', {})).toBe('/sign-in')
  })
  it('leaves out what is not a slug or a path of ours, however long', () => {
    expect(authHref('/sign-in', { watch: 'x'.repeat(100_000), next: `/watchlist/${'x'.repeat(100_000)}` })).toBe('/sign-in')
    expect(authHref('/sign-in', { watch: 'git\u0000hub', next: 'https://evil.example' })).toBe('/sign-in')
  })
})
