// The shared shape of the aliases and probes seeds: skip while nothing changed, warn bad rows and
// unknown vendors by file, record the hash only after the write.
import { describe, expect, it } from 'vitest'
import type { CsvSeed, CsvSeedDeps } from './seed-csv'
import { seedCsvIfChanged } from './seed-csv'

type Row = { vendor: string }

function harness(content: string) {
  const stored = new Map<string, string>()
  const warnings: string[] = []
  const written: Row[][] = []
  const deps: CsvSeedDeps = {
    readFile: async () => content,
    readHash: async (key) => stored.get(key) ?? null,
    writeHash: async (key, hash) => void stored.set(key, hash),
    warn: (m) => void warnings.push(m),
  }
  const seed = (replace?: CsvSeed<Row, { unknownVendors: string[] }>['replace']): CsvSeed<Row, { unknownVendors: string[] }> => ({
    file: 'prisma/seed/things.csv',
    hashKey: 'catalog.thingsSha256',
    rowsAre: 'things',
    parse: (text) => ({
      rows: text.split('\n').filter((v) => v && v !== 'BAD').map((vendor) => ({ vendor })),
      problems: text.split('\n').flatMap((v, i) => (v === 'BAD' ? [{ line: i + 1, message: 'vendor must be a catalog slug' }] : [])),
    }),
    replace:
      replace ??
      (async (rows) => {
        written.push(rows)
        return { unknownVendors: rows.map((r) => r.vendor).filter((v) => v.startsWith('gone')) }
      }),
  })
  return { stored, warnings, written, deps, seed }
}

describe('seedCsvIfChanged', () => {
  it('writes the rows once, then skips while neither the file nor the catalog changed', async () => {
    const h = harness('github\nBAD\ngone-vendor')
    expect(await seedCsvIfChanged(h.seed(), 'catalog-1', h.deps)).toEqual({ seeded: true, problems: 1, unknownVendors: ['gone-vendor'] })
    expect(h.written).toEqual([[{ vendor: 'github' }, { vendor: 'gone-vendor' }]])
    expect(h.warnings).toEqual([
      '[seed] prisma/seed/things.csv line 2: vendor must be a catalog slug',
      '[seed] prisma/seed/things.csv: no vendor "gone-vendor" in the catalog; its things are skipped',
    ])
    expect(await seedCsvIfChanged(h.seed(), 'catalog-1', h.deps)).toEqual({ seeded: false })
    expect(h.written).toHaveLength(1)
  })

  it('writes again when the catalog changed (a vendor added later gets its rows)', async () => {
    const h = harness('github')
    await seedCsvIfChanged(h.seed(), 'catalog-1', h.deps)
    expect((await seedCsvIfChanged(h.seed(), 'catalog-2', h.deps)).seeded).toBe(true)
    expect(h.written).toHaveLength(2)
  })

  it('records no hash when the write fails, so the next start tries again', async () => {
    const h = harness('github')
    await expect(seedCsvIfChanged(h.seed(async () => Promise.reject(new Error('db down'))), null, h.deps)).rejects.toThrow('db down')
    expect(h.stored.size).toBe(0)
    expect((await seedCsvIfChanged(h.seed(), null, h.deps)).seeded).toBe(true)
  })
})
