// The one HTTP client the ingest pipeline uses to read vendors' status pages.
//
// It runs every minute against ~2,000 hosts we do not control, forever, so every request ends: a
// connect timer and a total timer are always armed and always cleared, and the request is destroyed
// on every failure path. Failures are typed (FetchFailureKind) so the refresh can record why a
// vendor is stale without parsing messages. node:http is used instead of fetch so the socket-level
// pieces (address policy in `lookup`, connect timeout, agents) are in our hands.
import http from 'node:http'
import https from 'node:https'
import { performance } from 'node:perf_hooks'
import { createOpenLookup } from './dns'
import { BlockedAddressError, blockedHostReason, createGuardedLookup } from './http-guard'
import { ContentEncodingError, DecodedTooLargeError, decodeBody, decompressBody, parseRetryAfter } from './http-decode'
import { createHostLimiter } from './host-limiter'

export { decodeBody } from './http-decode'
export { createHostLimiter } from './host-limiter'

/** `aborted`: the caller's AbortSignal fired (the process is stopping); not the vendor's fault. */
export type FetchFailureKind = 'http' | 'network' | 'timeout' | 'too_large' | 'blocked' | 'redirect' | 'aborted'

export class FetchError extends Error {
  override name = 'FetchError'
  readonly kind: FetchFailureKind
  /** The URL the caller asked for (not the redirect hop that failed; the message names that). */
  readonly url: string
  readonly status?: number
  readonly retryAfterSeconds?: number

  constructor(kind: FetchFailureKind, url: string, message: string, extra: { status?: number; retryAfterSeconds?: number } = {}) {
    super(message)
    this.kind = kind
    this.url = url
    if (extra.status !== undefined) this.status = extra.status
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds
  }
}

/**
 * Type guard by name rather than instanceof: Next bundles instrumentation and routes separately,
 * so one process can hold two copies of this class (and the shared client throws the other one's).
 */
export function isFetchError(e: unknown): e is FetchError {
  return e instanceof Error && e.name === 'FetchError' && typeof (e as { kind?: unknown }).kind === 'string'
}

export interface ConditionalValidators {
  etag?: string
  lastModified?: string
}

export interface FetchTextOptions {
  accept?: string
  validators?: ConditionalValidators
  /** Ends the request (and a wait for a host slot) at once, failing it as `aborted`. */
  signal?: AbortSignal
  /** A smaller body cap for this request than the client's (a logo, not a status page). */
  maxBytes?: number
}

export type FetchTextResult =
  | { notModified: true; finalUrl: string }
  | {
      notModified: false
      status: number
      text: string
      /** Decoded (decompressed) body size in bytes. */
      bytes: number
      /** The decompressed body as received, for binary content (an image); `text` is its decoding. */
      body: Buffer
      etag?: string
      lastModified?: string
      contentType?: string
      finalUrl: string
    }

export interface HttpClientOptions {
  /** Total ms per fetchText from the moment it holds a host slot to the last body byte, across redirects. */
  timeoutMs: number
  /** DNS + TCP + TLS, per new connection. */
  connectTimeoutMs: number
  /** Cap on the decompressed body, and on the wire bytes and a declared Content-Length. */
  maxBytes: number
  maxRedirects: number
  /** Requests in flight per hostname; the rest wait, and waiting does not spend timeoutMs. */
  perHostConcurrency: number
  /** Only tests set this: it lets the client reach loopback and private addresses. */
  allowPrivateNetwork: boolean
  userAgent: string
}

export interface HttpClient {
  fetchText(url: string, options?: FetchTextOptions): Promise<FetchTextResult>
  /** Destroys pooled sockets. Later fetchText calls fail as `network`. */
  close(): void
}

export const DEFAULT_HTTP_OPTIONS = {
  timeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  maxBytes: 8 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  userAgent: 'Vendorwatch/0.1 (+https://github.com/vendorwatch; status monitor)',
} satisfies Omit<HttpClientOptions, 'allowPrivateNetwork'>

/**
 * Keep-alive lets a vendor's 2–3 endpoint requests share one connection; idle sockets close after
 * this many ms (sooner if the server's Keep-Alive hint says so), well before the next minute's
 * cycle, so thousands of hosts never hold sockets open between cycles. Below the common 5 s server
 * idle timeout, which makes reusing a socket the server is closing rarer.
 */
const FREE_SOCKET_TIMEOUT_MS = 4_000
/** Bodies of redirects and errors are read (to keep the socket reusable) up to this, then dropped. */
const DISCARD_BODY_LIMIT = 64 * 1024
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

