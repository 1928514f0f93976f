import type { LookupAddress } from 'node:dns'
import { describe, expect, it } from 'vitest'
import { BlockedAddressError, blockedHostReason, createGuardedLookup, isPrivateAddress } from './http-guard'

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '192.0.0.8',
    '192.0.2.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.251',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'fec0::1',
    'ff02::1',
    'ff0e::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:0:192.168.0.1', // IPv4-translated
    '64:ff9b::10.0.0.1', // NAT64 to a private address
    '64:ff9b:1::1',
    '::127.0.0.1', // deprecated IPv4-compatible
    '100::1',
    '2001:db8::1',
    '2001::1', // Teredo
    '2002:7f00:1::1', // 6to4
    '3fff::1',
    'localhost',
    'example.com',
    '',
    '999.1.1.1',
  ])('%s is private (or not an address)', (address) => {
    expect(isPrivateAddress(address)).toBe(true)
  })

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '104.16.132.229',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.1',
    '223.255.255.255',
    '2606:4700::6810:84e5',
    '2001:4860:4860::8888',
    '[2a00:1450:4001:82a::200e]',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false)
  })
})

describe('blockedHostReason', () => {
  it('refuses local names and private IP literals as URL.hostname spells them', () => {
    expect(blockedHostReason('localhost')).toMatch(/local/)
    expect(blockedHostReason('LOCALHOST.')).toMatch(/local/)
    expect(blockedHostReason('api.localhost')).toMatch(/local/)
    expect(blockedHostReason('127.0.0.1')).toMatch(/not a public/)
    expect(blockedHostReason('[::1]')).toMatch(/not a public/)
    expect(blockedHostReason(new URL('http://2130706433/').hostname)).toMatch(/not a public/)
    expect(blockedHostReason(new URL('http://0x7f.1/').hostname)).toMatch(/not a public/)
    expect(blockedHostReason(new URL('http://[::ffff:10.1.2.3]/').hostname)).toMatch(/not a public/)
  })

  it('leaves public literals and DNS names to the lookup', () => {
    expect(blockedHostReason('8.8.8.8')).toBeNull()
    expect(blockedHostReason('[2606:4700::6810:84e5]')).toBeNull()
    expect(blockedHostReason('status.example.com')).toBeNull()
  })
})

describe('createGuardedLookup', () => {
  type Result = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }

  function run(answers: LookupAddress[], all: boolean, hostname = 'status.example.com'): Promise<Result> {
    const lookup = createGuardedLookup((_host, _options, callback) => callback(null, answers))
    return new Promise((resolve) => lookup(hostname, { all }, (err, address, family) => resolve({ err, address, family })))
  }

  const publicV4 = { address: '93.184.216.34', family: 4 }
  const publicV6 = { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 }

  it('passes public answers in the all:true form (Node 20 autoSelectFamily)', async () => {
    const result = await run([publicV6, publicV4], true)
    expect(result.err).toBeNull()
    expect(result.address).toEqual([publicV6, publicV4])
  })

  it('passes the first public answer in the single-address form', async () => {
    const result = await run([publicV4, publicV6], false)
    expect(result.err).toBeNull()
    expect(result.address).toBe(publicV4.address)
    expect(result.family).toBe(4)
  })

  it.each([true, false])('refuses a name with any private answer (all: %s)', async (all) => {
    const result = await run([publicV4, { address: '10.0.0.5', family: 4 }], all)
    expect(result.err).toBeInstanceOf(BlockedAddressError)
    expect(result.err?.message).toContain('10.0.0.5')
  })

  it('refuses IPv4-mapped loopback answers', async () => {
    const result = await run([{ address: '::ffff:127.0.0.1', family: 6 }], true)
    expect(result.err).toBeInstanceOf(BlockedAddressError)
  })

  it('refuses localhost without asking DNS', async () => {
    let asked = false
    const lookup = createGuardedLookup((_host, _options, callback) => {
      asked = true
      callback(null, [publicV4])
    })
    const err = await new Promise((resolve) => lookup('localhost', { all: true }, (e) => resolve(e)))
    expect(err).toBeInstanceOf(BlockedAddressError)
    expect(asked).toBe(false)
  })

  it('passes DNS errors through unchanged', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nope.invalid'), { code: 'ENOTFOUND' })
    const lookup = createGuardedLookup((_host, _options, callback) => callback(notFound, []))
    const err = await new Promise((resolve) => lookup('nope.invalid', { all: false }, (e) => resolve(e)))
    expect(err).toBe(notFound)
  })

  it('reports an empty answer as ENOTFOUND in the single-address form', async () => {
    const result = await run([], false)
    expect(result.err?.code).toBe('ENOTFOUND')
  })
})
