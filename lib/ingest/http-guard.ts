// Address policy for the ingest fetcher: vendor URLs come from a catalog and from redirects we do
// not control, so a URL must never make the poller talk to our own network (cloud metadata at
// 169.254.169.254, a database on 10.x, an admin port on localhost).
//
// The check runs inside the socket's `lookup` (see createGuardedLookup), so the address that is
// checked is the address that is connected to: there is no second DNS answer to rebind. Node skips
// `lookup` for IP-literal hosts, so those are checked separately with `blockedHostReason`.
import type { LookupOptions } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { resolveAllWithDns, type ResolveAll } from './dns'

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError'
}

/** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
const privateV4 = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
] as const) {
  privateV4.addSubnet(network, prefix, 'ipv4')
}

// IPv6 is checked as an allow-list: only global unicast (2000::/3) can be a vendor. That single rule
// excludes ::, ::1, IPv4-compatible ::/96, 100::/64, fc00::/7, fe80::/10, fec0::/10 and ff00::/8.
const globalUnicastV6 = new BlockList()
globalUnicastV6.addSubnet('2000::', 3, 'ipv6')

/** Special ranges inside 2000::/3. */
const privateV6 = new BlockList()
privateV6.addSubnet('2001::', 23, 'ipv6') // IETF protocol assignments, incl. Teredo (tunnels to any IPv4)
privateV6.addSubnet('2001:db8::', 32, 'ipv6') // documentation
privateV6.addSubnet('2002::', 16, 'ipv6') // deprecated 6to4: embeds an arbitrary IPv4 address
privateV6.addSubnet('3fff::', 20, 'ipv6') // documentation (RFC 9637)

/** Prefixes whose last 32 bits are an IPv4 address the packet ends up at; that address decides. */
const embedsV4 = new BlockList()
embedsV4.addSubnet('::ffff:0:0', 96, 'ipv6') // IPv4-mapped
embedsV4.addSubnet('::ffff:0:0:0', 96, 'ipv6') // IPv4-translated (SIIT)
embedsV4.addSubnet('64:ff9b::', 96, 'ipv6') // NAT64 well-known prefix
const localNat64 = new BlockList()
localNat64.addSubnet('64:ff9b:1::', 48, 'ipv6') // local-use NAT64: an operator's private translation

/**
 * True when `address` is not a public unicast address. Accepts IPv4, IPv6 (with or without
 * brackets or a zone id). Anything that is not an IP literal counts as private: fail closed.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').split('%')[0] ?? ''
  const family = isIP(bare)
  if (family === 4) return privateV4.check(bare, 'ipv4')
  if (family !== 6) return true
  if (embedsV4.check(bare, 'ipv6')) {
    const v4 = lastIpv4(bare)
    return v4 === null || privateV4.check(v4, 'ipv4')
  }
  if (localNat64.check(bare, 'ipv6')) return true
  if (!globalUnicastV6.check(bare, 'ipv6')) return true
  return privateV6.check(bare, 'ipv6')
}

/** The IPv4 address in the low 32 bits of a valid IPv6 literal, or null if it cannot be read. */
function lastIpv4(v6: string): string | null {
  // The WHATWG URL parser canonicalises any valid IPv6 spelling (dotted tail, zero runs, case) to
  // compressed lower-case hex, which leaves only the final two groups to read.
  let canonical: string
  try {
    canonical = new URL(`http://[${v6}]/`).hostname.slice(1, -1)
  } catch {
    return null
  }
  const groups = canonical.split(':')
  const high = parseInt(groups.at(-2) || '0', 16)
  const low = parseInt(groups.at(-1) || '0', 16)
  if (Number.isNaN(high) || Number.isNaN(low)) return null
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

/**
 * Why a URL hostname (as `URL.hostname` gives it: IPv6 in brackets) is refused before any DNS,
 * or null when the name must go to DNS and be checked in the lookup.
 */
export function blockedHostReason(hostname: string): string | null {
  if (isLocalhostName(hostname)) return `${hostname} is a local name`
  const bare = hostname.replace(/^\[(.*)\]$/, '$1')
  if (isIP(bare) !== 0 && isPrivateAddress(bare)) return `${bare} is not a public address`
  return null
}

/**
 * A `lookup` for http.request / net.connect that refuses private addresses. Node calls it with
 * `{ all: true }` when autoSelectFamily is on (the Node 20 default) and without it otherwise; both
 * callback forms are served. If any answer is private the whole name is refused: a public vendor
 * has no reason to publish a private record, and mixing them is how rebinding tricks start.
 * Names are resolved with c-ares, never getaddrinfo (see dns.ts).
 */
export function createGuardedLookup(resolveAll: ResolveAll = resolveAllWithDns): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const fail = (err: NodeJS.ErrnoException) => (options.all ? callback(err, []) : callback(err, ''))
    if (isLocalhostName(hostname)) {
      fail(new BlockedAddressError(`${hostname} is a local name`))
      return
    }
    resolveAll(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return fail(err)
      const bad = addresses.find((a) => isPrivateAddress(a.address))
      if (bad) return fail(new BlockedAddressError(`${hostname} resolves to ${bad.address}, which is not a public address`))
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (!first) return fail(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }))
      callback(null, first.address, first.family)
    })
  }
}