interface HopResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

interface HopContext {
  requestedUrl: string
  headers: Record<string, string>
  connectTimeoutMs: number
  maxBytes: number
  agents: { http: http.Agent; https: https.Agent }
  lookup: ReturnType<typeof createGuardedLookup>
  signal: AbortSignal | undefined
}

/** A keep-alive socket the server had already closed: safe to retry a GET once on a fresh one. */
class StaleSocketError extends Error {}

const abortedError = (url: string) => new FetchError('aborted', url, 'request aborted: the refresh is stopping')

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text)

function networkError(ctx: HopContext, url: URL, err: unknown): FetchError {
  if (isFetchError(err)) return err
  if (err instanceof BlockedAddressError) return new FetchError('blocked', ctx.requestedUrl, err.message)
  const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined
  const message = err instanceof Error ? err.message : String(err)
  const text = code && !message.includes(code) ? `${code}: ${message}` : message
  return new FetchError('network', ctx.requestedUrl, shorten(`${url.host}: ${text}`))
}

/** One request/response exchange. Resolves with the body (for 2xx) or a drained, discarded body. */
function runHop(url: URL, ctx: HopContext, budgetMs: number): Promise<HopResponse> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:'
    const request = isHttps ? https.request : http.request
    const req = request(url, {
      method: 'GET',
      headers: ctx.headers,
      agent: isHttps ? ctx.agents.https : ctx.agents.http,
      lookup: ctx.lookup,
    })
    let settled = false
    let responded = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(totalTimer)
      clearTimeout(connectTimer)
      ctx.signal?.removeEventListener('abort', onAbort)
      outcome()
    }
    const fail = (err: Error) =>
      finish(() => {
        req.destroy()
        reject(err)
      })
    const totalTimer = setTimeout(
      () => fail(new FetchError('timeout', ctx.requestedUrl, `${url.host}: no complete response within ${Math.round(budgetMs)} ms`)),
      budgetMs,
    )
    const connectTimer = setTimeout(
      () => fail(new FetchError('timeout', ctx.requestedUrl, `${url.host}: connect timed out after ${ctx.connectTimeoutMs} ms`)),
      ctx.connectTimeoutMs,
    )
    const onAbort = () => fail(abortedError(ctx.requestedUrl))
    ctx.signal?.addEventListener('abort', onAbort, { once: true })
    if (ctx.signal?.aborted) onAbort()

    req.on('socket', (socket) => {
      if (req.reusedSocket) clearTimeout(connectTimer)
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer))
    })
    // Listeners stay attached after settling, so a late socket error is absorbed, never unhandled.
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && !responded && (err.code === 'ECONNRESET' || err.code === 'EPIPE')
      fail(stale ? new StaleSocketError(err.message) : networkError(ctx, url, err))
    })
    req.on('response', (res) => {
      responded = true
      clearTimeout(connectTimer)
      const status = res.statusCode ?? 0
      const keep = status >= 200 && status < 300
      const limit = keep ? ctx.maxBytes : DISCARD_BODY_LIMIT
      const chunks: Buffer[] = []
      let received = 0
      const overLimit = () => {
        if (keep) fail(new FetchError('too_large', ctx.requestedUrl, `${url.host}: body exceeds ${ctx.maxBytes} bytes`))
        // A body we were going to discard anyway: give up the socket instead of reading on.
        else
          finish(() => {
            req.destroy()
            resolve({ status, headers: res.headers, body: Buffer.alloc(0) })
          })
      }
      if (Number(res.headers['content-length']) > limit) return overLimit()
      res.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > limit) return overLimit()
        if (keep) chunks.push(chunk)
      })
      res.on('end', () => finish(() => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) })))
      res.on('error', (err) => fail(networkError(ctx, url, err)))
      res.on('close', () => {
        if (!res.complete) fail(new FetchError('network', ctx.requestedUrl, `${url.host}: connection closed before the body was complete`))
      })
    })
    req.end()
  })
}

