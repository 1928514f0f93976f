// A local TCP port nothing listens on (the OS picks it; the probe server is closed again). Tests use
// it to start a server on a free port, or to have a connection refused as with no route to a host.
import net from 'node:net'

export function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
