import { describe, expect, it } from 'vitest'
import { PEER_ADDRESS_HEADER, stampPeerAddress } from '@/lib/http/peer-address.mjs'
import { networkOf, normalizeIp, resolveClientIp } from './client-ip'

const h = (headers: Record<string, string> = {}) => new Headers(headers)
const peer = (address: string, more: Record<string, string> = {}) => h({ [PEER_ADDRESS_HEADER]: address, ...more })

describe('resolveClientIp with TRUST_PROXY=none (the default)', () => {
  it('takes the peer address and ignores whatever X-Forwarded-For claims', () => {
    expect(resolveClientIp(peer('203.0.113.9', { 'x-forwarded-for': '6.6.6.6' }), 'none', true)).toBe('203.0.113.9')
    expect(resolveClientIp(peer('::ffff:127.0.0.1'), 'none', true)).toBe('127.0.0.1')
  })
  it('says unknown rather than trust the private header when our server did not stamp it', () => {
    expect(resolveClientIp(peer('203.0.113.9'), 'none', false)).toBe('unknown')
    expect(resolveClientIp(h({ 'x-forwarded-for': '203.0.113.9' }), 'none', false)).toBe('unknown')
  })
})

describe('resolveClientIp with a hop count', () => {
  const xff = (value: string) => peer('10.0.0.2', { 'x-forwarded-for': value })
  it('takes the Nth address from the right', () => {
    expect(resolveClientIp(xff('6.6.6.6, 203.0.113.9'), 1, true)).toBe('203.0.113.9')
    expect(resolveClientIp(xff('6.6.6.6, 203.0.113.9, 10.0.0.1'), 2, true)).toBe('203.0.113.9')
  })
  it('takes the leftmost when there are fewer entries than proxies, and the peer when there are none', () => {
    expect(resolveClientIp(xff('203.0.113.9'), 3, true)).toBe('203.0.113.9')
    expect(resolveClientIp(peer('10.0.0.2'), 1, true)).toBe('10.0.0.2')
  })
  it('gives unknown for a garbage entry instead of keying a limit on it', () => {
    expect(resolveClientIp(xff('6.6.6.6, not-an-ip'), 1, true)).toBe('unknown')
  })
})

describe('resolveClientIp on a platform', () => {
  it('reads Vercel and Cloudflare headers, not X-Forwarded-For', () => {
    const spoofed = { 'x-forwarded-for': '6.6.6.6' }
    expect(resolveClientIp(h({ ...spoofed, 'x-vercel-forwarded-for': '203.0.113.9' }), 'vercel', false)).toBe('203.0.113.9')
    expect(resolveClientIp(h({ ...spoofed, 'x-real-ip': '203.0.113.10' }), 'vercel', false)).toBe('203.0.113.10')
    expect(resolveClientIp(h({ ...spoofed, 'cf-connecting-ip': '2001:db8::1' }), 'cloudflare', false)).toBe('2001:db8::1')
    expect(resolveClientIp(h(spoofed), 'cloudflare', false)).toBe('unknown')
  })
})

describe('normalizeIp', () => {
  it('strips ports, brackets and the IPv4-mapped prefix; refuses what is not an address', () => {
    expect(normalizeIp('203.0.113.9:443')).toBe('203.0.113.9')
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeIp(' , ')).toBe('unknown')
    expect(normalizeIp(null)).toBe('unknown')
  })
})

describe('networkOf', () => {
  it('groups IPv4 by /24 and IPv6 by /64', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.0/24')
    expect(networkOf('2001:db8::1')).toBe('2001:0db8:0000:0000::/64')
    expect(networkOf('2001:db8:0:0:ffff:1:2:3')).toBe(networkOf('2001:db8::9'))
    expect(networkOf('::ffff:1.2.3.4')).toBe('0000:0000:0000:0000::/64')
    expect(networkOf('unknown')).toBe('unknown')
  })
})

describe('stampPeerAddress (scripts/server.mjs)', () => {
  it('overwrites a client-sent copy of the private header with the socket address', () => {
    const req = { headers: { [PEER_ADDRESS_HEADER]: '6.6.6.6' } as Record<string, string>, socket: { remoteAddress: '203.0.113.9' } }
    stampPeerAddress(req as never)
    expect(req.headers[PEER_ADDRESS_HEADER]).toBe('203.0.113.9')
    const noSocket = { headers: { [PEER_ADDRESS_HEADER]: '6.6.6.6' } as Record<string, string>, socket: {} }
    stampPeerAddress(noSocket as never)
    expect(noSocket.headers[PEER_ADDRESS_HEADER]).toBeUndefined()
  })
})
