// Name resolution for the ingest fetcher. Never getaddrinfo (dns.lookup): it runs on libuv's
// thread pool, where DNS work may use at most half of the 4 threads, and every other lookup in the
// process queues behind it, including the `localhost` lookup Next.js makes when a server action
// redirects (it fetches the target from its own server, with a 10 s connect timeout). A cycle of
// ~1,000 vendors whose names do not resolve held that lookup for 27-49 s (measured; issue 11 #2).
// c-ares (dns.Resolver) runs on the event loop's own sockets and holds no thread.
import { Resolver, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'

export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

/** Status pages are public DNS names, so skipping /etc/hosts loses nothing. */
const resolver = new Resolver({ timeout: 2_000, tries: 2 })

export const resolveAllWithDns: ResolveAll = (hostname, options, callback) => {
  const ask = (family: 4 | 6) =>
    new Promise<LookupAddress[]>((resolve, reject) => {
      const done = (err: NodeJS.ErrnoException | null, addresses: string[]) => (err ? reject(err) : resolve(addresses.map((address) => ({ address, family }))))
      if (family === 4) resolver.resolve4(hostname, done)
      else resolver.resolve6(hostname, done)
    })
  const families: (4 | 6)[] = options.family === 4 ? [4] : options.family === 6 ? [6] : [4, 6]
  void Promise.allSettled(families.map(ask)).then((results) => {
    const addresses = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []))
    if (addresses.length) return callback(null, addresses)
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    const reason = (rejected?.reason as NodeJS.ErrnoException | undefined) ?? Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' })
    callback(reason, [])
  })
}

const LOOPBACK: LookupAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
]

/**
 * The `lookup` of a client allowed to reach private networks (tests, local fixture servers): no
 * address policy, but still no getaddrinfo. `localhost` names (which c-ares does not read from
 * /etc/hosts) answer loopback, as RFC 6761 says they must.
 */
export function createOpenLookup(resolveAll: ResolveAll = resolveAllWithDns): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const answer = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses
      if (err || wanted.length === 0) {
        const error = err ?? Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' })
        return options.all ? callback(error, []) : callback(error, '')
      }
      if (options.all) return callback(null, wanted)
      const first = wanted[0] as LookupAddress
      callback(null, first.address, first.family)
    }
    const name = hostname.toLowerCase().replace(/\.$/, '')
    if (name === 'localhost' || name.endsWith('.localhost')) return answer(null, LOOPBACK)
    resolveAll(hostname, { ...options, all: true }, answer)
  }
}
