// Reads RSS 2.0 / RSS 1.0 (RDF) channels and Atom feeds into plain entries, on top of the tokens
// from rss-xml.ts (htmlparser2's linear tokenizer). Only direct children of an <item>/<entry> are read; anything nested
// deeper (XHTML content, junk) contributes text to its child but is never interpreted.
import { localName, tokenize } from './rss-xml'
import { SourceParseError } from './types'

export interface FeedEntry {
  /** Atom <id> or RSS <guid>, trimmed; null when absent. */
  id: string | null
  title: string
  /** Atom <link href> (rel alternate preferred) or RSS <link> text. */
  link: string | null
  /** Raw timestamps as written (RFC 822 in RSS, RFC 3339 in Atom): parse with toDate. */
  published: string | null
  updated: string | null
  /** Raw body: HTML for RSS description / Atom type="html", inner markup for type="xhtml". */
  content: string
}

export interface Feed {
  kind: 'rss' | 'atom'
  title: string | null
  updated: string | null
  entries: FeedEntry[]
}

/** Far above any status feed (GitHub's history.atom has 25); bounds work on hostile bodies. */
export const MAX_ENTRIES = 2000
/** Deeper nesting than this is junk, not a feed. The scan is linear either way. */
export const MAX_DEPTH = 512

const ROOTS = new Set(['rss', 'feed', 'rdf'])
/** HTML void elements: inside an entry's child (unescaped HTML content) they never get a close tag. */
const VOID_HTML = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'area', 'col', 'embed', 'source', 'track', 'param', 'base'])
const ENTRY = new Set(['item', 'entry'])

interface Child {
  name: string
  attrs: Record<string, string>
  text: string
  /** Source index where the child's inner markup starts (for xhtml content). */
  innerStart: number
  inner: string
}

export function parseFeed(body: string | null | undefined): Feed {
  const xml = (body ?? '').replace(/^\uFEFF/, '').trim()
  if (xml === '') throw new SourceParseError('feed: empty body')
  if (!xml.startsWith('<')) throw new SourceParseError(`feed: not XML (${JSON.stringify(xml.slice(0, 60))})`)

  const stack: string[] = []
  const openCount = new Map<string, number>()
  let root: string | null = null
  let rootClosed = false
  let entryDepth = -1 // stack length at which the current entry's children sit
  let children: Child[] = []
  let current: Child | null = null
  const feedLevel: Child[] = []
  let feedChild: Child | null = null
  const entries: FeedEntry[] = []

  // <feed><title> sits at depth 1; <rss><channel><title> and <rdf:RDF><channel><title> at depth 2.
  const feedLevelDepth = () => (root === 'feed' ? 1 : 2)

  const push = (name: string) => {
    stack.push(name)
    openCount.set(name, (openCount.get(name) ?? 0) + 1)
    if (stack.length > MAX_DEPTH) throw new SourceParseError(`feed: elements nested deeper than ${MAX_DEPTH}`)
  }
  const pop = (closeStart: number) => {
    const name = stack.pop() ?? ''
    openCount.set(name, (openCount.get(name) ?? 1) - 1)
    const depth = stack.length
    if (current && depth === entryDepth) {
      current.inner = xml.slice(current.innerStart, closeStart)
      current = null
    } else if (entryDepth > 0 && depth === entryDepth - 1) {
      if (entries.length < MAX_ENTRIES) entries.push(toEntry(children))
      entryDepth = -1
      children = []
    } else if (feedChild && depth === feedLevelDepth()) {
      feedChild = null
    }
    if (depth === 0) rootClosed = true
  }

  tokenize(xml, (t) => {
    if (rootClosed) return // trailing junk after the root element is ignored
    if (t.kind === 'text') {
      if (current) current.text += t.text
      else if (feedChild) feedChild.text += t.text
      return
    }
    const name = localName(t.name)
    if (t.kind === 'open') {
      if (root === null) {
        if (!ROOTS.has(name)) throw new SourceParseError(`feed: root element <${t.name}> is not rss, feed or rdf:RDF`)
        root = name
      }
      const depth = stack.length
      if (entryDepth < 0 && ENTRY.has(name) && !t.selfClosing) {
        entryDepth = depth + 1
      } else if (entryDepth >= 0 && depth === entryDepth) {
        const child: Child = { name, attrs: t.attrs, text: '', innerStart: t.end, inner: '' }
        children.push(child)
        current = t.selfClosing ? null : child
      } else if (entryDepth < 0 && depth === feedLevelDepth() && !ENTRY.has(name)) {
        const child: Child = { name, attrs: t.attrs, text: '', innerStart: t.end, inner: '' }
        feedLevel.push(child)
        if (!t.selfClosing) feedChild = child
      }
      const isVoid = current !== null && depth > entryDepth && VOID_HTML.has(name)
      if (!t.selfClosing && !isVoid) push(name)
      return
    }
    // A close tag pops up to its matching open tag (tolerating unclosed HTML-ish children);
    // a close tag with no open counterpart is ignored. Each element is popped once: linear.
    if ((openCount.get(name) ?? 0) === 0) return
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      pop(t.start)
      if (top === name) break
    }
  })
  if (root === null) throw new SourceParseError('feed: no root element')
  if (!rootClosed) throw new SourceParseError('feed: truncated XML (root element not closed)')

  const meta = toEntry(feedLevel)
  return { kind: root === 'feed' ? 'atom' : 'rss', title: meta.title || null, updated: meta.updated ?? meta.published, entries }
}

function first(children: Child[], ...names: string[]): Child | undefined {
  for (const name of names) {
    const hit = children.find((c) => c.name === name)
    if (hit) return hit
  }
  return undefined
}

function textOf(child: Child | undefined): string | null {
  const text = child?.text.trim()
  return text ? text : null
}

function linkOf(children: Child[]): string | null {
  const links = children.filter((c) => c.name === 'link')
  const withHref = links.filter((l) => l.attrs.href)
  const alternate = withHref.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? withHref[0]
  if (alternate?.attrs.href) return alternate.attrs.href.trim()
  const text = links.map((l) => l.text.trim()).find((t) => t !== '')
  if (text) return text
  // RSS: a permalink guid doubles as the link.
  const guid = first(children, 'guid')
  const guidText = textOf(guid)
  return guidText && guid?.attrs.isPermaLink !== 'false' && /^https?:\/\//i.test(guidText) ? guidText : null
}

function contentOf(children: Child[]): string {
  const body = first(children, 'content', 'encoded', 'description', 'summary')
  if (!body) return ''
  if ((body.attrs.type ?? '').toLowerCase() === 'xhtml') return body.inner.trim()
  return body.text.trim()
}

function toEntry(children: Child[]): FeedEntry {
  return {
    id: textOf(first(children, 'id', 'guid')),
    title: textOf(first(children, 'title')) ?? '',
    link: linkOf(children),
    published: textOf(first(children, 'published', 'pubdate', 'issued', 'date', 'created')),
    updated: textOf(first(children, 'updated', 'modified', 'lastbuilddate')),
    content: contentOf(children),
  }
}
