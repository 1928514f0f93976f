// An SVG status badge (a label on the left, the status on the right) for READMEs and wikis.
// Screen readers get the same words as sighted readers: role="img", an aria-label and a <title>.
// Colours: white text on backgrounds of at least 4.5:1 contrast (GitHub Primer's darker shades),
// and the status is written out, so colour is never the only cue.
import { createHash } from 'node:crypto'
import { SERVICE_STATUS_LABEL } from '@/lib/format/status-labels'
import type { ServiceStatus } from '@/lib/status/statuses'
import { xml } from './xml'

const LABEL_BG = '#24292f'
/** Each is ≥ 4.5:1 against white text. */
export const BADGE_COLOURS: Record<ServiceStatus | 'none', string> = {
  operational: '#1a7f37',
  degraded: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
  maintenance: '#0969da',
  unknown: '#57606a',
  none: '#57606a',
}

/** Longest label drawn; longer names are cut with an ellipsis (the full name stays in the title). */
const MAX_LABEL = 40

export interface BadgeInput {
  label: string
  /** null: we have no reading we can vouch for. */
  status: ServiceStatus | null
  /** The words on the right; defaults to the status's label. */
  message?: string
}

// Verdana 11px advance widths, roughly: narrow, wide and everything else.
function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[iljtfI.,:;'| !]/.test(ch) ? 4 : /[mwMW@%]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 8 : 7
  return width
}

const clip = (text: string) => ([...text].length > MAX_LABEL ? `${[...text].slice(0, MAX_LABEL - 1).join('')}…` : text)

export function renderBadge({ label, status, message }: BadgeInput): string {
  const words = message ?? (status ? SERVICE_STATUS_LABEL[status] : 'Not checked yet')
  const shown = clip(label.replace(/\s+/g, ' ').trim()) || 'status'
  const left = textWidth(shown) + 12
  const right = textWidth(words) + 12
  const total = left + right
  const title = xml(`${label.trim() || 'status'}: ${words}`)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" viewBox="0 0 ${total} 20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${left}" height="20" fill="${LABEL_BG}"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${BADGE_COLOURS[status ?? 'none']}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle" aria-hidden="true">`,
    `<text x="${left / 2}" y="14">${xml(shown)}</text>`,
    `<text x="${left + right / 2}" y="14">${xml(words)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('')
}

/** A strong ETag of a rendered body. */
export function bodyEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** True when the request's If-None-Match already names `etag` (a 304 will do). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}
