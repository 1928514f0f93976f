// One local server standing in for the PagerDuty Events API v2 and for webhook receivers that
// verify Standard Webhooks signatures (with the `standardwebhooks` package, as a customer would).
// It records what it got, and can be told to answer an error once or for good, or to answer slowly.
//
//   POST /pagerduty/v2/enqueue        PagerDuty: 202 {status, message, dedup_key}; 400 for an unknown routing key
//   POST /hooks/<name>                a webhook receiver: verifies with the secret registered for <name>
//   POST /__secret/<name>             registers the receiver's secret (body: the `whsec_` secret)
//   POST /__fail?path=/x&status=500&times=1   the next `times` requests to /x answer `status` (410: for good)
//   GET  /__received                  everything received, in order
//   POST /__reset
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface PagerDutyCall {
  routingKey: string
  action: string
  dedupKey: string | null
  body: Record<string, unknown>
  receivedAt: string
}

export interface WebhookCall {
  name: string
  id: string | null
  timestamp: string | null
  verified: boolean
  /** Why verification failed, when it did. */
  error: string | null
  body: unknown
  receivedAt: string
}

export interface ChannelStandins {
  url: string
  port: number
  pagerduty: PagerDutyCall[]
  webhooks: WebhookCall[]
  /** Every request with the status it got. */
  calls: { path: string; status: number }[]
  setSecret(name: string, secret: string): void
  /** The next `times` requests to `path` answer `status` (Infinity: for good). */
  fail(path: string, status: number, times?: number, headers?: Record<string, string>): void
  reset(): void
  close(): Promise<void>
}

export interface ChannelStandinOptions {
  port?: number
  host?: string
  /** Answer after a delay drawn from [min, max] ms (benchmarks: 100–300). */
  latencyMs?: { min: number; max: number }
  /** Keep bodies (default) or only what the tests count (benchmarks send thousands). */
  keepBodies?: boolean
  /** Routing keys PagerDuty knows; unset: any key of 32 characters. */
  routingKeys?: string[]
}

export async function startChannelStandins(options: ChannelStandinOptions = {}): Promise<ChannelStandins> {
  const pagerduty: PagerDutyCall[] = []
  const webhooks: WebhookCall[] = []
  const calls: ChannelStandins['calls'] = []
  const secrets = new Map<string, string>()
  const failures = new Map<string, { status: number; times: number; headers: Record<string, string> }>()
  const keep = options.keepBodies ?? true

  const answer = (res: http.ServerResponse, path: string, status: number, body: unknown, headers: Record<string, string> = {}) => {
    calls.push({ path, status })
    const send = () => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
    const latency = options.latencyMs
    if (latency && !path.startsWith('/__')) setTimeout(send, latency.min + Math.random() * (latency.max - latency.min))
    else send()
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://standin')
      const path = url.pathname
      if (req.method === 'GET' && path === '/__received') return answer(res, path, 200, { pagerduty, webhooks, calls })
      if (req.method === 'POST' && path === '/__reset') {
        reset()
        return answer(res, path, 200, { ok: true })
      }
      if (req.method === 'POST' && path.startsWith('/__secret/')) {
        secrets.set(decodeURIComponent(path.slice('/__secret/'.length)), raw.trim())
        return answer(res, path, 200, { ok: true })
      }
      if (req.method === 'POST' && path === '/__fail') {
        const times = url.searchParams.get('times')
        fail(url.searchParams.get('path') ?? '/', Number(url.searchParams.get('status') ?? 500), times === 'forever' ? Infinity : Number(times ?? 1))
        return answer(res, path, 200, { ok: true })
      }
      const failure = failures.get(path)
      if (failure && failure.times > 0) {
        failure.times--
        return answer(res, path, failure.status, { error: `told to answer ${failure.status}` }, failure.headers)
      }
      if (req.method === 'POST' && path === '/pagerduty/v2/enqueue') return pagerDuty(res, path, raw)
      if (req.method === 'POST' && path.startsWith('/hooks/')) return webhook(req, res, path, raw)
      answer(res, path, 404, { error: 'not found' })
    })
  })

  function pagerDuty(res: http.ServerResponse, path: string, raw: string) {
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return answer(res, path, 400, { status: 'invalid event', message: 'Event object is invalid', errors: ['not JSON'] })
    }
    const routingKey = typeof body.routing_key === 'string' ? body.routing_key : ''
    const known = options.routingKeys ? options.routingKeys.includes(routingKey) : routingKey.length === 32
    if (!known) return answer(res, path, 400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key'] })
    const action = String(body.event_action)
    if (!['trigger', 'acknowledge', 'resolve'].includes(action)) return answer(res, path, 400, { status: 'invalid event', message: 'Event object is invalid', errors: ['event_action is invalid'] })
    const dedupKey = typeof body.dedup_key === 'string' ? body.dedup_key : null
    pagerduty.push({ routingKey, action, dedupKey, body: keep ? body : {}, receivedAt: new Date().toISOString() })
    answer(res, path, 202, { status: 'success', message: 'Event processed', dedup_key: dedupKey ?? 'generated' })
  }

  function webhook(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string) {
    const name = decodeURIComponent(path.slice('/hooks/'.length))
    const header = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : null)
    const secret = secrets.get(name)
    let verified = false
    let error: string | null = null
    let body: unknown = null
    if (!secret) error = 'no secret registered for this receiver'
    else {
      try {
        body = new Webhook(secret).verify(raw, { 'webhook-id': header('webhook-id') ?? '', 'webhook-timestamp': header('webhook-timestamp') ?? '', 'webhook-signature': header('webhook-signature') ?? '' })
        verified = true
      } catch (e) {
        error = e instanceof Error ? e.message : String(e)
      }
    }
    webhooks.push({ name, id: header('webhook-id'), timestamp: header('webhook-timestamp'), verified, error, body: keep ? body : null, receivedAt: new Date().toISOString() })
    answer(res, path, verified ? 204 : 401, verified ? null : { error })
  }

  function fail(path: string, status: number, times = 1, headers: Record<string, string> = {}) {
    failures.set(path, { status, times, headers })
  }

  function reset() {
    pagerduty.length = 0
    webhooks.length = 0
    calls.length = 0
    failures.clear()
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pagerduty,
    webhooks,
    calls,
    setSecret: (name, secret) => secrets.set(name, secret),
    fail,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
