import { describe, expect, it } from 'vitest'
import { clientIp } from './client-ip'

const h = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff })

describe('clientIp', () => {
  it('takes the address added by the nearest proxy, not the ones the client claimed', () => {
    expect(clientIp(h('6.6.6.6, 203.0.113.9'))).toBe('203.0.113.9')
    expect(clientIp(h('203.0.113.9'))).toBe('203.0.113.9')
  })
  it('folds IPv4-mapped IPv6 into IPv4 and says unknown when there is nothing', () => {
    expect(clientIp(h('::ffff:127.0.0.1'))).toBe('127.0.0.1')
    expect(clientIp(h('2001:db8::1'))).toBe('2001:db8::1')
    expect(clientIp(h())).toBe('unknown')
    expect(clientIp(h(' , '))).toBe('unknown')
  })
})
