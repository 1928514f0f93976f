import { describe, expect, it } from 'vitest'
import { browserFromCookie, browserKeyOf, deriveReporterKey, issueBrowserCookie, networkKeyOf, verifyBrowserCookie } from './reporter-keys'

const key = deriveReporterKey('unit-test-secret-0123456789abcdef0123')
const otherKey = deriveReporterKey('another-secret-0123456789abcdef012345')

describe('reporter keys', () => {
  it('hashes the network, not the address: one /24, one /64, one key', () => {
    expect(networkKeyOf(key, '198.51.100.7')).toBe(networkKeyOf(key, '198.51.100.250'))
    expect(networkKeyOf(key, '198.51.100.7')).not.toBe(networkKeyOf(key, '198.51.101.7'))
    expect(networkKeyOf(key, '2001:db8:0:1::1')).toBe(networkKeyOf(key, '2001:db8:0:1:abcd::9'))
    expect(networkKeyOf(key, '2001:db8:0:1::1')).not.toBe(networkKeyOf(key, '2001:db8:0:2::1'))
    expect(networkKeyOf(key, '198.51.100.7')).not.toContain('198')
  })

  it('depends on the secret: a stored hash cannot be matched without it', () => {
    expect(networkKeyOf(key, '198.51.100.7')).not.toBe(networkKeyOf(otherKey, '198.51.100.7'))
    expect(browserKeyOf(key, 'abc')).not.toBe(browserKeyOf(otherKey, 'abc'))
  })

  it('accepts its own browser cookie and nothing forged or altered', () => {
    const { browserId, value } = issueBrowserCookie(key)
    expect(verifyBrowserCookie(key, value)).toBe(browserId)
    expect(verifyBrowserCookie(otherKey, value)).toBeUndefined()
    expect(verifyBrowserCookie(key, `${'a'.repeat(22)}.${value.split('.')[1]}`)).toBeUndefined()
    expect(verifyBrowserCookie(key, `${value}.x`)).toBeUndefined()
    expect(verifyBrowserCookie(key, undefined)).toBeUndefined()
  })

  it('keeps a valid cookie and issues a new one otherwise', () => {
    const { browserId, value } = issueBrowserCookie(key)
    expect(browserFromCookie(key, value)).toEqual({ browserId, setCookie: null })
    const fresh = browserFromCookie(key, 'forged.value')
    expect(fresh.setCookie).not.toBeNull()
    expect(verifyBrowserCookie(key, fresh.setCookie!)).toBe(fresh.browserId)
  })
})
