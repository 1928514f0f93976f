// HTTP for user-supplied destination URLs (webhooks, chat webhooks) and the services the senders
// speak. The same SSRF guard as the ingest (lib/ingest/http-guard.ts): the address is checked inside
// the socket's `lookup`, so the address checked is the address connected to, and IP-literal hosts
// are checked before connecting. Redirects are never followed (a 3xx is an answer like any other),
// every request has a total timeout, and a body beyond `maxBytes` is cut off.
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createOpenLookup, type ResolveAll } from '@/lib/ingest/dns'
import { BlockedAddressError, blockedHostReason, createGuardedLookup } from '@/lib/ingest/http-guard'
import type { OutboundHttp, OutboundRequest, OutboundResponse } from './types'

export type OutboundFailureKind = 'blocked' | 'timeout' | 'network' | 'too_large' | 'aborted'

export class OutboundHttpError extends Error {
  override name = 'OutboundHttpError'
  constructor(
    readonly kind: OutboundFailureKind,
    message: string,
  ) {
    super(message)
  }
}

export function isOutboundHttpError(e: unknown): e is OutboundHttpError {
  return e instanceof Error && e.name === 'OutboundHttpError' && typeof (e as { kind?: unknown }).kind === 'string'
}

export interface OutboundHttpOptions {
  /** Tests only (CHANNELS_ALLOW_PRIVATE_NETWORK): loopback and private addresses may be reached. */
  allowPrivateNetwork: boolean
  timeoutMs?: number
  maxBytes?: number
  /** DNS for the guarded lookup (tests inject answers). */
  resolveAll?: ResolveAll
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_BYTES = 256 * 1024
const USER_AGENT = 'Vendorwatch-Alerts/1 (+https://github.com/vendorwatch)'

/** Why a destination URL is refused before any network (scheme, credentials, local name, private literal), or null. */
export function urlRefusal(raw: string, allowPrivateNetwork: boolean): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'not a valid URL'
  }
  if (url.protocol !== 'https:' && !(allowPrivateNetwork && url.protocol === 'http:')) return 'must start with https://'
  if (url.username || url.password) return 'must not contain a user name or password'
  if (allowPrivateNetwork) return null
  return blockedHostReason(url.hostname)
}

export function createOutboundHttp(options: OutboundHttpOptions): OutboundHttp {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const lookup = options.allowPrivateNetwork ? createOpenLookup(options.resolveAll) : createGuardedLookup(options.resolveAll)
  const agentOptions = { keepAlive: true, timeout: 4_000, lookup } as const
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) }

  return (request: OutboundRequest) => {
    const refusal = urlRefusal(request.url, options.allowPrivateNetwork)
    if (refusal) return Promise.reject(new OutboundHttpError('blocked', refusal))
    const url = new URL(request.url)
    const started = performance.now()
    return new Promise<OutboundResponse>((resolve, reject) => {
      if (request.signal?.aborted) return reject(new OutboundHttpError('aborted', 'request aborted'))
      const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8')
      const client = url.protocol === 'https:' ? https : http
      const req = client.request(url, {
        method: request.method,
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        lookup,
        headers: {
          'User-Agent': USER_AGENT,
          ...(body ? { 'Content-Length': String(body.length) } : {}),
          ...request.headers,
        },
      })
      let settled = false
      const fail = (err: OutboundHttpError) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        request.signal?.removeEventListener('abort', onAbort)
        req.destroy()
        reject(err)
      }
      const timer = setTimeout(() => fail(new OutboundHttpError('timeout', `${url.host}: no complete answer within ${timeoutMs} ms`)), timeoutMs)
      const onAbort = () => fail(new OutboundHttpError('aborted', 'request aborted'))
      request.signal?.addEventListener('abort', onAbort, { once: true })
      req.on('error', (err) => {
        if (err instanceof BlockedAddressError) return fail(new OutboundHttpError('blocked', err.message))
        const code = (err as NodeJS.ErrnoException).code
        fail(new OutboundHttpError('network', `${url.host}: ${code ?? err.message}`))
      })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) return fail(new OutboundHttpError('too_large', `${url.host}: answer larger than ${maxBytes} bytes`))
          chunks.push(chunk)
        })
        res.on('error', (err) => fail(new OutboundHttpError('network', `${url.host}: ${err.message}`)))
        res.on('end', () => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          request.signal?.removeEventListener('abort', onAbort)
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8'), latencyMs: Math.round(performance.now() - started) })
        })
      })
      req.end(body)
    })
  }
}

/**
 * The save-time check of a destination URL: refused before any network for the reasons of
 * `urlRefusal`, then its name is resolved through the same guarded lookup the send uses, so a name
 * pointing at a private address is refused when it is saved (and again at every send: DNS changes).
 */
export async function checkDestinationUrl(raw: string, options: { allowPrivateNetwork: boolean; resolveAll?: ResolveAll }): Promise<string | null> {
  const refusal = urlRefusal(raw, options.allowPrivateNetwork)
  if (refusal || options.allowPrivateNetwork) return refusal
  const hostname = new URL(raw).hostname.replace(/^\[(.*)\]$/, '$1')
  // A public IP literal passed urlRefusal; there is no name to resolve.
  if (isIP(hostname) !== 0) return null
  const lookup = createGuardedLookup(options.resolveAll)
  return new Promise((resolve) => {
    lookup(hostname, { all: true }, (err) => {
      if (!err) return resolve(null)
      if (err instanceof BlockedAddressError) return resolve(err.message)
      resolve(`${hostname} does not resolve`)
    })
  })
}
