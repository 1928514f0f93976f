// The client address a rate limit is keyed on.
//
// `next start` fills X-Forwarded-For with the socket address only when the request has none
// (`??=`), and proxies (nginx `proxy_add_x_forwarded_for`, load balancers) append the address
// they saw. So the RIGHTMOST entry is the one added by the hop nearest to us; entries to its left
// are whatever the client claimed. Vercel replaces the header with the real client address.
// A client talking to `next start` directly can still pick its own address: the per-email limits
// hold regardless, which is why every limited action has both.
export function clientIp(headers: Pick<Headers, 'get'>): string {
  const forwarded = headers.get('x-forwarded-for')
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1)
  if (!last) return 'unknown'
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as 127.0.0.1.
  return last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 64)
}
