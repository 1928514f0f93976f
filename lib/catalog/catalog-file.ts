// Reads a catalog file (CSV or JSON array) into validated rows, keeping each row's line number so
// that every problem can be reported as "line N: reason" and the good rows still go in.
import { parse as parseCsv } from 'csv-parse/sync'
import { catalogRowSchema, type CatalogRow } from './catalog-row'

export interface CatalogLine {
  line: number
  row: CatalogRow
}

export interface CatalogProblem {
  line: number
  message: string
}

export interface ParsedCatalog {
  rows: CatalogLine[]
  problems: CatalogProblem[]
}

export type CatalogFormat = 'csv' | 'json'

export function detectCatalogFormat(fileName: string, content: string): CatalogFormat {
  if (/\.json$/i.test(fileName)) return 'json'
  if (/\.csv$/i.test(fileName)) return 'csv'
  return content.trimStart().startsWith('[') ? 'json' : 'csv'
}

/** CSV headers may use the JSON names or snake_case (the shared catalog uses status_page_url). */
const HEADER_ALIASES: Record<string, string> = {
  status_page_url: 'statusPageUrl',
  statuspageurl: 'statusPageUrl',
  api_url: 'apiUrl',
  apiurl: 'apiUrl',
  platform_evidence: 'platformEvidence',
  platform_confidence: 'platformConfidence',
  pending_review: 'pendingReview',
}

export function parseCatalog(content: string, format: CatalogFormat): ParsedCatalog {
  const raw = format === 'json' ? readJsonItems(content) : readCsvRecords(content)
  if ('problem' in raw) return { rows: [], problems: [raw.problem] }
  const rows: CatalogLine[] = []
  const problems: CatalogProblem[] = []
  const firstLineOfSlug = new Map<string, number>()
  for (const { line, value } of raw.items) {
    const result = catalogRowSchema.safeParse(value)
    if (!result.success) {
      const reasons = result.error.issues.map((i) => (i.path.length && !i.message.includes(String(i.path[0])) ? `${String(i.path[0])}: ${i.message}` : i.message))
      problems.push({ line, message: reasons.join('; ') })
      continue
    }
    const earlier = firstLineOfSlug.get(result.data.slug)
    if (earlier !== undefined) {
      problems.push({ line, message: `slug "${result.data.slug}" already used on line ${earlier}` })
      continue
    }
    firstLineOfSlug.set(result.data.slug, line)
    rows.push({ line, row: result.data })
  }
  return { rows, problems }
}

type RawItems = { items: { line: number; value: unknown }[] } | { problem: CatalogProblem }

function readCsvRecords(content: string): RawItems {
  try {
    const records = parseCsv(content, {
      bom: true,
      columns: (header: string[]) => header.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[]
    return { items: records.map(({ record, info }) => ({ line: info.lines, value: record })) }
  } catch (e) {
    const err = e as Error & { lines?: number }
    return { problem: { line: err.lines ?? 1, message: `not valid CSV: ${err.message}` } }
  }
}

function readJsonItems(content: string): RawItems {
  let data: unknown
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { problem: { line: lineOfJsonError(content, e as Error), message: `not valid JSON: ${(e as Error).message}` } }
  }
  if (!Array.isArray(data)) return { problem: { line: 1, message: 'a JSON catalog must be an array of vendor objects' } }
  const lines = topLevelElementLines(content)
  return { items: data.map((value, i) => ({ line: lines[i] ?? 1, value })) }
}

/** Line on which each element of a top-level JSON array starts (one linear scan, strings aware). */
function topLevelElementLines(text: string): number[] {
  const starts: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let expectingElement = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') line++
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (depth === 1 && expectingElement && ch !== undefined && !/[\s,\]]/.test(ch)) {
      starts.push(line)
      expectingElement = false
    }
    if (ch === '"') inString = true
    else if (ch === '[' || ch === '{') {
      depth++
      if (depth === 1) expectingElement = true
    } else if (ch === ']' || ch === '}') depth--
    else if (ch === ',' && depth === 1) expectingElement = true
  }
  return starts
}

function lineOfJsonError(text: string, error: Error): number {
  if (/end of JSON input/.test(error.message)) return text.trimEnd().split('\n').length
  const position = /position (\d+)/.exec(error.message)?.[1]
  if (position === undefined) return 1
  return text.slice(0, Number(position)).split('\n').length
}
