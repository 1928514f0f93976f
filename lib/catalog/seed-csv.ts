// The catalog's hand-kept CSV files (aliases.csv, probes.csv) are seeded the same way: skipped while
// neither the file nor the catalog changed (one read of the stored hash), else parsed (bad rows
// warned by line and skipped), written as the whole truth by the data layer's replace (its own
// transaction), and only then the hash recorded, so a failed write is tried again next start.
//
// The catalog's own seed hash is part of the key: a row naming a vendor added to the catalog later
// is written then. The file and the stored hash are injected for the unit test.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readAppMeta, writeAppMeta } from '@/lib/data/app-meta'
import type { CsvProblem } from './csv-rows'

export interface CsvSeed<Row, Written extends { unknownVendors: readonly string[] }> {
  file: string
  /** The AppMeta key the last seeded hash is kept under. */
  hashKey: string
  /** What a row is, for the warnings: "aliases", "probes". */
  rowsAre: string
  parse: (content: string) => { rows: Row[]; problems: CsvProblem[] }
  /** Replaces every stored row with these, in one transaction. */
  replace: (rows: Row[]) => Promise<Written>
}

export interface CsvSeedDeps {
  readFile: (file: string) => Promise<string>
  readHash: (key: string) => Promise<string | null>
  writeHash: (key: string, hash: string) => Promise<void>
  warn: (message: string) => void
}

const defaultDeps: CsvSeedDeps = {
  readFile: (file) => fs.readFile(path.resolve(/*turbopackIgnore: true*/ file), 'utf8'),
  readHash: readAppMeta,
  writeHash: writeAppMeta,
  warn: (message) => console.warn(message),
}

export type CsvSeedResult<Written> = { seeded: false } | ({ seeded: true; problems: number } & Written)

export async function seedCsvIfChanged<Row, Written extends { unknownVendors: readonly string[] }>(
  seed: CsvSeed<Row, Written>,
  catalogHash: string | null,
  deps: CsvSeedDeps = defaultDeps,
): Promise<CsvSeedResult<Written>> {
  const content = await deps.readFile(seed.file)
  const hash = createHash('sha256').update(content).update(catalogHash ?? '').digest('hex')
  if ((await deps.readHash(seed.hashKey)) === hash) return { seeded: false }
  const { rows, problems } = seed.parse(content)
  for (const p of problems) deps.warn(`[seed] ${seed.file} line ${p.line}: ${p.message}`)
  const written = await seed.replace(rows)
  for (const slug of written.unknownVendors) deps.warn(`[seed] ${seed.file}: no vendor "${slug}" in the catalog; its ${seed.rowsAre} are skipped`)
  await deps.writeHash(seed.hashKey, hash)
  return { seeded: true, problems: problems.length, ...written }
}
