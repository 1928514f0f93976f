// Email threading: every email about one incident (or one maintenance) lands in one conversation.
// The first email's Message-ID is the thread root; later ones refer to it (RFC 5322 In-Reply-To
// and References). Roots are per recipient, so no two messages ever share a Message-ID. Clients
// that thread by headers (Apple Mail, Outlook, Thunderbird) follow them; Gmail also wants the
// subject to stay the same, which ours does not when the status changes (the issue asks for the
// status in the subject), so Gmail may split a long incident into a few threads.
export interface ThreadHeaders {
  'Message-ID': string
  'In-Reply-To'?: string
  References?: string
}

export function threadHeaders(args: { host: string; deliveryId: string; userId: string; thread: { kind: 'incident' | 'maintenance'; id: string; isFirst: boolean } | null }): ThreadHeaders {
  const own = `<delivery-${args.deliveryId}@${args.host}>`
  if (!args.thread) return { 'Message-ID': own }
  const root = `<${args.thread.kind}-${args.thread.id}.${args.userId}@${args.host}>`
  return args.thread.isFirst ? { 'Message-ID': root } : { 'Message-ID': own, 'In-Reply-To': root, References: root }
}
