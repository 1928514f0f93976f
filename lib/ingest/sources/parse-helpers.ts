// Small parsing tools every source module shares: defensive JSON, zod with readable errors, and
// upstream timestamps in the many shapes status pages use (all converted to a UTC instant).
import { z } from 'zod'
import { reportSkipped } from './read-warnings'
import { SourceParseError } from './types'

/** JSON.parse that reports HTML pages, empty and truncated bodies as a SourceParseError. */
export function parseJson(body: string | null | undefined, what: string): unknown {
  const text = (body ?? '').replace(/^\uFEFF/, '').trim()
  if (text === '') throw new SourceParseError(`${what}: empty body`)
  if (text.startsWith('<')) throw new SourceParseError(`${what}: got HTML/XML instead of JSON (${snippet(text)})`)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new SourceParseError(`${what}: invalid JSON (${(e as Error).message})`)
  }
}

/** Validates upstream data; the error names the first few offending paths, not the whole payload. */
export function parseWithSchema<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) {
    reportSkipped(result.data)
    return result.data
  }
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
  throw new SourceParseError(`${what}: unexpected shape (${issues})`)
}

/**
 * Looks an upstream enum value up in a mapping table. Anything not in the table (or absent) is
 * `unknown`: a value we did not expect is never guessed, least of all as "operational". Matching
 * ignores surrounding space and case, since platforms are not consistent about either.
 */
export function lookup<T extends string>(table: Readonly<Record<string, T>>, value: string | number | null | undefined): T | 'unknown' {
  const raw = String(value ?? '').trim()
  for (const key of [raw, raw.toLowerCase(), raw.toUpperCase()]) {
    if (Object.hasOwn(table, key)) return table[key] ?? 'unknown'
  }
  return 'unknown'
}

function snippet(text: string): string {
  return JSON.stringify(text.slice(0, 60))
}

// JavaScript Date.toString(), as Instatus serves it: "Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)".
const JS_DATE_STRING = /^\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Parses an upstream timestamp into a Date, or null when it is absent or unreadable.
 * Accepts ISO 8601 with any offset ("2020-06-16T14:00:29.031-07:00"), epoch seconds or
 * milliseconds as number or string, RFC 2822 ("Tue, 10 Aug 2021 00:17:00 +0000") and JS
 * Date.toString() strings. An ISO string without an offset is read as UTC.
 */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value === 'number') return fromEpoch(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text))
  const js = JS_DATE_STRING.exec(text)
  if (js) {
    const [, mon, day, year, hh, mm, ss, sign, oh, om] = js
    const month = MONTHS.indexOf(mon ?? '')
    if (month < 0) return null
    const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
    const utc = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss)) - offsetMinutes * 60_000
    return new Date(utc)
  }
  // ISO date-time without a zone: upstream gave no offset, and UTC is the only neutral reading.
  const isoNoZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
  const parsed = new Date(isoNoZone ? `${text.replace(' ', 'T')}Z` : text)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n) || n <= 0) return null
  // Seconds until the year 5138; anything larger is milliseconds.
  return new Date(n < 1e11 ? n * 1000 : n)
}

/** zod: a required upstream timestamp, converted to a Date. */
export const zDate = z.unknown().transform((v, ctx) => {
  const d = toDate(v)
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `not a timestamp: ${JSON.stringify(v)?.slice(0, 40)}` })
    return z.NEVER
  }
  return d
})

/** zod: an optional upstream timestamp; missing, null or unreadable becomes null. */
export const zOptionalDate = z.unknown().optional().transform((v) => toDate(v))
