// The signal's lifecycle against PostgreSQL (or PGlite): abuse (one browser, one network) cannot
// open a possible outage, 30 distinct networks do; overlapping runs open one; it closes when the
// signals subside; our own network down opens nothing; the median lead and the pruning.
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { linkOfficialIncidents, medianLeadSeconds } from '@/lib/data/possible-outages'
import { recentProbeChecks } from '@/lib/data/probes'
import { signalData } from '@/lib/data/signal-data'
import { db } from '@/lib/db/client'
import { evaluatePossibleOutages } from './evaluate'
import { QUIET_MINUTES_TO_CLOSE, REPORT_RETENTION_DAYS } from './params'
import { deriveReporterKey } from './reporter-keys'
import { submitProblemReport } from './reports'

const key = deriveReporterKey('evaluate-int-test-secret-0123456789abcdef')
// A Wednesday night: no history, so the floor decides.
const T0 = new Date('2026-12-02T03:00:00Z')
const MIN = 60_000
const after = (minutes: number) => new Date(T0.getTime() + minutes * MIN)

const evaluate = (now: Date) => evaluatePossibleOutages({ data: { ...signalData, recentProbeChecks }, now: () => now, intervalMs: MIN })
const report = (slug: string, ip: string, browserId: string, now: Date) => submitProblemReport({ vendorSlug: slug, clientIp: ip, browserId }, { now: () => now, key })
const openOutages = (slug: string) => db.possibleOutage.findMany({ where: { vendor: { slug } } })
const browser = (i: number) => `b${String(i).padStart(21, '0')}`

beforeAll(async () => {
  const slugs = ['one-browser', 'one-network', 'thirty', 'network-down']
  await upsertCatalogRows(slugs.map((slug) => ({ name: slug, slug, statusPageUrl: `https://status.${slug}.example`, platform: 'statuspage' as const })))
  await db.vendor.updateMany({ data: { status: 'operational' } })
  await db.statusSource.updateMany({ data: { lastSuccessAt: T0, lastCheckedAt: T0 } })
})

describe('abuse', () => {
  it('500 reports from one browser (from 500 networks) are one report and open nothing', async () => {
    for (let i = 0; i < 500; i++) await report('one-browser', `10.${i >> 8}.${i & 255}.1`, browser(1), new Date(T0.getTime() + i * 1000))
    expect(await db.problemReport.count({ where: { vendor: { slug: 'one-browser' } } })).toBe(1)
    await evaluate(after(9))
    expect(await openOutages('one-browser')).toHaveLength(0)
  }, 120_000)

  it('500 reports from one network (500 browsers) are one report and open nothing', async () => {
    const outcomes = new Map<string, number>()
    for (let i = 0; i < 500; i++) {
      const o = await report('one-network', `172.16.5.${i % 250}`, browser(1000 + i), new Date(T0.getTime() + i * 1000))
      outcomes.set(o.kind, (outcomes.get(o.kind) ?? 0) + 1)
    }
    expect(await db.problemReport.count({ where: { vendor: { slug: 'one-network' } } })).toBe(1)
    // The request limit turned most of them away before any write.
    expect(outcomes.get('rate-limited')).toBeGreaterThan(400)
    await evaluate(after(9))
    expect(await openOutages('one-network')).toHaveLength(0)
  }, 120_000)
})

describe('lifecycle', () => {
  it('30 distinct networks open one possible outage, even with two runs overlapping', async () => {
    for (let i = 0; i < 30; i++) await report('thirty', `192.0.${i}.7`, browser(5000 + i), after(10 + i / 10))
    const runs = await Promise.all([evaluate(after(14)), evaluate(after(14))])
    expect(runs.reduce((n, r) => n + r.opened, 0)).toBe(1)
    // The run that opened it names the vendor, so its cached pages (banner, home list) are dropped.
    expect(runs.flatMap((r) => r.changedVendors.map((v) => v.vendorSlug))).toEqual(['thirty'])
    const [outage] = await openOutages('thirty')
    expect(outage).toMatchObject({ openKey: outage?.vendorId, trigger: 'reports', openedAt: after(14), closedAt: null })
    expect(outage?.evidence).toMatchObject({ reports: 30, windowMinutes: 15, probesFailing: 0 })
    const events = await db.changeEvent.findMany({ where: { possibleOutageId: outage?.id } })
    expect(events).toMatchObject([{ kind: 'possible_outage_opened', dedupeKey: `possible_outage_opened:${outage?.id}`, baseline: false, createdAt: after(14) }])
    expect(events[0]?.data).toMatchObject({ reports: 30, trigger: 'reports' })
  })

  it('stays open while the signal is hot and closes as subsided after the quiet period', async () => {
    const hot = await evaluate(after(20))
    expect(hot.closed).toBe(0)
    expect(hot.changedVendors).toEqual([])
    const quietEnough = after(14 + QUIET_MINUTES_TO_CLOSE + 15)
    const quiet = await evaluate(quietEnough)
    expect(quiet.closed).toBe(1)
    expect(quiet.changedVendors.map((v) => v.vendorSlug)).toEqual(['thirty'])
    const [outage] = await openOutages('thirty')
    expect(outage).toMatchObject({ openKey: null, closeReason: 'subsided', closedAt: quietEnough })
    const closed = await db.changeEvent.findMany({ where: { possibleOutageId: outage?.id, kind: 'possible_outage_closed' } })
    expect(closed).toHaveLength(1)
    expect(closed[0]?.data).toMatchObject({ reason: 'subsided' })
    // Closed means evaluated no more once its reports age out.
    expect((await evaluate(after(24 * 60))).evaluated).toBe(0)
  })

  it('opens nothing while our own network looks down (most vendors unreachable)', async () => {
    await db.statusSource.updateMany({ where: { vendor: { slug: { not: 'network-down' } } }, data: { consecutiveFailures: 3, lastErrorKind: 'network' } })
    const t = after(3 * 60)
    for (let i = 0; i < 30; i++) await report('network-down', `198.18.${i}.7`, browser(7000 + i), t)
    const run = await evaluate(after(3 * 60 + 1))
    expect(run.ourNetworkDown).toBe(true)
    expect(await openOutages('network-down')).toHaveLength(0)
    await db.statusSource.updateMany({ data: { consecutiveFailures: 0, lastErrorKind: null } })
    expect((await evaluate(after(3 * 60 + 2))).opened).toBe(1)
  })

  it('prunes reports past the retention', async () => {
    const before = await db.problemReport.count()
    const run = await evaluate(after((REPORT_RETENTION_DAYS + 1) * 24 * 60))
    expect(run.pruned).toBe(before)
    expect(await db.problemReport.count()).toBe(0)
  })
})

