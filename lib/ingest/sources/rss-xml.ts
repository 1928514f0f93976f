// RSS/Atom markup as a stream of tokens, read with htmlparser2's tokenizer in XML mode (a
// well-kept, linear, non-validating scanner; the same family sanitize-html is built on) and
// decoded with the `entities` package.
//
// Why the tokenizer and not a tree parser: feeds are third-party bodies, so reading them must stay
// linear and tolerant. Tree parsers either pop one element per close tag, so a stray `</x>` or an
// unclosed HTML `<br>` inside an entry detaches the rest of the entry (fast-xml-parser), or keep a
// stack that is shifted on every element (htmlparser2's Parser: 200,000 unclosed `<br>` took
// minutes). rss-feed.ts keeps its own bounded stack over these tokens instead.
//
// Safety: the tokenizer runs with entity decoding off and we decode text and attribute values
// ourselves with the five XML entities, `&nbsp;` and numeric references only, so custom DTD
// entities are never expanded (no "billion laughs") and nothing external is ever fetched. A body
// that ends inside a tag, comment, CDATA section or declaration is reported as truncated rather
// than half-read.
//
// One difference from a full XML reader, accepted: the tokenizer ends a DOCTYPE at its first `>`,
// so an internal subset's later declarations read as junk before the root element (ignored, or
// refused as a wrong root if an entity value holds markup). Status feeds carry no internal subset.
import { decodeXML } from 'entities'
import { Tokenizer } from 'htmlparser2'
import { SourceParseError } from './types'

export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean; start: number; end: number }
  | { kind: 'close'; name: string; start: number }
  | { kind: 'text'; text: string }

/** Local part of a possibly prefixed name, lower-cased: `atom:Link` -> `link`. */
export function localName(name: string): string {
  const colon = name.lastIndexOf(':')
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase()
}

/**
 * A character reference as the feed reader accepts it: numeric, or a short name, always ended by
 * `;`. Bounded lengths keep the scan linear on hostile text (a megabyte of `&` with no `;`), where
 * handing the whole text to the decoder is about fifty times slower.
 */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,9}|#[0-9]{1,10}|[a-zA-Z][a-zA-Z0-9]{0,10});/g

/**
 * Decodes the five XML entities, `&nbsp;` and numeric references (invalid code points become
 * U+FFFD) with the `entities` package; anything else, including DTD-declared entities, stays
 * literal. One pass: `&amp;lt;` reads `&lt;`.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  // `&nbsp;` is not XML but common in hand-written feeds.
  return text.replace(REFERENCE, (reference) => (reference === '&nbsp;' ? '\u00a0' : decodeXML(reference)))
}

/**
 * Calls `onToken` for every element boundary and text run, in document order; throws a
 * SourceParseError when the body ends inside unfinished markup.
 */
export function tokenize(xml: string, onToken: (token: XmlToken) => void): void {
  // Where the last complete piece of markup ends. At the end of the body the tokenizer drops an
  // unfinished tag, flushes an unfinished declaration or processing instruction as text, and an
  // unfinished comment or CDATA section as if complete (end offset 0 at the very end). So a `<`
  // after the last complete markup, or such a flush, means the body was cut short.
  let markupEnd = 0
  let unfinished = ''
  const reached = (endIndex: number) => {
    markupEnd = endIndex
  }
  // An open tag arrives in pieces (name, then each attribute); it is emitted once its `>` is seen.
  let tag: { name: string; start: number; attrs: Record<string, string> } | null = null
  let attrName = ''
  let attrValue = ''

  const openTag = (endIndex: number, selfClosing: boolean) => {
    reached(endIndex)
    if (!tag) return
    onToken({ kind: 'open', name: tag.name, attrs: tag.attrs, selfClosing, start: tag.start, end: endIndex + 1 })
    tag = null
  }

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext(start, endIndex) {
        onToken({ kind: 'text', text: decodeEntities(xml.slice(start, endIndex)) })
      },
      oncdata(start, endIndex, endOffset) {
        reached(endIndex)
        if (endOffset === 0 && endIndex >= xml.length) unfinished = 'CDATA section'
        // CDATA is literal: no entity decoding.
        onToken({ kind: 'text', text: xml.slice(start, endIndex - endOffset) })
      },
      onopentagname(start, endIndex) {
        tag = { name: xml.slice(start, endIndex), start: start - 1, attrs: {} }
      },
      onattribname(start, endIndex) {
        attrName = xml.slice(start, endIndex)
        attrValue = ''
      },
      onattribdata(start, endIndex) {
        attrValue += xml.slice(start, endIndex)
      },
      onattribend() {
        if (tag && attrName !== '') tag.attrs[attrName] = decodeEntities(attrValue)
        attrName = ''
        attrValue = ''
      },
      onopentagend(endIndex) {
        openTag(endIndex, false)
      },
      onselfclosingtag(endIndex) {
        openTag(endIndex, true)
      },
      onclosetag(start, endIndex) {
        reached(endIndex)
        // `start` is the name's first character; the tag itself starts at the `<` before it.
        onToken({ kind: 'close', name: xml.slice(start, endIndex), start: xml.lastIndexOf('<', start) })
      },
      // Comments, processing instructions and declarations (DOCTYPE) carry nothing a feed needs.
      oncomment(_start, endIndex, endOffset) {
        reached(endIndex)
        if (endOffset === 0 && endIndex >= xml.length) unfinished = 'comment'
      },
      onprocessinginstruction(_start, endIndex) {
        reached(endIndex)
      },
      ondeclaration(_start, endIndex) {
        reached(endIndex)
      },
      // Entity callbacks only fire with decodeEntities on; decoding is ours (above).
      ontextentity() {},
      onattribentity() {},
      onend() {},
    },
  )
  tokenizer.write(xml)
  tokenizer.end()
  const lastLt = xml.lastIndexOf('<')
  if (unfinished === '' && lastLt >= markupEnd) unfinished = unfinishedKind(xml, lastLt)
  if (unfinished !== '') throw new SourceParseError(`feed: truncated XML (unterminated ${unfinished})`)
}

function unfinishedKind(xml: string, lt: number): string {
  if (xml.startsWith('<?', lt)) return 'processing instruction'
  if (xml.startsWith('<!', lt)) return 'declaration'
  return 'tag'
}
