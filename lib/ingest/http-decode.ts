// Turning a response's bytes into text: content-encoding (gzip/deflate/br) and charset. Pure apart
// from zlib's thread pool; the fetcher in http.ts owns sockets, timers and error kinds.
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib'

const decoders = {
  gzip: promisify<Buffer, ZlibOptions, Buffer>(gunzip),
  deflate: promisify<Buffer, ZlibOptions, Buffer>(inflate),
  deflateRaw: promisify<Buffer, ZlibOptions, Buffer>(inflateRaw),
  br: promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress),
}

/** Raised when decoding would exceed the byte cap (a compression bomb or just a huge body). */
export class DecodedTooLargeError extends Error {
  override name = 'DecodedTooLargeError'
}

/** Raised for an encoding we did not ask for, or bytes that are not valid for the named one. */
export class ContentEncodingError extends Error {
  override name = 'ContentEncodingError'
}

/**
 * Undoes `Content-Encoding` (a comma list, applied in order, so undone in reverse). zlib's
 * `maxOutputLength` stops inflation at `maxBytes`, so a bomb costs at most that much memory.
 */
export async function decompressBody(raw: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
  let body = raw
  for (const coding of codings.reverse()) {
    // Servers send Content-Encoding on empty bodies (e.g. 204); zlib would call that truncated.
    if (body.length === 0) return body
    const decode = pickDecoder(coding, body)
    if (!decode) throw new ContentEncodingError(`unsupported content-encoding "${coding.slice(0, 40)}"`)
    try {
      body = await decode(body, { maxOutputLength: maxBytes })
    } catch (err) {
      if (err instanceof RangeError && 'code' in err && err.code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DecodedTooLargeError(`decoded body exceeds ${maxBytes} bytes`)
      }
      throw new ContentEncodingError(`invalid ${coding} body`)
    }
  }
  if (body.length > maxBytes) throw new DecodedTooLargeError(`body exceeds ${maxBytes} bytes`)
  return body
}

function pickDecoder(coding: string, body: Buffer) {
  if (coding === 'gzip' || coding === 'x-gzip') return decoders.gzip
  if (coding === 'br') return decoders.br
  if (coding === 'deflate') {
    // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate. A zlib header
    // has compression method 8 in the low nibble of the first byte, which raw deflate rarely does.
    const first = body[0] ?? 0
    return (first & 0x0f) === 8 ? decoders.deflate : decoders.deflateRaw
  }
  return null
}

/** WHATWG windows-1252 for 0x80–0x9F; Node 20's TextDecoder maps these to C1 controls instead. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

// WHATWG Encoding treats these labels as windows-1252 (so do browsers for "latin1" pages).
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii'])

function decodeWindows1252(buf: Buffer): string {
  return buf.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined
  for (const param of contentType.split(';').slice(1)) {
    const [name, value] = param.split('=', 2)
    if (name?.trim().toLowerCase() === 'charset' && value) return value.trim().replace(/^"(.*)"$/, '$1').toLowerCase()
  }
  return undefined
}

/**
 * Bytes to text: a byte-order mark wins (AWS serves UTF-16 JSON with one and a wrong or missing
 * charset), then the Content-Type charset, then UTF-8 (the JSON default). Invalid bytes become
 * U+FFFD rather than failing: the source's schema decides whether the text is usable. The BOM is
 * never part of the result, so JSON.parse works on it.
 */
export function decodeBody(buf: Buffer, contentType?: string): string {
  let text: string
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = new TextDecoder('utf-8').decode(buf)
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf)
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf)
  else text = decodeWithCharset(buf, charsetOf(contentType))
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function decodeWithCharset(buf: Buffer, charset: string | undefined): string {
  if (charset && WINDOWS_1252_LABELS.has(charset)) return decodeWindows1252(buf)
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buf)
  } catch {
    // An unknown label (RangeError) falls back to the default rather than losing the body.
    return new TextDecoder('utf-8').decode(buf)
  }
}

/**
 * `Retry-After` as whole seconds from `nowMs`: delta-seconds or an HTTP date (past dates give 0).
 * Undefined when absent or unreadable. Not clamped: how long to back off is the caller's policy.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  // Date.parse also reads things like "-5" as a year; an HTTP date always names a day or month.
  if (!/[a-z]/i.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - nowMs) / 1000))
}
