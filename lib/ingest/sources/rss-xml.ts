// A minimal, non-validating XML tokenizer for RSS/Atom feeds. The project has no XML library, and
// feeds are fetched from third parties, so every scan here is linear: it moves a cursor forward
// with indexOf or a single character loop, never a backtracking regex, never recursion. Custom
// DTD entities are never expanded (no "billion laughs"), and a body that ends inside a tag,
// comment or CDATA section is reported as truncated rather than half-read.
import { SourceParseError } from './types'

export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean; start: number; end: number }
  | { kind: 'close'; name: string; start: number; end: number }
  | { kind: 'text'; text: string }

/** Local part of a possibly prefixed name, lower-cased: `atom:Link` -> `link`. */
export function localName(name: string): string {
  const colon = name.lastIndexOf(':')
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase()
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // Not XML, but common in hand-written feeds; harmless to decode in text and in HTML bodies.
  nbsp: '\u00a0',
}

/** Decodes the five XML entities, `&nbsp;` and numeric references; anything else stays literal. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  let out = ''
  let i = 0
  for (;;) {
    const amp = text.indexOf('&', i)
    if (amp < 0) break
    out += text.slice(i, amp)
    // Entity names are short; looking only 12 characters ahead keeps the scan linear even for
    // a body full of '&' and no ';'.
    const window = text.slice(amp + 1, amp + 13).indexOf(';')
    const semi = window < 0 ? -1 : amp + 1 + window
    const decoded = semi > amp ? decodeEntity(text.slice(amp + 1, semi)) : null
    if (decoded === null) {
      out += '&'
      i = amp + 1
    } else {
      out += decoded
      i = semi + 1
    }
  }
  return out + text.slice(i)
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X'
    const digits = name.slice(hex ? 2 : 1)
    if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null
    const code = Number.parseInt(digits, hex ? 16 : 10)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : '\ufffd'
  }
  return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] ?? null) : null
}

function truncated(what: string): SourceParseError {
  return new SourceParseError(`feed: truncated XML (unterminated ${what})`)
}

/** Index just past the `>` that ends the tag opened at `from`, honouring quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = ''
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]
    if (quote !== '') {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
  }
  throw truncated('tag')
}

/** Attributes of a tag body (`name a="1" b='2' c=3`), names kept as written. */
function parseAttrs(body: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  let i = 0
  const n = body.length
  const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r'
  while (i < n) {
    while (i < n && isSpace(body[i])) i++
    const nameStart = i
    while (i < n && !isSpace(body[i]) && body[i] !== '=') i++
    const name = body.slice(nameStart, i)
    while (i < n && isSpace(body[i])) i++
    let value = ''
    if (body[i] === '=') {
      i++
      while (i < n && isSpace(body[i])) i++
      const q = body[i]
      if (q === '"' || q === "'") {
        const close = body.indexOf(q, i + 1)
        const stop = close < 0 ? n : close
        value = body.slice(i + 1, stop)
        i = stop + 1
      } else {
        const valueStart = i
        while (i < n && !isSpace(body[i])) i++
        value = body.slice(valueStart, i)
      }
    }
    if (name !== '' && name !== '/') attrs[name] = decodeEntities(value)
    if (i === nameStart) i++ // guarantees progress on junk such as a lone '='
  }
  return attrs
}

/** Calls `onToken` for every element boundary and text run, in document order. */
export function tokenize(xml: string, onToken: (token: XmlToken) => void): void {
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) {
      onToken({ kind: 'text', text: decodeEntities(xml.slice(i)) })
      return
    }
    if (lt > i) onToken({ kind: 'text', text: decodeEntities(xml.slice(i, lt)) })
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4)
      if (close < 0) throw truncated('comment')
      i = close + 3
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9)
      if (close < 0) throw truncated('CDATA section')
      onToken({ kind: 'text', text: xml.slice(lt + 9, close) })
      i = close + 3
    } else if (xml.startsWith('<?', lt)) {
      const close = xml.indexOf('?>', lt + 2)
      if (close < 0) throw truncated('processing instruction')
      i = close + 2
    } else if (xml.startsWith('<!', lt)) {
      i = skipDeclaration(xml, lt)
    } else {
      const end = tagEnd(xml, lt + 1)
      const inner = xml.slice(lt + 1, end - 1)
      if (inner.startsWith('/')) {
        onToken({ kind: 'close', name: inner.slice(1).trim(), start: lt, end })
      } else {
        const selfClosing = inner.endsWith('/')
        const body = selfClosing ? inner.slice(0, -1) : inner
        const nameEnd = body.search(/[\s/]|$/)
        const name = body.slice(0, nameEnd)
        onToken({ kind: 'open', name, attrs: parseAttrs(body.slice(nameEnd)), selfClosing, start: lt, end })
      }
      i = end
    }
  }
}

/** Skips `<!DOCTYPE ...>` including an internal subset `[...]`, whose entities are ignored. */
function skipDeclaration(xml: string, from: number): number {
  let inSubset = false
  for (let i = from + 2; i < xml.length; i++) {
    const c = xml[i]
    if (c === '[') inSubset = true
    else if (c === ']') inSubset = false
    else if (c === '>' && !inSubset) return i + 1
  }
  throw truncated('declaration')
}
