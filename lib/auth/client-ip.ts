// The client address rate limits are keyed on, by one rule set by TRUST_PROXY (lib/env.ts):
//
//   none        the TCP peer, as our server (scripts/server.mjs) stamps it. X-Forwarded-For is
//               ignored: with nobody in front of us, the client writes it.
//   1..10       that many proxies of ours each append the address they saw to X-Forwarded-For,
//               so the Nth entry from the right was written by the outermost one; entries further
//               left are whatever the client claimed.
//   vercel      x-vercel-forwarded-for (then x-real-ip), which Vercel's edge overwrites.
//   cloudflare  cf-connecting-ip, which Cloudflare overwrites.
//
// Nothing usable gives 'unknown': one shared bucket, never an address a client chose.
import { isIP } from 'node:net'
import { env, type TrustProxy } from '@/lib/env'
import { isPeerAddressStamped, PEER_ADDRESS_HEADER } from '@/lib/http/peer-address.mjs'

export const UNKNOWN_IP = 'unknown'
type HeaderReader = Pick<Headers, 'get'>

let warnedNoPeer = false

export function clientIp(headers: HeaderReader): string {
  const ip = resolveClientIp(headers, env.TRUST_PROXY, isPeerAddressStamped())
  if (ip === UNKNOWN_IP && env.TRUST_PROXY === 'none' && !isPeerAddressStamped() && !warnedNoPeer) {
    warnedNoPeer = true
    console.warn('[client-ip] no peer address: serve through `npm start` (scripts/server.mjs) or set TRUST_PROXY; rate limits share one bucket until then')
  }
  return ip
}

/** The rule itself, with the setting and the server's mark passed in. */
export function resolveClientIp(headers: HeaderReader, trust: TrustProxy, peerStamped: boolean): string {
  const peer = peerStamped ? normalizeIp(headers.get(PEER_ADDRESS_HEADER)) : UNKNOWN_IP
  if (trust === 'none') return peer
  if (trust === 'vercel') return firstKnown(headers.get('x-vercel-forwarded-for')?.split(',')[0], headers.get('x-real-ip')) ?? peer
  if (trust === 'cloudflare') return firstKnown(headers.get('cf-connecting-ip')) ?? peer
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (entries.length === 0) return peer
  // Fewer entries than proxies: all of them were written by our proxies; the leftmost is the client.
  return normalizeIp(entries[Math.max(0, entries.length - trust)])
}

function firstKnown(...candidates: (string | null | undefined)[]): string | undefined {
  return candidates.map(normalizeIp).find((ip) => ip !== UNKNOWN_IP)
}

/** A bare IPv4 or IPv6 address, or 'unknown'. Drops ports, brackets and the IPv4-mapped prefix. */
export function normalizeIp(raw: string | null | undefined): string {
  let ip = raw?.trim() ?? ''
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip)
  if (bracketed?.[1]) ip = bracketed[1]
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'))
  ip = ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
  return isIP(ip) ? ip.toLowerCase() : UNKNOWN_IP
}

/**
 * The network an address belongs to: IPv4 /24, IPv6 /64. One subscriber usually holds a whole
 * /64 (and can pick any address in it), and often sits among neighbours in a /24, so limits that
 * must not be escaped by changing address are keyed on this.
 */
export function networkOf(ip: string): string {
  if (isIP(ip) === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`
  if (isIP(ip) === 6) return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`
  return UNKNOWN_IP
}

function expandIpv6(ip: string): string[] {
  // An embedded IPv4 tail (::1.2.3.4) holds the last 32 bits, not the first 64: write it as hex.
  const withoutV4 = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(':'),
  )
  const [head = '', tail] = withoutV4.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return groups.map((g) => g.padStart(4, '0'))
}
