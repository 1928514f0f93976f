// Email threading: every email about one incident (or one maintenance, or one possible outage) lands
// in one conversation. The first email's Message-ID is the thread root; later ones refer to it
// (RFC 5322 In-Reply-To and References). Roots are per recipient, so no two messages ever share a
// Message-ID. Clients that thread by headers (Apple Mail, Outlook, Thunderbird) follow them; Gmail
// also wants the subject to stay the same, which ours does not when the status changes (the issue
// asks for the status in the subject), so Gmail may split a long incident into a few threads.
//
// An official incident that follows a possible outage (issue 19) continues the possible outage's
// conversation for a reader who got its email: the incident's first email keeps its own root
// Message-ID (so the incident's later emails still thread to it) and replies to the possible
// outage's root; every email of the incident lists both roots in References.
export interface ThreadHeaders {
  'Message-ID': string
  'In-Reply-To'?: string
  References?: string
}

export type ThreadKind = 'incident' | 'maintenance' | 'possible-outage'

export interface ThreadRef {
  kind: ThreadKind
  id: string
}

export function threadRoot(host: string, userId: string, ref: ThreadRef): string {
  return `<${ref.kind}-${ref.id}.${userId}@${host}>`
}

export function threadHeaders(args: { host: string; deliveryId: string; userId: string; thread: (ThreadRef & { isFirst: boolean; follows?: ThreadRef | null }) | null }): ThreadHeaders {
  const own = `<delivery-${args.deliveryId}@${args.host}>`
  if (!args.thread) return { 'Message-ID': own }
  const root = threadRoot(args.host, args.userId, args.thread)
  const earlier = args.thread.follows ? threadRoot(args.host, args.userId, args.thread.follows) : null
  if (args.thread.isFirst) return earlier ? { 'Message-ID': root, 'In-Reply-To': earlier, References: earlier } : { 'Message-ID': root }
  return { 'Message-ID': own, 'In-Reply-To': root, References: earlier ? `${earlier} ${root}` : root }
}