async function runHopWithRetry(url: URL, ctx: HopContext, budgetMs: number): Promise<HopResponse> {
  const started = performance.now()
  try {
    return await runHop(url, ctx, budgetMs)
  } catch (err) {
    if (!(err instanceof StaleSocketError)) throw err
    const leftMs = budgetMs - (performance.now() - started)
    if (leftMs <= 0) throw new FetchError('timeout', ctx.requestedUrl, `${url.host}: no complete response in time`)
    return runHop(url, ctx, leftMs).catch((retryErr: unknown) => {
      throw networkError(ctx, url, retryErr)
    })
  }
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agentOptions = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS, scheduling: 'lifo' } as const
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) }
  const limiter = createHostLimiter(options.perHostConcurrency)
  // Both lookups resolve with c-ares, never on the thread pool (see dns.ts).
  const lookup = options.allowPrivateNetwork ? createOpenLookup() : createGuardedLookup()
  let closed = false

  async function fetchText(requestedUrl: string, fetchOptions: FetchTextOptions = {}): Promise<FetchTextResult> {
    const { validators, signal } = fetchOptions
    const headers: Record<string, string> = {
      'User-Agent': options.userAgent,
      Accept: fetchOptions.accept ?? 'application/json',
      'Accept-Encoding': 'gzip, deflate, br',
    }
    if (validators?.etag) headers['If-None-Match'] = validators.etag
    if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified
    const maxBytes = Math.min(options.maxBytes, fetchOptions.maxBytes ?? options.maxBytes)
    const ctx: HopContext = { requestedUrl, headers, connectTimeoutMs: options.connectTimeoutMs, maxBytes, agents, lookup, signal }
    const fail = (kind: FetchFailureKind, message: string) => new FetchError(kind, requestedUrl, message)

    let url: URL
    try {
      url = new URL(requestedUrl)
    } catch {
      throw fail('blocked', 'not a valid URL')
    }
    const visited = new Set<string>()
    let budgetMs = options.timeoutMs
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail('blocked', `${url.protocol} URLs are not fetched`)
      const reason = options.allowPrivateNetwork ? null : blockedHostReason(url.hostname)
      if (reason) throw fail('blocked', reason)
      visited.add(url.href)

      if (closed) throw fail('network', 'http client is closed')
      if (signal?.aborted) throw abortedError(requestedUrl)
      const release = await limiter.acquire(url.hostname, signal)
      if (!release) throw abortedError(requestedUrl)
      const started = performance.now()
      let res: HopResponse
      try {
        // Checked again: close() may have run while this request waited for its slot.
        if (closed) throw fail('network', 'http client is closed')
        res = await runHopWithRetry(url, ctx, budgetMs)
      } finally {
        release()
      }
      budgetMs -= performance.now() - started

      if (REDIRECT_STATUSES.has(res.status)) {
        const location = res.headers.location
        if (!location) throw fail('redirect', `${url.host}: ${res.status} without a Location`)
        let next: URL
        try {
          next = new URL(location, url)
        } catch {
          throw fail('redirect', `${url.host}: unreadable Location`)
        }
        if (visited.has(next.href)) throw fail('redirect', `redirect loop at ${shorten(next.href)}`)
        if (redirects >= options.maxRedirects) throw fail('redirect', `more than ${options.maxRedirects} redirects`)
        if (budgetMs <= 0) throw fail('timeout', `no complete response within ${options.timeoutMs} ms`)
        url = next
        continue
      }
      return finalResult(res, url, ctx, Boolean(validators?.etag || validators?.lastModified))
    }
  }

  return {
    fetchText,
    close() {
      closed = true
      agents.http.destroy()
      agents.https.destroy()
    },
  }
}

async function finalResult(res: HopResponse, url: URL, ctx: HopContext, sentValidators: boolean): Promise<FetchTextResult> {
  const finalUrl = url.href
  const { status, headers } = res
  // A 304 to an unconditional request leaves the caller with no body to reuse: that is an error.
  if (status === 304 && sentValidators) return { notModified: true, finalUrl }
  if (status < 200 || status >= 300) {
    const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(headers['retry-after'], Date.now()) : undefined
    throw new FetchError('http', ctx.requestedUrl, `${url.host}: HTTP ${status}`, {
      status,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    })
  }
  let body: Buffer
  try {
    body = await decompressBody(res.body, headers['content-encoding'], ctx.maxBytes)
  } catch (err) {
    if (err instanceof DecodedTooLargeError) throw new FetchError('too_large', ctx.requestedUrl, `${url.host}: ${err.message}`)
    if (err instanceof ContentEncodingError) throw new FetchError('network', ctx.requestedUrl, `${url.host}: ${err.message}`)
    throw err
  }
  const contentType = headers['content-type']
  return {
    notModified: false,
    status,
    text: decodeBody(body, contentType),
    bytes: body.length,
    body,
    finalUrl,
    ...(headers.etag ? { etag: headers.etag } : {}),
    ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
    ...(contentType ? { contentType } : {}),
  }
}
