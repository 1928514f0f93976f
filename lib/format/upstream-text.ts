// Vendors' incident text is Markdown (GitHub, Google Cloud), HTML (AWS, Atom feeds, Instatus) or
// plain text with bare URLs. It is rendered once here into HTML that is safe to put on our pages:
// Markdown is converted, then everything passes an allow-list sanitiser. Nothing executable
// survives (no script/style/iframe, no event handlers, no javascript: or data: links), headings are
// demoted below the page's own, and links open in a new tab without handing over our window.
import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

// A private instance: options never leak into (or from) other users of marked.
const markdown = new Marked({ gfm: true, breaks: true, async: false })

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // script/style/iframe and friends are dropped with their content, not unwrapped into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    // The page owns h1/h2; upstream headings start at h3.
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow ugc' },
    }),
  },
}

/** Upstream text (Markdown, HTML or plain) as sanitised HTML. */
export function renderUpstreamText(body: string): string {
  const html = markdown.parse(body.replace(/\r\n?/g, '\n')) as string
  return sanitizeHtml(html, SANITIZE)
}

/** Upstream text as plain text (for feeds' summaries, titles and emails' text parts). */
export function upstreamPlainText(body: string): string {
  return sanitizeHtml(markdown.parse(body.replace(/\r\n?/g, '\n')) as string, { allowedTags: [], allowedAttributes: {}, nonTextTags: SANITIZE.nonTextTags })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
