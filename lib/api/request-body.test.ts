import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { MAX_ACTION_BODY_BYTES, MAX_WEBHOOK_BODY_BYTES, checkPageRequestBody, readCappedBody, readCappedText, withBodyCap } from './request-body'

const CHUNK = 64 * 1024

/** A body that is produced only as it is read, like a socket: counts what was pulled and whether it was cancelled. */
function lazyBody(totalBytes: number) {
  const seen = { pulledBytes: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulledBytes >= totalBytes) return controller.close()
      const size = Math.min(CHUNK, totalBytes - seen.pulledBytes)
      seen.pulledBytes += size
      controller.enqueue(new Uint8Array(size).fill(0x61))
    },
    cancel() {
      seen.cancelled = true
    },
  }, { highWaterMark: 0 })
  return { stream, seen }
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body, headers, ...(body instanceof ReadableStream && { duplex: 'half' }) } as RequestInit)

describe('readCappedBody', () => {
  it('refuses a 2 MiB chunked body without buffering it: reading stops just past the cap', async () => {
    const { stream, seen } = lazyBody(2 * 1024 * 1024)
    expect(await readCappedBody(post(stream), MAX_WEBHOOK_BODY_BYTES)).toEqual({ ok: false, status: 413 })
    expect(seen.pulledBytes).toBeLessThanOrEqual(MAX_WEBHOOK_BODY_BYTES + CHUNK)
    expect(seen.cancelled).toBe(true)
  })

  it('refuses a declared Content-Length over the cap before reading a byte', async () => {
    const { stream, seen } = lazyBody(2 * 1024 * 1024)
    expect(await readCappedBody(post(stream, { 'content-length': String(2 * 1024 * 1024) }), MAX_WEBHOOK_BODY_BYTES)).toEqual({ ok: false, status: 413 })
    expect(seen.pulledBytes).toBe(0)
  })

  it('answers 400 for a Content-Length that is not a number', async () => {
    for (const bad of ['-1', '1e9', 'abc', '99999999999999999999']) {
      expect(await readCappedBody(post('x', { 'content-length': bad }), 100)).toEqual({ ok: false, status: 400 })
    }
  })

  it('reads a body within the cap exactly, even with a character split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"type":"é✓"}')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10))
        controller.enqueue(bytes.slice(10))
        controller.close()
      },
    })
    expect(await readCappedText(post(stream), 1024)).toEqual({ ok: true, text: '{"type":"é✓"}' })
    expect(await readCappedText(post('x'.repeat(1024)), 1024)).toMatchObject({ ok: true })
    expect(await readCappedText(post('x'.repeat(1025)), 1024)).toEqual({ ok: false, status: 413 })
    expect(await readCappedText(post(null), 1024)).toEqual({ ok: true, text: '' })
  })
})

describe('withBodyCap', () => {
  it('hands the wrapped handler the same request within the cap, and never calls it past the cap', async () => {
    const received: string[] = []
    const handler = withBodyCap(async (request) => {
      received.push(`${request.method} ${request.nextUrl.pathname} ${request.headers.get('content-type')} ${await request.text()}`)
      return new Response('ok')
    }, 1024)
    const form = (body: string) => new NextRequest('http://localhost/api/auth/signout', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })

    expect((await handler(form('csrfToken=abc'))).status).toBe(200)
    expect((await handler(form('x'.repeat(2048)))).status).toBe(413)
    expect(received).toEqual(['POST /api/auth/signout application/x-www-form-urlencoded csrfToken=abc'])
  })
})

describe('checkPageRequestBody', () => {
  const headers = (h: Record<string, string>) => new Headers(h)
  it('lets reads and declared bodies within the server-action limit through', () => {
    expect(checkPageRequestBody('GET', headers({}))).toBe('ok')
    expect(checkPageRequestBody('POST', headers({ 'content-length': String(MAX_ACTION_BODY_BYTES) }))).toBe('ok')
    expect(checkPageRequestBody('POST', headers({}))).toBe('ok')
  })
  it('refuses a declared body past the limit (413), an undeclared chunked one (411) and a bad length (400)', () => {
    expect(checkPageRequestBody('POST', headers({ 'content-length': String(MAX_ACTION_BODY_BYTES + 1) }))).toBe(413)
    expect(checkPageRequestBody('POST', headers({ 'transfer-encoding': 'chunked' }))).toBe(411)
    expect(checkPageRequestBody('POST', headers({ 'content-length': '1e9' }))).toBe(400)
  })
  it('is the limit next.config.js gives server actions', async () => {
    const config = (await import('@/next.config.js')).default as { experimental: { serverActions: { bodySizeLimit: string } } }
    expect(config.experimental.serverActions.bodySizeLimit).toBe(`${MAX_ACTION_BODY_BYTES / 1024}kb`)
  })
})
