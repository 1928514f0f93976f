// The address of the TCP peer, handed from our Node server (scripts/server.mjs) to the app.
//
// Next.js gives route handlers and server actions no socket, only headers; and `next start` puts
// the socket address into X-Forwarded-For only when the request has none (`??=`), so there the
// header is whatever the client says. Our server therefore writes the socket address into a
// private header, overwriting any copy the client sent, and marks the process so the app knows
// the header is ours: under a plain `next start` (no mark) the header is ignored, never trusted.
// Plain JavaScript: the server script runs under bare `node`, before any bundler.

export const PEER_ADDRESS_HEADER = 'x-vendorwatch-peer-address'
const STAMPED = Symbol.for('vendorwatch.peer-address-stamped')

/** Called once by the server script, before Next.js handles any request. */
export function markPeerAddressStamped() {
  globalThis[STAMPED] = true
}

/** True when this process serves requests through our server, so the header can be trusted. */
export function isPeerAddressStamped() {
  return globalThis[STAMPED] === true
}

/** Replaces whatever the client sent under our header with the socket's address. */
export function stampPeerAddress(req) {
  delete req.headers[PEER_ADDRESS_HEADER]
  const address = req.socket?.remoteAddress
  if (address) req.headers[PEER_ADDRESS_HEADER] = address
}
