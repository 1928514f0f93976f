// The production HTTP server `npm start` runs (scripts/start.ts): Next.js's own request handler
// behind a plain Node server, for one reason: it knows the socket's peer address, which Next.js
// does not pass to route handlers or server actions. Every request gets it in a private header
// (lib/http/peer-address.mjs), the input of the client-IP rule (lib/auth/client-ip.ts).
// Usage: node scripts/server.mjs  (PORT, default 3000; listens on every interface, as `next start`)
import { createServer } from 'node:http'
import { markPeerAddressStamped, stampPeerAddress } from '../lib/http/peer-address.mjs'

// What `next start` does too; before Next.js is loaded, which reads it at import.
process.env.NODE_ENV = 'production'
const port = Number(process.env.PORT || 3000)

const { default: next } = await import('next')
markPeerAddressStamped()
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port })
const handle = app.getRequestHandler()
await app.prepare()

const server = createServer((req, res) => {
  stampPeerAddress(req)
  handle(req, res).catch((e) => {
    console.error('[server] request failed:', e)
    if (!res.headersSent) res.statusCode = 500
    res.end()
  })
})
server.listen(port, () => console.log(`[server] ready on http://localhost:${port}`))

// The app's own stop handler (lib/jobs/graceful-stop.ts, installed by instrumentation.ts) ends the
// refresh, closes the database and exits within 5 s; here only stop accepting connections, and exit
// later ourselves in case the app never installed its handler (a signal during startup).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close()
    setTimeout(() => app.close().finally(() => process.exit(0)), 6_000).unref()
  })
}
