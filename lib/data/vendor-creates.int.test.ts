// The one-statement write of a creates-only plan (vendor-creates.ts) against the transaction it
// replaces for those plans: the same rows from the same plan, the same fence, and a state that
// reads back as what was written (a second diff of the same snapshot plans nothing).
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { diffVendor, isEmptyPlan } from '@/lib/ingest/diff'
import { sourceFor } from '@/lib/ingest/sources'
import { readSnapshot } from '@/lib/ingest/sources/read-snapshot'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { readFixture, snapshotOf } from '@/lib/testing/source-tests'
import { resetDatabase } from '@/lib/testing/reset-database'
import { upsertCatalogRows } from './catalog'
import { isLeaseLostError } from './lease-lost'
import { claimDueSources, type CheckedSource } from './status-sources'
import { isCreatesOnly } from './vendor-creates'
import { applyInTransaction, applyVendorChanges, loadVendorState, type VendorWrites } from './vendor-snapshots'

const NOW = new Date('2026-03-01T12:00:00Z')
const LATER = new Date('2026-03-01T12:05:00Z')

/** A Statuspage vendor's three endpoints, as a recorded summary serves them. */
function snapshotFrom(file: string, now = NOW): StatusSnapshot {
  const text = readFixture(`statuspage/${file}`)
  const summary = JSON.parse(text) as { page: unknown; incidents?: unknown[]; scheduled_maintenances?: unknown[] }
  const bodies = {
    summary: text,
    incidents: JSON.stringify({ page: summary.page, incidents: summary.incidents ?? [] }),
    maintenances: JSON.stringify({ page: summary.page, scheduled_maintenances: summary.scheduled_maintenances ?? [] }),
  }
  const source = sourceFor('statuspage')
  if (!source) throw new Error('no statuspage source')
  return snapshotOf(readSnapshot(source, bodies, { now, target: { apiUrl: 'https://status.x.example/api/v2/summary.json', statusPageUrl: 'https://status.x.example', settings: {} } }))
}

async function claimed(slug: string, at = NOW) {
  const [source] = await claimDueSources({ owner: 'cycle-1', now: at, dueBy: at, leaseMs: 300_000, limit: 1, vendorSlug: slug })
  if (!source) throw new Error(`could not claim ${slug}`)
  const check = (now: Date): CheckedSource => ({ sourceId: source.id, leaseOwner: 'cycle-1', now, nextCheckAt: LATER, httpCache: { summary: { etag: '"1"' } }, readWarnings: null })
  return { vendorId: source.vendorId, sourceId: source.id, check }
}

async function plan(vendorId: string, snapshot: StatusSnapshot, now = NOW): Promise<{ writes: VendorWrites; isBaseline: boolean }> {
  const state = await loadVendorState(vendorId, snapshot)
  return { writes: diffVendor(state, snapshot, now), isBaseline: state.isBaseline }
}

/** Everything written for a vendor, without row ids or the vendor's id (links by upstream id). */
async function stored(vendorId: string) {
  const byExt = <T extends { externalId: string }>(rows: T[]) => rows.sort((a, b) => a.externalId.localeCompare(b.externalId))
  const [vendor, source, groups, components, incidents, maintenances, events] = await Promise.all([
    db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { status: true, statusText: true, statusChangedAt: true } }),
    db.statusSource.findUniqueOrThrow({
      where: { vendorId },
      select: { lastCheckedAt: true, lastSuccessAt: true, lastChangedAt: true, nextCheckAt: true, baselineAt: true, httpCache: true, readWarnings: true, leaseOwner: true, consecutiveFailures: true },
    }),
    db.componentGroup.findMany({ where: { vendorId }, select: { externalId: true, name: true, position: true } }),
    db.component.findMany({
      where: { vendorId },
      select: {
        externalId: true, name: true, description: true, position: true, status: true, statusChangedAt: true, onlyShowIfDegraded: true, firstSeenAt: true,
        group: { select: { externalId: true } },
        history: { select: { fromStatus: true, toStatus: true, changedAt: true } },
      },
    }),
    db.incident.findMany({
      where: { vendorId },
      select: {
        externalId: true, title: true, status: true, impact: true, startedAt: true, resolvedAt: true, upstreamUpdatedAt: true, url: true,
        postmortemBody: true, postmortemPublishedAt: true, baseline: true, firstSeenAt: true, lastSeenAt: true,
        updates: { select: { externalId: true, status: true, body: true, bodyHash: true, publishedAt: true, timeUnknown: true }, orderBy: { externalId: 'asc' } },
        components: { select: { component: { select: { externalId: true } } } },
      },
    }),
    db.maintenance.findMany({
      where: { vendorId },
      select: {
        externalId: true, title: true, status: true, impact: true, scheduledFor: true, scheduledUntil: true, startedAt: true, completedAt: true,
        url: true, body: true, bodyHash: true, upstreamUpdatedAt: true, baseline: true,
        components: { select: { component: { select: { externalId: true } } } },
      },
    }),
    db.changeEvent.findMany({
      where: { vendorId },
      select: { kind: true, dedupeKey: true, baseline: true, data: true, occurredAt: true, createdAt: true, incident: { select: { externalId: true } }, maintenance: { select: { externalId: true } }, componentId: true },
    }),
  ])
  const links = (rows: { component: { externalId: string } }[]) => rows.map((l) => l.component.externalId).sort()
  return {
    vendor,
    source,
    groups: byExt(groups),
    components: byExt(components),
    incidents: byExt(incidents.map((i) => ({ ...i, components: links(i.components) }))),
    maintenances: byExt(maintenances.map((m) => ({ ...m, components: links(m.components) }))),
    events: events.map((e) => ({ ...e, dedupeKey: e.dedupeKey.replace(vendorId, 'VENDOR') })).sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey)),
  }
}

