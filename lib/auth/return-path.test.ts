import { describe, expect, it } from 'vitest'
import { authHref, safeReturnPath } from './return-path'

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeReturnPath('/vendors?q=git')).toBe('/vendors?q=git')
    expect(safeReturnPath('/vendors/github')).toBe('/vendors/github')
  })
  it('refuses anything that could leave the site', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/\tevil', '', undefined, 42]) {
      expect(safeReturnPath(bad)).toBe('/dashboard')
    }
  })
})

describe('authHref', () => {
  it('carries the vendor to watch and the way back', () => {
    expect(authHref('/sign-up', { watch: 'github', next: '/vendors?q=git' })).toBe('/sign-up?watch=github&next=%2Fvendors%3Fq%3Dgit')
    expect(authHref('/sign-in', {})).toBe('/sign-in')
  })
})
