// AWS Health Dashboard severity levels, shared by currentevents and the legacy data.json.
// Levels are strings "0".."3" (sometimes numbers). Public AWS posts use, from the legacy page's
// legend: 0 operating normally / resolved, 1 informational, 2 performance issues (degraded),
// 3 service disruption. AWS has no level above "disruption", so 3 is its worst.
import type { IncidentImpact, ServiceStatus } from '@/lib/status/statuses'
import { lookup } from './parse-helpers'

export const LEVEL_STATUS: Readonly<Record<string, ServiceStatus>> = {
  '0': 'operational',
  '1': 'degraded',
  '2': 'partial_outage',
  '3': 'major_outage',
}

export const LEVEL_IMPACT: Readonly<Record<string, IncidentImpact>> = {
  '0': 'none',
  '1': 'minor',
  '2': 'major',
  '3': 'critical',
}

export function levelStatus(level: string | null | undefined): ServiceStatus {
  return lookup(LEVEL_STATUS, level)
}

/**
 * The highest known level among `levels` as an impact. Unknown when none is known, or when the
 * best known is "0" but some level was unrecognised (it might be worse than none).
 */
export function worstImpact(levels: (string | null | undefined)[]): IncidentImpact {
  let best = -1
  let sawUnknown = false
  for (const level of levels) {
    if (level === null || level === undefined) continue
    const key = level.trim()
    if (Object.hasOwn(LEVEL_IMPACT, key)) best = Math.max(best, Number(key))
    else sawUnknown = true
  }
  if (best < 0 || (best === 0 && sawUnknown)) return 'unknown'
  return LEVEL_IMPACT[String(best)] ?? 'unknown'
}

/**
 * The refresh decodes bodies by BOM/charset, but a UTF-16 body read as Latin-1 or UTF-8 arrives as
 * "ÿþ[\0{\0..." (or with U+FFFD for the BOM). Such text is re-decoded here; anything else is
 * returned unchanged (a real BOM is left for parseJson to strip).
 */
export function repairUtf16(text: string): string {
  if (!text.includes('\u0000')) return text
  const body = text.replace(/^(?:\u00ff\u00fe|\u00fe\u00ff|\ufffd{1,2})/, '')
  const bytes = new Uint8Array(body.length)
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i)
    if (code > 0xff) return text // not a byte-per-char misreading: leave it for the JSON error
    bytes[i] = code
  }
  // ASCII JSON in UTF-16LE has its NUL bytes at odd offsets, in UTF-16BE at even ones.
  const bigEndian = bytes.length > 1 && bytes[0] === 0 && bytes[1] !== 0
  return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(bytes)
}