beforeEach(async () => {
  await resetDatabase()
  await upsertCatalogRows(
    ['one-statement', 'transaction'].map((slug) => ({ name: slug, slug, statusPageUrl: `https://status.${slug}.example`, platform: 'statuspage' as const, apiUrl: `https://status.${slug}.example/api/v2/summary.json` })),
  )
})

describe('a creates-only plan in one statement', () => {
  it.each(['twilio-summary-component-groups-degraded.json', 'github-summary-incident-plus-maintenance.json', 'github-summary-major-outage-35-updates.json'])(
    'writes the rows the transaction writes for a vendor’s baseline (%s)',
    async (file) => {
      const snapshot = snapshotFrom(file)
      const a = await claimed('one-statement')
      const b = await claimed('transaction')
      const planA = await plan(a.vendorId, snapshot)
      const planB = await plan(b.vendorId, snapshot)
      expect(planA.isBaseline).toBe(true)
      expect(isCreatesOnly(planA.writes)).toBe(true)

      const resultA = await applyVendorChanges(a.vendorId, planA.writes, a.check(NOW), planA.isBaseline)
      const resultB = await applyInTransaction(b.vendorId, planB.writes, b.check(NOW), planB.isBaseline)

      expect(resultA.events).toBe(resultB.events)
      expect(resultA.incidentIds).toHaveLength(resultB.incidentIds.length)
      const [rowsA, rowsB] = [await stored(a.vendorId), await stored(b.vendorId)]
      expect(rowsA.components.length).toBeGreaterThan(0)
      expect(rowsA).toEqual(rowsB)
      // Read back, the state is what the snapshot says: a second read of it plans nothing.
      expect(isEmptyPlan((await plan(a.vendorId, snapshot)).writes)).toBe(true)
    },
  )

  it('links new incidents and maintenances to components stored by an earlier read', async () => {
    const full = snapshotFrom('github-summary-incident-plus-maintenance.json')
    expect(full.incidents.length + full.maintenances.length).toBeGreaterThan(0)
    const componentsOnly = { ...full, incidents: [], maintenances: [] }
    for (const slug of ['one-statement', 'transaction']) {
      const v = await claimed(slug)
      const first = await plan(v.vendorId, componentsOnly)
      await applyInTransaction(v.vendorId, first.writes, v.check(NOW), first.isBaseline)
    }
    // The next read, once the vendor is due again.
    const later = new Date(LATER.getTime() + 60_000)
    const a = await claimed('one-statement', later)
    const b = await claimed('transaction', later)
    const planA = await plan(a.vendorId, full, later)
    const planB = await plan(b.vendorId, full, later)
    expect(planA.isBaseline).toBe(false)
    expect(isCreatesOnly(planA.writes)).toBe(true)
    await applyVendorChanges(a.vendorId, planA.writes, a.check(later), false)
    await applyInTransaction(b.vendorId, planB.writes, b.check(later), false)
    const [rowsA, rowsB] = [await stored(a.vendorId), await stored(b.vendorId)]
    expect(rowsA.incidents.flatMap((i) => i.components).length + rowsA.maintenances.flatMap((m) => m.components).length).toBeGreaterThan(0)
    expect(rowsA).toEqual(rowsB)
  })

  it('writes nothing, and says the lease was lost, when another cycle holds the vendor now', async () => {
    const a = await claimed('one-statement')
    const { writes, isBaseline } = await plan(a.vendorId, snapshotFrom('github-summary-major-outage-35-updates.json'))
    // Our lease expired and another cycle took the vendor.
    await db.statusSource.update({ where: { id: a.sourceId }, data: { leaseOwner: 'cycle-2' } })
    const error = await applyVendorChanges(a.vendorId, writes, a.check(NOW), isBaseline).catch((e: unknown) => e)
    expect(isLeaseLostError(error)).toBe(true)
    const counts = await Promise.all([db.component.count(), db.componentGroup.count(), db.incident.count(), db.incidentUpdate.count(), db.maintenance.count(), db.changeEvent.count()])
    expect(counts).toEqual([0, 0, 0, 0, 0, 0])
    expect(await db.statusSource.findUniqueOrThrow({ where: { id: a.sourceId } })).toMatchObject({ leaseOwner: 'cycle-2', baselineAt: null, lastSuccessAt: null })
  })
})
