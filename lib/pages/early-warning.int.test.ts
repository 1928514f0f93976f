// The early-warning reads the pages and the API make (issue 19), over the database with a fixed
// clock: the 24-hour chart counts distinct networks per 15 minutes, the open possible outage's
// evidence, the median lead over 90 days (none under three), the home page's list most-watched
// first, and the vendor API's earlyWarning.
import { beforeAll, describe, expect, it } from 'vitest'
import { vendorDetailJson } from '@/lib/api/vendors'
import { db } from '@/lib/db/client'
import type { PossibleOutageEvidence } from '@/lib/signal/types'
import { loadEarlyWarning } from './early-warning'
import { loadHome } from './home'
import { loadVendorPage } from './vendor-page'

const now = new Date('2026-11-24T12:07:00Z')
const MIN = 60_000
const INTERVAL = 5 * MIN
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN)
const evidence: PossibleOutageEvidence = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 }

async function vendor(slug: string, name: string) {
  return db.vendor.create({ data: { slug, name, statusPageUrl: `https://status.${slug}.example`, status: 'operational' } })
}

let acme: { id: string }
let globex: { id: string }

beforeAll(async () => {
  acme = await vendor('acme', 'Acme')
  globex = await vendor('globex', 'Globex')
  const initech = await vendor('initech', 'Initech')
  const users = await Promise.all(['a', 'b'].map((n) => db.user.create({ data: { email: `${n}@example.com` } })))
  // Globex is watched by two, Acme by one: Globex comes first on the home page.
  await db.watchlistEntry.createMany({
    data: [
      { userId: users[0]!.id, vendorId: globex.id },
      { userId: users[1]!.id, vendorId: globex.id },
      { userId: users[0]!.id, vendorId: acme.id },
    ],
  })
  const report = (vendorId: string, network: string, at: Date, browser = network) => ({ vendorId, networkKey: network, browserKey: browser, createdAt: at })
  await db.problemReport.createMany({
    data: [
      // In the current 15 minutes (12:00–12:15): three networks, one of them twice from two browsers.
      report(acme.id, 'n1', ago(1)),
      report(acme.id, 'n2', ago(2)),
      report(acme.id, 'n3', ago(3)),
      report(acme.id, 'n3', ago(4), 'other-browser'),
      // 11:45–12:00: one.
      report(acme.id, 'n4', ago(10)),
      // Before the 24 hours: not on the chart.
      report(acme.id, 'n5', ago(25 * 60)),
      // Another vendor's: not Acme's.
      report(globex.id, 'n1', ago(1)),
    ],
  })
  await db.possibleOutage.createMany({
    data: [
      { vendorId: acme.id, openKey: acme.id, openedAt: ago(5), trigger: 'reports+probes', evidence: { ...evidence } },
      { vendorId: globex.id, openKey: globex.id, openedAt: ago(20), trigger: 'reports', evidence: { ...evidence, probesFailing: 0 } },
      // Unreadable evidence: no banner, not listed.
      { vendorId: initech.id, openKey: initech.id, openedAt: ago(3), trigger: 'reports', evidence: { reports: 'many' } },
      // Acme's closed ones with measured leads: 10, 14 and 30 minutes in 90 days, 2 minutes 100 days ago.
      ...[10, 14, 30].map((m, i) => ({ vendorId: acme.id, openedAt: ago((i + 1) * 1440), closedAt: ago((i + 1) * 1440 - 40), closeReason: 'official_incident', trigger: 'reports', evidence: { ...evidence }, leadSeconds: m * 60 })),
      { vendorId: acme.id, openedAt: ago(100 * 1440), closedAt: ago(100 * 1440 - 40), closeReason: 'official_incident', trigger: 'reports', evidence: { ...evidence }, leadSeconds: 120 },
      // Globex: two measured only.
      ...[5, 7].map((m, i) => ({ vendorId: globex.id, openedAt: ago((i + 1) * 1440), closedAt: ago((i + 1) * 1440 - 40), closeReason: 'official_incident', trigger: 'reports', evidence: { ...evidence }, leadSeconds: m * 60 })),
    ],
  })
})

