// Vendors' incident text is Markdown (GitHub, Google Cloud), HTML (AWS, Atom feeds, Instatus) or
// plain text with bare URLs. It is rendered once here into HTML that is safe to put on our pages:
// Markdown is converted, then everything passes an allow-list sanitiser. Nothing executable
// survives (no script/style/iframe, no event handlers, no javascript: or data: links), headings are
// demoted below the page's own without skipping a level, and links open in a new tab without handing over our window.
//
// Upstream text is untrusted in size and shape too: it is bounded first (upstream-limits.ts), and
// whatever the renderer cannot handle is shown as escaped plain text, so no body can make a page,
// a feed or an email fail.
import { createHash } from 'node:crypto'
import { decodeHTML } from 'entities'
import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { boundUpstreamText, type BoundedText, TRUNCATION_NOTE } from './upstream-limits'

// A private instance: options never leak into (or from) other users of marked.
const markdown = new Marked({ gfm: true, breaks: true, async: false })

const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template']

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // script/style/iframe and friends are dropped with their content, not unwrapped into text.
  nonTextTags: NON_TEXT_TAGS,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow ugc' },
    }),
  },
}

const STRIP_ALL: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, nonTextTags: NON_TEXT_TAGS }

/** Upstream text (Markdown, HTML or plain) as sanitised HTML. */
export function renderUpstreamText(body: string): string {
  return memo(`html:${body}`, () => {
    const bounded = boundUpstreamText(body)
    const html = renderMarkdown(bounded, SANITIZE) ?? plainHtml(bounded.text)
    return bounded.truncated ? `${html}<p><em>${escapeHtml(TRUNCATION_NOTE)}</em></p>\n` : html
  })
}

/** Upstream text as plain text (for feeds' summaries, titles and emails' text parts). */
export function upstreamPlainText(body: string): string {
  return memo(`text:${body}`, () => {
    const bounded = boundUpstreamText(body)
    // Tags are dropped, so the breaks they stood for are written out first ("done.</p><p>Next"
    // must not read "done.Next"). The sanitiser's output is HTML text: its entities are decoded exactly once.
    const text = decodeHTML(renderMarkdown(bounded, STRIP_ALL, markBreaks) ?? stripTags(markBreaks(bounded.text)))
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    return bounded.truncated ? `${text}\n\n${TRUNCATION_NOTE}` : text
  })
}

/**
 * HTML with the breaks its tags imply written out as text, for stripping: a line break after <br>,
 * a list item, a row or a heading, a blank line after a paragraph or a block, a space between cells.
 * The whitespace that followed the tag is layout (Markdown's renderer puts a newline after each
 * block), so it is replaced, not added to. One linear pass per pattern; attributes are dropped
 * later anyway, so a match inside one is harmless.
 */
function markBreaks(html: string): string {
  return html
    .replace(/<br\s*\/?>\n?/gi, '\n')
    .replace(/(<\/(?:li|tr|h[1-6]|dt|dd)\s*>)\s*/gi, '$1\n')
    .replace(/(<\/(?:p|div|blockquote|pre|ul|ol|table|section|article|header|footer)\s*>)\s*/gi, '$1\n\n')
    .replace(/(<\/(?:td|th)\s*>)\s*/gi, '$1 ')
    .replace(/<hr\s*\/?>\s*/gi, '\n\n')
}

/** The bounded text through Markdown and the sanitiser, or null when it must be shown plainly. */
function renderMarkdown(bounded: BoundedText, sanitize: sanitizeHtml.IOptions, before: (html: string) => string = (h) => h): string | null {
  if (bounded.tooComplex) {
    warnOnce(`upstream text shown as plain text: ${bounded.tooComplex}`)
    return null
  }
  try {
    const html = before(markdown.parse(bounded.text) as string)
    return sanitizeHtml(html, { ...sanitize, transformTags: { ...sanitize.transformTags, ...headingLevels(html) } })
  } catch (e) {
    // A renderer failure on input the limits did not foresee (a stack overflow): show it plainly.
    warnOnce(`upstream text could not be rendered (${(e as Error).message.split('\n')[0]}); shown as plain text`)
    return null
  }
}

/**
 * The page owns h1 and h2 (the postmortem sits under an h2), so upstream headings start at h3, and
 * the levels the body uses are closed up: "## What happened" becomes h3, not h4, and a body with
 * h1 and h3 reads h3 and h4. A heading level is never skipped (axe: heading-order).
 */
function headingLevels(html: string): Record<string, string> {
  const used = [...new Set([...html.matchAll(/<h([1-6])[\s>]/gi)].map((m) => Number(m[1])))].sort()
  return Object.fromEntries(used.map((level, i) => [`h${level}`, `h${Math.min(3 + i, 6)}`]))
}

/** The text without tags, escaped (sanitize-html parses without recursion; escaping is the last resort). */
function stripTags(text: string): string {
  try {
    return sanitizeHtml(text, STRIP_ALL)
  } catch {
    return escapeHtml(text)
  }
}

/** Escaped plain text as HTML paragraphs, line breaks kept. */
function plainHtml(text: string): string {
  return stripTags(text)
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.trim().replace(/\n/g, '<br />')}</p>\n`)
    .join('')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

// The same bodies are rendered again for every uncached page, feed request and email batch; a
// bounded memo keeps that cost to once per body and process.
const MEMO_LIMIT = 500
const rendered = new Map<string, string>()
function memo(key: string, render: () => string): string {
  const hash = createHash('sha256').update(key).digest('base64url')
  const hit = rendered.get(hash)
  if (hit !== undefined) return hit
  const value = render()
  if (rendered.size >= MEMO_LIMIT) rendered.delete(rendered.keys().next().value as string)
  rendered.set(hash, value)
  return value
}

const warned = new Set<string>()
function warnOnce(message: string) {
  if (warned.size > 100 || warned.has(message)) return
  warned.add(message)
  console.warn(`[upstream-text] ${message}`)
}