describe('linking an official incident', () => {
  const incidentAt = (vendorId: string, externalId: string, now: Date) =>
    db.incident.create({ data: { vendorId, externalId, title: 'Errors', status: 'investigating', impact: 'major', startedAt: now, firstSeenAt: now } })
  const outageOf = (vendorId: string, openedAt: Date, closed: { at: Date } | null) =>
    db.possibleOutage.create({
      data: { vendorId, openKey: closed ? null : vendorId, openedAt, trigger: 'reports', evidence: {}, ...(closed && { closedAt: closed.at, closeReason: 'subsided' }) },
    })

  it('links an incident that follows a subsided one within 60 minutes, keeping its close reason', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'one-network' } })
    const t = after(10 * 24 * 60)
    const outage = await outageOf(vendor.id, t, { at: new Date(t.getTime() + 40 * MIN) })
    const incident = await incidentAt(vendor.id, 'late-1', new Date(t.getTime() + 50 * MIN))
    await db.$transaction((tx) => linkOfficialIncidents(tx, vendor.id, [incident.id], new Date(t.getTime() + 50 * MIN)))
    expect(await db.possibleOutage.findUniqueOrThrow({ where: { id: outage.id } })).toMatchObject({ closeReason: 'subsided', incidentId: incident.id, leadSeconds: 50 * 60 })
    // No second "closed" event: it was closed already.
    expect(await db.changeEvent.count({ where: { possibleOutageId: outage.id } })).toBe(0)
  })

  it('closes an open one long after its opening, but records no lead past 60 minutes', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'one-browser' } })
    const t = after(11 * 24 * 60)
    const outage = await outageOf(vendor.id, t, null)
    const now = new Date(t.getTime() + 90 * MIN)
    const incident = await incidentAt(vendor.id, 'late-2', now)
    await db.$transaction((tx) => linkOfficialIncidents(tx, vendor.id, [incident.id], now))
    expect(await db.possibleOutage.findUniqueOrThrow({ where: { id: outage.id } })).toMatchObject({ openKey: null, closeReason: 'official_incident', incidentId: incident.id, leadSeconds: null, closedAt: now })
    const events = await db.changeEvent.findMany({ where: { possibleOutageId: outage.id } })
    expect(events).toMatchObject([{ kind: 'possible_outage_closed', incidentId: incident.id, data: { reason: 'official_incident', leadSeconds: null } }])
  })

  it('leaves alone an outage that subsided more than 60 minutes before', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'thirty' } })
    const t = after(12 * 24 * 60)
    const outage = await outageOf(vendor.id, t, { at: new Date(t.getTime() + 40 * MIN) })
    const now = new Date(t.getTime() + 40 * MIN + 61 * MIN)
    const incident = await incidentAt(vendor.id, 'late-3', now)
    await db.$transaction((tx) => linkOfficialIncidents(tx, vendor.id, [incident.id], now))
    expect((await db.possibleOutage.findUniqueOrThrow({ where: { id: outage.id } })).incidentId).toBeNull()
  })
})

describe('medianLeadSeconds', () => {
  it('is the median over 90 days of the measured leads, with how many', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'one-browser' } })
    const now = after(100 * 24 * 60)
    expect(await medianLeadSeconds(vendor.id, now)).toEqual({ medianSeconds: null, measured: 0 })
    const outage = (daysAgo: number, leadSeconds: number | null) =>
      db.possibleOutage.create({ data: { vendorId: vendor.id, openedAt: new Date(now.getTime() - daysAgo * 24 * 3600_000), closedAt: now, closeReason: 'official_incident', trigger: 'reports', evidence: {}, leadSeconds } })
    await outage(1, 600)
    await outage(2, 900)
    await outage(3, null) // confirmed too late: not measured
    await outage(4, 1800)
    await outage(120, 60) // older than 90 days
    expect(await medianLeadSeconds(vendor.id, now)).toEqual({ medianSeconds: 900, measured: 3 })
  })
})
