// A local stand-in for vendors' status pages: serves recorded payloads (or anything a test sets)
// with ETags and conditional GET, optional latency, and a log of requests. Used by integration
// tests, the e2e environment (through its control endpoint) and the refresh benchmark.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FixtureRoute {
  body: string | Buffer
  status?: number
  contentType?: string
  /** Milliseconds before answering. */
  delayMs?: number
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>
}

export interface StatusServer {
  url: string
  port: number
  set(path: string, route: FixtureRoute): void
  remove(path: string): void
  /** Paths requested so far, in order (with 304s marked). */
  requests: { path: string; notModified: boolean }[]
  close(): Promise<void>
}

export async function startStatusServer(options: { host?: string; port?: number; onControl?: (req: http.IncomingMessage, body: string) => unknown } = {}): Promise<StatusServer> {
  const routes = new Map<string, FixtureRoute & { etag: string }>()
  const requests: StatusServer['requests'] = []
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/__control') && options.onControl) {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString('utf8')))
      req.on('end', () => {
        try {
          const out = options.onControl?.(req, body)
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out ?? { ok: true }))
        } catch (e) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (e as Error).message }))
        }
      })
      return
    }
    const route = routes.get(path)
    const answer = () => {
      if (!route) {
        requests.push({ path, notModified: false })
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      const notModified = req.headers['if-none-match'] === route.etag
      requests.push({ path, notModified })
      if (notModified) {
        res.writeHead(304, { etag: route.etag }).end()
        return
      }
      res.writeHead(route.status ?? 200, { ...route.headers, 'content-type': route.contentType ?? 'application/json', etag: route.etag }).end(route.body)
    }
    if (route?.delayMs) setTimeout(answer, route.delayMs)
    else answer()
  })
  server.keepAliveTimeout = 2_000
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    set(path, route) {
      const etag = `"${createHash('sha1').update(route.body).digest('hex').slice(0, 16)}"`
      routes.set(path, { ...route, etag })
    },
    remove(path) {
      routes.delete(path)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
