// What a status page's HTML gives away, for detect-platform.ts: platform names in its markup, a
// status.io page id, the feed it links to, its title. Regular expressions over at most 512 KiB of
// text (bounded; no HTML tree is built for markup we only scan).
/** Platform names a page's HTML gives away (its assets, "Powered by", its scripts). */
export function htmlMarkers(html: string): string[] {
  const found: string[] = []
  if (/incident\.io|incidentio/i.test(html)) found.push('incident.io')
  if (/statuspage\.io|stspg|Atlassian Statuspage/i.test(html)) found.push('Statuspage')
  if (/instatus/i.test(html)) found.push('Instatus')
  if (/betteruptime|betterstack|Better Stack/i.test(html)) found.push('Better Stack')
  if (/status\.io\b/i.test(html)) found.push('status.io')
  if (/cachet/i.test(html)) found.push('Cachet')
  return found
}

export function statusioPageId(html: string): string | null {
  const m = /(?:\/pages\/|api\.status\.io\/1\.0\/status\/|statuspage_id["'\s:=]+)([0-9a-f]{24})\b/i.exec(html)
  return m?.[1]?.toLowerCase() ?? null
}

export function feedLink(html: string, base: URL): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(atom|rss)\+xml/i.test(tag)) continue
    const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
    const value = href?.[1] ?? href?.[2] ?? href?.[3]
    if (!value) continue
    try {
      const url = new URL(value.replace(/&amp;/g, '&'), base)
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href
    } catch {
      // an unreadable href is no feed
    }
  }
  return null
}

export function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)
  return m?.[1] ? decodeBasicEntities(m[1]) : null
}

const decodeBasicEntities = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")

/** "GitHub Status" → "GitHub"; control characters out; at most 100 characters. */
export function cleanName(name: string | null): string | null {
  if (!name) return null
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[-–|:]?\s*(status page|system status|service status|status)$/i, '')
    .trim()
  return cleaned ? cleaned.slice(0, 100) : null
}
