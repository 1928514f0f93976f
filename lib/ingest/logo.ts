// A vendor's logo, fetched once from its status page so our pages never hotlink a third-party
// image: the page's declared icons (apple-touch-icon, icon), else /favicon.ico, through the guarded
// HTTP client (private addresses refused, redirects and time bounded), each at most MAX_LOGO_BYTES.
// An image is kept only when its bytes are a raster format we name (PNG, ICO, JPEG, GIF, WebP),
// whatever its Content-Type says; SVG is refused, since an SVG document can carry script.
import { Parser } from 'htmlparser2'
import { isFetchError, type HttpClient } from './http'

export const MAX_LOGO_BYTES = 256 * 1024
/** Status page HTML read to find the icon links; the <head> is near its start. */
const MAX_PAGE_BYTES = 1024 * 1024
const MAX_CANDIDATES = 3

export type LogoType = 'image/png' | 'image/x-icon' | 'image/jpeg' | 'image/gif' | 'image/webp'

export type LogoResult = { ok: true; bytes: Buffer; contentType: LogoType; sourceUrl: string } | { ok: false; reason: string }

/** The image type the bytes themselves announce, or null for anything else (SVG, HTML, text). */
export function sniffImageType(bytes: Buffer): LogoType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0x00, 0x00, 0x01, 0x00) && bytes.length >= 6) return 'image/x-icon'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  return null
}

const DECLARED_IMAGE = /^image\/(png|x-icon|vnd\.microsoft\.icon|ico|jpeg|jpg|gif|webp)\b/i

/**
 * Icon URLs a page declares, best first: apple-touch-icon (usually 180 px), then icons by their
 * largest declared size, then /favicon.ico. SVG icons and mask icons are skipped.
 */
export function findIconUrls(html: string, pageUrl: string): string[] {
  const found: { href: string; rank: number }[] = []
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name !== 'link' || !attrs.href) return
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/)
      if (!rel.includes('icon') && !rel.includes('apple-touch-icon') && !rel.includes('apple-touch-icon-precomposed')) return
      if ((attrs.type ?? '').toLowerCase().includes('svg') || /\.svg(\?|#|$)/i.test(attrs.href)) return
      const size = Math.max(0, ...(attrs.sizes ?? '').split(/\s+/).map((s) => Number(s.toLowerCase().split('x')[0]) || 0))
      found.push({ href: attrs.href, rank: rel.some((r) => r.startsWith('apple-touch-icon')) ? 10_000 + size : size })
    },
  })
  parser.write(html)
  parser.end()
  const urls: string[] = []
  for (const { href } of found.sort((a, b) => b.rank - a.rank)) {
    try {
      const url = new URL(href, pageUrl)
      if ((url.protocol === 'https:' || url.protocol === 'http:') && !urls.includes(url.href)) urls.push(url.href)
    } catch {
      // an unreadable href is no candidate
    }
  }
  try {
    const fallback = new URL('/favicon.ico', pageUrl).href
    if (!urls.includes(fallback)) urls.push(fallback)
  } catch {
    // no fallback for an unreadable page URL
  }
  return urls.slice(0, MAX_CANDIDATES + 1)
}

const why = (e: unknown) => (isFetchError(e) ? `${e.kind}: ${e.message}` : e instanceof Error ? e.message : String(e))

/** Reads the status page, then its icons in order, and keeps the first that is a checked image. */
export async function fetchVendorLogo(http: HttpClient, statusPageUrl: string, signal?: AbortSignal): Promise<LogoResult> {
  let candidates: string[]
  try {
    const page = await http.fetchText(statusPageUrl, { accept: 'text/html', maxBytes: MAX_PAGE_BYTES, signal })
    candidates = page.notModified ? findIconUrls('', statusPageUrl) : findIconUrls(page.text, page.finalUrl)
  } catch (e) {
    // A page that answered with an error may still have /favicon.ico; a host we cannot reach (or
    // may not: a private address) will not serve it either.
    if (!isFetchError(e) || e.kind !== 'http') return { ok: false, reason: `status page: ${why(e)}` }
    candidates = findIconUrls('', statusPageUrl)
  }
  const reasons: string[] = []
  for (const url of candidates.slice(0, MAX_CANDIDATES)) {
    try {
      const res = await http.fetchText(url, { accept: 'image/png,image/x-icon,image/*;q=0.8', maxBytes: MAX_LOGO_BYTES, signal })
      if (res.notModified) continue
      if (res.contentType && !DECLARED_IMAGE.test(res.contentType)) {
        reasons.push(`${url}: content type ${res.contentType.slice(0, 60)}`)
        continue
      }
      const type = sniffImageType(res.body)
      if (!type) {
        reasons.push(`${url}: not a PNG, ICO, JPEG, GIF or WebP image`)
        continue
      }
      return { ok: true, bytes: res.body, contentType: type, sourceUrl: res.finalUrl }
    } catch (e) {
      if (isFetchError(e) && e.kind === 'aborted') return { ok: false, reason: why(e) }
      reasons.push(`${url}: ${why(e)}`)
    }
  }
  return { ok: false, reason: reasons.join('; ').slice(0, 500) || 'no icon found' }
}