describe('loadEarlyWarning', () => {
  it('counts distinct reporting networks per 15 minutes over the 24 hours ending with the current bucket', async () => {
    const ew = await loadEarlyWarning(acme.id, now)
    expect(ew.reports.from.toISOString()).toBe('2026-11-23T12:15:00.000Z')
    expect(ew.reports.counts).toHaveLength(96)
    expect(ew.reports.counts.slice(-2)).toEqual([1, 3])
    expect(ew.reports.counts.reduce((a, b) => a + b, 0)).toBe(4)
  })

  it("draws the signal's own usual level: the median of the same hour in the four weeks before, per 15 minutes", async () => {
    const umbrella = await vendor('umbrella', 'Umbrella')
    const WEEK = 7 * 1440
    // The 12:00 hour one, two and three weeks ago: 8, 4 and 4 networks; four weeks ago none.
    // Per 15-minute window: 2, 1, 1 and 0, whose median is 1. The 11:00 hour had none in any week.
    const inHour = (weeks: number, networks: number) =>
      Array.from({ length: networks }, (_, i) => ({ vendorId: umbrella.id, networkKey: `w${weeks}-n${i}`, browserKey: `w${weeks}-b${i}`, createdAt: ago(weeks * WEEK + 5 - i) }))
    await db.problemReport.createMany({ data: [...inHour(1, 8), ...inHour(2, 4), ...inHour(3, 4)] })
    const { reports } = await loadEarlyWarning(umbrella.id, now)
    expect(reports.baseline).toHaveLength(96)
    expect(reports.baseline?.at(-1)).toBe(1) // 12:00–12:15 today
    expect(reports.baseline?.at(-2)).toBe(0) // 11:45–12:00
    // Acme has no report in those four weeks: no usual level to draw, rather than a line at zero.
    expect((await loadEarlyWarning(acme.id, now)).reports.baseline).toBeNull()
  })

  it('reads the open possible outage with its evidence, and none when the evidence is unreadable', async () => {
    const ew = await loadEarlyWarning(acme.id, now)
    expect(ew.possibleOutage).toEqual({ openedAt: ago(5), trigger: 'reports+probes', evidence })
    const initech = await db.vendor.findUniqueOrThrow({ where: { slug: 'initech' } })
    expect((await loadEarlyWarning(initech.id, now)).possibleOutage).toBeNull()
  })

  it('takes the median lead over 90 days', async () => {
    expect((await loadEarlyWarning(acme.id, now)).lead).toEqual({ medianLeadSeconds: 14 * 60, measuredIncidents: 3 })
    expect((await loadEarlyWarning(globex.id, now)).lead).toEqual({ medianLeadSeconds: 6 * 60, measuredIncidents: 2 })
  })

  it('is part of the vendor page model, read or not', async () => {
    const page = await loadVendorPage('acme', now, INTERVAL)
    expect(page?.known).toBe(false)
    expect(page?.earlyWarning.possibleOutage?.trigger).toBe('reports+probes')
  })
})

describe('the vendor API', () => {
  it('exposes the open possible outage and the median lead from three measured incidents', async () => {
    const body = await vendorDetailJson('acme', now, INTERVAL)
    expect(body?.vendor.earlyWarning).toEqual({
      possibleOutage: { openedAt: ago(5).toISOString(), trigger: 'reports+probes', evidence },
      medianLeadSeconds: 840,
      measuredIncidents: 3,
    })
  })

  it('gives no median under three measured incidents, but the count', async () => {
    const body = await vendorDetailJson('globex', now, INTERVAL)
    expect(body?.vendor.earlyWarning).toMatchObject({ medianLeadSeconds: null, measuredIncidents: 2 })
  })
})

describe('loadHome', () => {
  it('lists open possible outages with readable evidence, most-watched first, in words', async () => {
    const home = await loadHome(now, INTERVAL)
    expect(home.possibleOutages).toEqual([
      { slug: 'globex', name: 'Globex', description: 'Users report problems (23 reports in 15 min, 8× usual)', openedAt: ago(20).toISOString(), watchers: 2 },
      { slug: 'acme', name: 'Acme', description: 'Users report problems (23 reports in 15 min, 8× usual); 2 of 3 probes failing', openedAt: ago(5).toISOString(), watchers: 1 },
    ])
  })
})
