// The catalog's probes seeded with the catalog: every row of prisma/seed/probes.csv becomes a Probe,
// once, however often the seed runs; the file is the whole truth.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { replaceCatalogProbes } from '@/lib/data/probe-catalog'
import { db } from '@/lib/db/client'
import { parseProbes, SEED_PROBES_FILE } from './probes'
import { seedCatalogIfChanged } from './seed'

describe('catalog probes', () => {
  it('are seeded with the catalog, idempotently, and follow the file when it changes', async () => {
    const { rows } = parseProbes(readFileSync(SEED_PROBES_FILE, 'utf8'))
    await seedCatalogIfChanged()
    expect(await db.probe.count()).toBe(rows.length)
    const github = await db.probe.findFirstOrThrow({ where: { vendor: { slug: 'github' } } })
    expect(github).toMatchObject({ url: 'https://api.github.com/rate_limit', upBelow: 500, nextCheckAt: null })

    // Written again (the same file): the same rows, by their natural key, with their results kept.
    await db.probeResult.create({ data: { probeId: github.id, checkedAt: new Date('2026-03-02T09:00:00Z'), ok: true, statusCode: 200, latencyMs: 90 } })
    const entries = rows.map((r) => ({ vendorSlug: r.vendor, url: r.url, upBelow: r.upBelow }))
    expect(await replaceCatalogProbes(entries)).toEqual({ written: rows.length, removed: 0, unknownVendors: [] })
    expect(await db.probe.count()).toBe(rows.length)
    expect(await db.probeResult.count({ where: { probeId: github.id } })).toBe(1)

    // A row changed, a row dropped, a vendor the catalog lacks.
    const changed = entries.map((e) => (e.vendorSlug === 'stripe' ? { ...e, upBelow: 400 } : e)).filter((e) => e.vendorSlug !== 'github')
    const result = await replaceCatalogProbes([...changed, { vendorSlug: 'not-in-catalog', url: 'https://api.example.com/', upBelow: 500 }])
    expect(result).toEqual({ written: rows.length - 1, removed: 1, unknownVendors: ['not-in-catalog'] })
    expect(await db.probe.findFirst({ where: { vendor: { slug: 'github' } } })).toBeNull()
    expect(await db.probeResult.count()).toBe(0)
    expect((await db.probe.findFirstOrThrow({ where: { vendor: { slug: 'stripe' } } })).upBelow).toBe(400)
  })
})
