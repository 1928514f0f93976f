// One rule for "the refresh polls this source": the claim's SQL, the Prisma filter the health counts
// use and lib/status/monitored.ts agree on every case, and /api/health counts as monitored exactly
// what a claim takes.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { Platform } from '@/lib/db/generated/enums'
import { isMonitoredSource } from '@/lib/status/monitored'
import { buildHealthReport } from './health'
import { POLLABLE_SOURCE, POLLABLE_SOURCE_SQL } from './pollable-sources'
import { claimDueSources } from './status-sources'

const now = new Date('2026-04-01T12:00:00Z')
const CASES: { slug: string; platform: Platform; apiUrl: string | null; enabled: boolean; pollable: boolean }[] = [
  { slug: 'p-statuspage', platform: 'statuspage', apiUrl: 'https://s.example/api/v2/summary.json', enabled: true, pollable: true },
  { slug: 'p-statusio-no-url', platform: 'statusio', apiUrl: null, enabled: true, pollable: true },
  { slug: 'p-statuspage-no-url', platform: 'statuspage', apiUrl: null, enabled: true, pollable: false },
  { slug: 'p-unknown', platform: 'unknown', apiUrl: 'https://u.example/', enabled: true, pollable: false },
  { slug: 'p-disabled', platform: 'statuspage', apiUrl: 'https://d.example/api/v2/summary.json', enabled: false, pollable: false },
]
const expected = CASES.filter((c) => c.pollable).map((c) => c.slug).sort()

beforeAll(async () => {
  for (const c of CASES) {
    await db.vendor.create({ data: { slug: c.slug, name: c.slug, statusPageUrl: `https://${c.slug}.example`, source: { create: { platform: c.platform, apiUrl: c.apiUrl, enabled: c.enabled } } } })
  }
})

describe('pollable sources', () => {
  it('the Prisma filter, the SQL and isMonitoredSource (for enabled sources) pick the same sources', async () => {
    const viaPrisma = (await db.statusSource.findMany({ where: POLLABLE_SOURCE, select: { vendor: { select: { slug: true } } } })).map((s) => s.vendor.slug).sort()
    const viaSql = (await db.$queryRaw<{ slug: string }[]>(Prisma.sql`SELECT v.slug FROM "StatusSource" AS s JOIN "Vendor" AS v ON v.id = s."vendorId" WHERE ${POLLABLE_SOURCE_SQL}`)).map((r) => r.slug).sort()
    expect(viaPrisma).toEqual(expected)
    expect(viaSql).toEqual(expected)
    expect(CASES.filter((c) => c.enabled && isMonitoredSource(c)).map((c) => c.slug).sort()).toEqual(expected)
  })

  it('/api/health counts as monitored exactly the sources a claim takes', async () => {
    const health = await buildHealthReport(now, 60_000)
    const claimed = await claimDueSources({ owner: 'pollable-test', now, dueBy: now, leaseMs: 60_000, limit: 100 })
    expect(claimed.map((c) => c.vendorSlug).sort()).toEqual(expected)
    expect(health.vendors?.monitored).toBe(expected.length)
  })
})
