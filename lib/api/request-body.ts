// Reading a request body with a ceiling. `request.text()` buffers whatever a stranger sends before
// anything can check it (an unsigned 64 MiB POST to the Stripe webhook grew the process by 220 MB).
// Here a declared Content-Length over the cap is refused without reading a byte, and a body
// without one (chunked) is counted as it streams and abandoned as soon as it passes the cap, so
// at most `maxBytes` plus one chunk is ever held.
import { NextRequest } from 'next/server'

/** Stripe's events are a few KB; Auth.js posts a CSRF token and a callback URL. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024
export const MAX_AUTH_BODY_BYTES = 1024 * 1024

/**
 * Server actions (page POSTs). Must equal `experimental.serverActions.bodySizeLimit` in
 * next.config.js (a test holds them together); our largest form is ~40 KB.
 */
export const MAX_ACTION_BODY_BYTES = 256 * 1024

export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; status: 413 | 400 }

/** The body's bytes, or why not: 413 past `maxBytes`, 400 for a Content-Length that is not a number. */
export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = request.headers.get('content-length')
  if (declared !== null) {
    if (!/^\d{1,16}$/.test(declared.trim())) return refuse(request, 400)
    if (Number(declared) > maxBytes) return refuse(request, 413)
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      // Stops the upload: the rest is never pulled from the socket.
      await reader.cancel().catch(() => {})
      return { ok: false, status: 413 }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return { ok: true, bytes }
}

/** The body as UTF-8 text (exactly what `request.text()` would give), or why not. */
export async function readCappedText(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; status: 413 | 400 }> {
  const body = await readCappedBody(request, maxBytes)
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body
}

/** The JSON answer for a refused body. */
export function bodyRefused(status: 413 | 400): Response {
  return status === 413
    ? Response.json({ error: 'payload_too_large', message: 'The request body is too large.' }, { status: 413 })
    : Response.json({ error: 'bad_request', message: 'The Content-Length header is invalid.' }, { status: 400 })
}

/**
 * A route handler that only ever sees bodies within `maxBytes` (for handlers we do not own, such as
 * Auth.js's): the body is read with the cap, and the handler gets the same request over those bytes.
 */
export function withBodyCap(handler: (request: NextRequest) => Promise<Response>, maxBytes: number): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const body = await readCappedBody(request, maxBytes)
    if (!body.ok) return bodyRefused(body.status)
    return handler(new NextRequest(request, { body: body.bytes }))
  }
}

/**
 * The proxy's look at a page POST (a server action) before Next.js reads it. Next.js enforces
 * bodySizeLimit itself, but answers a fetch action that breaks it with a 500; and it buffers a
 * page POST for the proxy before the action sees it. So: a declared length past the limit is a
 * 413 here, and a body without a declared length (chunked) is a 411 — browsers always declare it.
 */
export function checkPageRequestBody(method: string, headers: Headers, maxBytes = MAX_ACTION_BODY_BYTES): 'ok' | 411 | 413 | 400 {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 'ok'
  const declared = headers.get('content-length')
  if (declared === null) return headers.has('transfer-encoding') ? 411 : 'ok'
  if (!/^\d{1,16}$/.test(declared.trim())) return 400
  return Number(declared) > maxBytes ? 413 : 'ok'
}

async function refuse(request: Request, status: 413 | 400): Promise<CappedBody> {
  await request.body?.cancel().catch(() => {})
  return { ok: false, status }
}
