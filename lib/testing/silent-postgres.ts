// A TCP server that accepts connections and never says a word: what a hung PostgreSQL (a stopped
// VM, a full disk, a stuck proxy) looks like to a client. A refused connection fails fast by
// itself; this is the case only timeouts can end.
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface SilentServer {
  /** A postgresql:// URL pointing at the silent socket. */
  url: string
  /** Connections accepted so far. */
  connections: () => number
  close(): Promise<void>
}

export async function startSilentPostgres(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    // Read and drop whatever the client sends (its startup message), answer nothing.
    socket.resume()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/silent`,
    connections: () => accepted,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
