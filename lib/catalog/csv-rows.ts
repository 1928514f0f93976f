// The catalog's small hand-kept CSV files (aliases.csv, probes.csv) read the same way: each row
// checked by its zod schema, a bad or repeated row reported with its line and skipped, the rest kept.
import { parse as parseCsv } from 'csv-parse/sync'
import type { z } from 'zod'

export interface CsvProblem {
  line: number
  message: string
}

export function parseCsvRows<S extends z.ZodType>(
  content: string,
  schema: S,
  /** What makes two rows the same row. */
  keyOf: (row: z.infer<S>) => string,
  /** The problem reported for a repeated row. */
  repeated: (row: z.infer<S>) => string,
): { rows: z.infer<S>[]; problems: CsvProblem[] } {
  const records = parseCsv(content, { columns: true, bom: true, skip_empty_lines: true, info: true }) as { record: unknown; info: { lines: number } }[]
  const rows: z.infer<S>[] = []
  const problems: CsvProblem[] = []
  const seen = new Set<string>()
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record)
    if (!parsed.success) {
      problems.push({ line: info.lines, message: parsed.error.issues.map((i) => i.message).join('; ') })
      continue
    }
    const key = keyOf(parsed.data)
    if (seen.has(key)) {
      problems.push({ line: info.lines, message: repeated(parsed.data) })
      continue
    }
    seen.add(key)
    rows.push(parsed.data)
  }
  return { rows, problems }
}
