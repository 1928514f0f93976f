import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { NormalizedIncident, NormalizedMaintenance } from '@/lib/status/snapshot'
import { CLOCK_SKEW_MS, SANITY_KINDS, sanitizeIncident, sanitizeMaintenance, sanitizeSnapshot } from './sanity'
import { readSnapshot } from './sources/read-snapshot'
import { parseStatuspageIncident, statuspageSource } from './sources/statuspage'
import type { ParseContext } from './sources/types'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/statuspage/${name}`, import.meta.url), 'utf8')
const NOW = new Date('2030-01-01T00:00:00Z')
const ctx: ParseContext = { now: NOW, target: { apiUrl: 'https://www.githubstatus.com/api/v2/summary.json', statusPageUrl: 'https://www.githubstatus.com', settings: {} } }

const incident = (over: Partial<NormalizedIncident> = {}): NormalizedIncident => ({
  externalId: 'i1',
  title: 'T',
  status: 'resolved',
  impact: 'minor',
  startedAt: new Date('2029-12-31T10:00:00Z'),
  resolvedAt: new Date('2029-12-31T11:00:00Z'),
  componentExternalIds: [],
  updates: [],
  ...over,
})
const maintenance = (over: Partial<NormalizedMaintenance> = {}): NormalizedMaintenance => ({
  externalId: 'm1',
  title: 'M',
  status: 'scheduled',
  impact: 'none',
  scheduledFor: new Date('2030-01-05T10:00:00Z'),
  scheduledUntil: new Date('2030-01-05T12:00:00Z'),
  componentExternalIds: [],
  ...over,
})

describe('time sanity (issue 14 #6)', () => {
  it('GitHub nk9gdvl03ztg (backfilled, started six days after it was resolved): no negative duration', () => {
    const raw = parseStatuspageIncident(fixture('github-incident-nk9gdvl03ztg.json'))
    expect(raw.startedAt.getTime()).toBeGreaterThan(raw.resolvedAt?.getTime() ?? 0) // what the page says
    const i = sanitizeIncident(raw, NOW)
    expect(i.startedAt.toISOString()).toBe('2020-11-10T20:00:00.000Z')
    expect(i.resolvedAt?.toISOString()).toBe('2020-11-10T20:00:00.000Z')
    expect(i.resolvedAt!.getTime() - i.startedAt.getTime()).toBeGreaterThanOrEqual(0)
  })

  it('applies to every snapshot read through readSnapshot, and tells the operator', () => {
    const page = JSON.parse(fixture('github-incident-nk9gdvl03ztg.json')) as { page: unknown; incident: unknown }
    const out = readSnapshot(
      statuspageSource,
      { summary: fixture('github-summary-operational.json'), incidents: JSON.stringify({ page: page.page, incidents: [page.incident] }) },
      ctx,
    )
    if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
    const i = out.snapshot.incidents.find((x) => x.externalId === 'nk9gdvl03ztg')
    expect(i?.startedAt.toISOString()).toBe('2020-11-10T20:00:00.000Z')
    expect(out.snapshot.readWarnings).toEqual([expect.objectContaining({ kind: SANITY_KINDS.startAfterResolution, count: 1 })])
    // A correction is not a lost item: the list still proves absences.
    expect(out.snapshot.coverage.incidents).toBe('active')
  })

  it('places incident times beyond the clock skew at the check time, and keeps those within it', () => {
    const within = new Date(NOW.getTime() + CLOCK_SKEW_MS - 1000)
    const beyond = new Date(NOW.getTime() + 3 * 86_400_000)
    expect(sanitizeIncident(incident({ status: 'investigating', resolvedAt: null, startedAt: within }), NOW).startedAt).toEqual(within)
    const i = sanitizeIncident(
      incident({ status: 'investigating', resolvedAt: null, startedAt: beyond, updates: [{ externalId: 'u', status: 'investigating', body: 'b', publishedAt: beyond }] }),
      NOW,
    )
    expect(i.startedAt).toEqual(NOW)
    expect(i.updates[0]?.publishedAt).toEqual(NOW)
  })

  it('drops a maintenance end before its start, moves a start after completion back, leaves future windows alone', () => {
    expect(sanitizeMaintenance(maintenance()).scheduledUntil?.toISOString()).toBe('2030-01-05T12:00:00.000Z')
    expect(sanitizeMaintenance(maintenance({ scheduledUntil: new Date('2030-01-05T09:00:00Z') })).scheduledUntil).toBeNull()
    const done = sanitizeMaintenance(
      maintenance({ status: 'completed', startedAt: new Date('2030-01-05T11:00:00Z'), completedAt: new Date('2030-01-05T10:30:00Z') }),
    )
    expect(done.startedAt?.toISOString()).toBe('2030-01-05T10:30:00.000Z')
  })

  it('returns the snapshot untouched, with no corrections, when every time is sane', () => {
    const snapshot = { status: 'operational' as const, groups: [], components: [], incidents: [incident()], maintenances: [maintenance()], coverage: { incidents: 'active' as const, maintenances: 'active' as const } }
    const out = sanitizeSnapshot(snapshot, NOW)
    expect(out.corrections).toEqual([])
    expect(out.snapshot).toBe(snapshot)
  })
})
