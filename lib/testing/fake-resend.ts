// A local stand-in for the Resend API (POST /emails, POST /emails/batch), close enough to the real
// one for our code to run unchanged against it through the official SDK (RESEND_BASE_URL):
// bearer auth, JSON error bodies, Idempotency-Key semantics (same key + same body -> the first
// answer again; same key + another body -> 409 invalid_idempotent_request), and injectable
// failures (429, 5xx, timeouts). It records every message it accepted.
import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedEmail {
  id: string
  from: string
  to: string | string[]
  subject: string
  html?: string
  text?: string
  headers: Record<string, string>
  receivedAt: string
}

export interface FakeResend {
  url: string
  port: number
  messages: ReceivedEmail[]
  /** Every API call, accepted or not. */
  calls: { path: string; status: number; idempotencyKey: string | null; count: number }[]
  /** The next `count` calls answer `status` (429, 500...) or hang past the client's timeout ('hang'). */
  failNext(count: number, status: number | 'hang'): void
  reset(): void
  close(): Promise<void>
}

const ERROR_NAMES: Record<number, string> = { 401: 'missing_api_key', 409: 'invalid_idempotent_request', 422: 'validation_error', 429: 'rate_limit_exceeded', 500: 'internal_server_error' }

export interface FakeResendOptions {
  port?: number
  apiKey?: string
  /** Answer after this many ms (Resend's own latency, for benchmarks). */
  latencyMs?: number
  /** Keep message bodies (default) or only their envelope (benchmarks send thousands). */
  keepBodies?: boolean
}

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const messages: ReceivedEmail[] = []
  const calls: FakeResend['calls'] = []
  const idempotent = new Map<string, { bodyHash: string; response: unknown }>()
  const failures: (number | 'hang')[] = []
  const hanging = new Set<http.ServerResponse>()

  const error = (res: http.ServerResponse, status: number, message: string) =>
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 && { 'retry-after': '1' }) }).end(JSON.stringify({ statusCode: status, name: ERROR_NAMES[status] ?? 'application_error', message }))

  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? ''
      if (req.method === 'GET' && path === '/__messages') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages))
      if (req.method === 'GET' && path === '/__stats') {
        const accepted = calls.filter((c) => c.status === 200)
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: messages.length, calls: calls.length, acceptedCalls: accepted.length }))
      }
      if (req.method === 'POST' && path === '/__reset') {
        messages.length = 0
        calls.length = 0
        return res.writeHead(200).end('{}')
      }
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      const record = (status: number, count: number) => calls.push({ path, status, idempotencyKey: key, count })
      if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) return error(res, 404, 'not found')
      if (req.headers.authorization !== `Bearer ${options.apiKey ?? 're_test_key'}`) return (record(401, 0), error(res, 401, 'Missing or invalid API key'))
      const failure = failures.shift()
      if (failure === 'hang') {
        record(0, 0)
        hanging.add(res)
        return
      }
      if (failure !== undefined) return (record(failure, 0), error(res, failure, 'injected failure'))

      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch {
        return (record(422, 0), error(res, 422, 'invalid JSON'))
      }
      const bodyHash = createHash('sha256').update(raw).digest('hex')
      if (key) {
        const seen = idempotent.get(key)
        if (seen && seen.bodyHash !== bodyHash) return (record(409, 0), error(res, 409, 'Same idempotency key used with a different request payload.'))
        if (seen) return (record(200, 0), res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen.response)))
      }
      const items = (path === '/emails/batch' ? body : [body]) as Record<string, unknown>[]
      if (!Array.isArray(items) || items.length > 100 || items.some((m) => !m.to || !m.from || !m.subject)) return (record(422, 0), error(res, 422, 'invalid email'))
      const accepted = items.map((m) => ({
        id: randomUUID(),
        from: String(m.from),
        to: m.to as string | string[],
        subject: String(m.subject),
        html: m.html as string | undefined,
        text: m.text as string | undefined,
        headers: (m.headers as Record<string, string> | undefined) ?? {},
        receivedAt: new Date().toISOString(),
      }))
      messages.push(...(options.keepBodies === false ? accepted.map(({ html: _html, text: _text, ...envelope }) => envelope) : accepted))
      const response = path === '/emails/batch' ? { data: accepted.map((m) => ({ id: m.id })) } : { id: accepted[0]?.id }
      if (key) idempotent.set(key, { bodyHash, response })
      record(200, accepted.length)
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response))
      if (options.latencyMs) setTimeout(answer, options.latencyMs)
      else answer()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    messages,
    calls,
    failNext: (count, status) => failures.push(...Array.from({ length: count }, () => status)),
    reset: () => {
      messages.length = 0
      calls.length = 0
      failures.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
