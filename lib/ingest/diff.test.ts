import { describe, expect, it } from 'vitest'
import { diffVendor, isEmptyPlan } from './diff'
import { hashBody } from '@/lib/data/body-hash'
import type { NormalizedIncident, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import type { StoredIncident, StoredMaintenance, StoredVendorState } from '@/lib/data/vendor-snapshots'

const NOW = new Date('2026-11-24T12:00:00Z')
const t = (iso: string) => new Date(`2026-11-24T${iso}Z`)

function snapshot(over: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    status: 'operational',
    statusText: 'All Systems Operational',
    groups: [{ externalId: 'g1', name: 'Core', position: 0 }],
    components: [
      { externalId: 'api', name: 'API', status: 'operational', groupExternalId: 'g1', position: 0 },
      { externalId: 'web', name: 'Website', status: 'operational', groupExternalId: null, position: 1 },
    ],
    incidents: [],
    maintenances: [],
    coverage: { incidents: 'active', maintenances: 'active' },
    ...over,
  }
}

function stored(over: Partial<StoredVendorState> = {}): StoredVendorState {
  return {
    vendorId: 'v1',
    status: 'operational',
    statusText: 'All Systems Operational',
    isBaseline: false,
    groups: [{ id: 'G1', externalId: 'g1', name: 'Core', position: 0, absentSince: null, removedAt: null }],
    components: [
      { id: 'C-api', externalId: 'api', name: 'API', description: null, groupId: 'G1', position: 0, status: 'operational', onlyShowIfDegraded: false, absentSince: null, removedAt: null },
      { id: 'C-web', externalId: 'web', name: 'Website', description: null, groupId: null, position: 1, status: 'operational', onlyShowIfDegraded: false, absentSince: null, removedAt: null },
    ],
    incidents: [],
    maintenances: [],
    ...over,
  }
}

const update = (externalId: string, status: NormalizedIncident['status'], body: string, at: string) => ({ externalId, status, body, publishedAt: t(at) })

function incident(over: Partial<NormalizedIncident> = {}): NormalizedIncident {
  return {
    externalId: 'inc1',
    title: 'Elevated API errors',
    status: 'investigating',
    impact: 'major',
    startedAt: t('10:00:00'),
    resolvedAt: null,
    url: 'https://status.example/incidents/inc1',
    componentExternalIds: ['api'],
    updates: [update('u1', 'investigating', 'We are investigating.', '10:00:00')],
    ...over,
  }
}

/** The stored twin of a normalized incident, as the store would have written it. */
function storedIncident(i: NormalizedIncident): StoredIncident {
  return {
    id: `I-${i.externalId}`,
    externalId: i.externalId,
    title: i.title,
    status: i.status,
    impact: i.impact,
    startedAt: i.startedAt,
    resolvedAt: i.resolvedAt,
    url: i.url ?? null,
    postmortemBody: i.postmortem?.body ?? null,
    postmortemPublishedAt: i.postmortem?.publishedAt ?? null,
    componentExternalIds: i.componentExternalIds,
    updates: i.updates.map((u) => ({ id: `U-${u.externalId}`, externalId: u.externalId, status: u.status, bodyHash: hashBody(u.body), publishedAt: u.publishedAt })),
  }
}

const kinds = (plan: ReturnType<typeof diffVendor>) => plan.events.map((e) => e.kind)

describe('diffVendor: unchanged input', () => {
  it('plans nothing when the snapshot matches what is stored', () => {
    const inc = incident()
    const plan = diffVendor(stored({ incidents: [storedIncident(inc)] }), snapshot({ incidents: [inc] }), NOW)
    expect(isEmptyPlan(plan)).toBe(true)
  })

  it('ignores a change of upstream updated_at alone (a timestamp-only change writes nothing)', () => {
    const inc = incident()
    const plan = diffVendor(stored({ incidents: [storedIncident(inc)] }), snapshot({ incidents: [{ ...inc, updatedAt: t('11:59:00') }] }), NOW)
    expect(isEmptyPlan(plan)).toBe(true)
  })

  it('treats line-ending changes in an update body as no edit', () => {
    const inc = incident({ updates: [update('u1', 'investigating', 'Line one.\nLine two.', '10:00:00')] })
    const crlf = incident({ updates: [update('u1', 'investigating', 'Line one.\r\nLine two.  ', '10:00:00')] })
    expect(isEmptyPlan(diffVendor(stored({ incidents: [storedIncident(inc)] }), snapshot({ incidents: [crlf] }), NOW))).toBe(true)
  })
})

describe('diffVendor: baseline', () => {
  it('records everything on a first ingest, with every event marked baseline', () => {
    const plan = diffVendor(
      stored({ isBaseline: true, status: 'unknown', statusText: null, groups: [], components: [] }),
      snapshot({ status: 'partial_outage', incidents: [incident()], maintenances: [maintenance()] }),
      NOW,
    )
    expect(plan.vendorStatus).toEqual({ status: 'partial_outage', statusText: 'All Systems Operational' })
    expect(plan.components.creates.map((c) => c.externalId)).toEqual(['api', 'web'])
    expect(plan.components.groupCreates).toHaveLength(1)
    expect(plan.components.statusChanges).toEqual([
      { componentExternalId: 'api', from: null, to: 'operational', at: NOW },
      { componentExternalId: 'web', from: null, to: 'operational', at: NOW },
    ])
    expect(plan.incidents.creates[0]?.baseline).toBe(true)
    expect(plan.maintenances.creates[0]?.baseline).toBe(true)
    expect(kinds(plan)).toEqual(['incident_opened', 'maintenance_scheduled'])
    expect(plan.events.every((e) => e.baseline)).toBe(true)
  })
})

describe('diffVendor: incidents', () => {
  it('opens a new incident with one event keyed by its upstream id', () => {
    const plan = diffVendor(stored(), snapshot({ incidents: [incident()] }), NOW)
    expect(plan.incidents.creates).toHaveLength(1)
    expect(plan.incidents.creates[0]?.baseline).toBe(false)
    expect(plan.events).toEqual([
      expect.objectContaining({ kind: 'incident_opened', dedupeKey: 'incident_opened:v1:inc1', occurredAt: t('10:00:00'), baseline: false }),
    ])
  })

  it('marks an incident first seen already resolved as history', () => {
    const plan = diffVendor(stored(), snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: t('10:30:00') })] }), NOW)
    expect(plan.incidents.creates[0]?.baseline).toBe(true)
    expect(plan.events[0]).toMatchObject({ kind: 'incident_opened', data: { firstSeenOver: true } })
  })

  it('adds each new update once, with an event per update keyed by the update id', () => {
    const before = incident()
    const after = incident({
      status: 'identified',
      updates: [...before.updates, update('u2', 'identified', 'Cause found.', '10:20:00'), update('u3', 'identified', 'Fix rolling out.', '10:40:00')],
    })
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [after] }), NOW)
    expect(plan.incidents.updates).toHaveLength(1)
    expect(plan.incidents.updates[0]?.newUpdates.map((u) => u.externalId)).toEqual(['u2', 'u3'])
    expect(plan.incidents.updates[0]?.fields).toMatchObject({ status: 'identified' })
    expect(plan.events.map((e) => e.dedupeKey)).toEqual(['incident_updated:v1:inc1:u2', 'incident_updated:v1:inc1:u3'])
  })

  it('announces a resolution once, by incident_resolved rather than as an update', () => {
    const before = incident()
    const after = incident({ status: 'resolved', resolvedAt: t('11:00:00'), updates: [...before.updates, update('u2', 'resolved', 'Resolved.', '11:00:00')] })
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [after] }), NOW)
    expect(kinds(plan)).toEqual(['incident_resolved'])
    expect(plan.events[0]).toMatchObject({ dedupeKey: `incident_resolved:v1:inc1:${t('11:00:00').toISOString()}`, occurredAt: t('11:00:00') })
    expect(plan.incidents.updates[0]?.newUpdates).toHaveLength(1)
  })

  it('resolves a stored open incident that left an "active" list, and keeps it when the list is only "recent"', () => {
    const open = storedIncident(incident())
    const active = diffVendor(stored({ incidents: [open] }), snapshot(), NOW)
    expect(active.incidents.updates[0]).toMatchObject({ id: 'I-inc1', fields: { status: 'resolved', resolvedAt: NOW } })
    expect(active.events[0]).toMatchObject({ kind: 'incident_resolved', data: { inferred: true } })

    const recent = diffVendor(stored({ incidents: [open] }), snapshot({ coverage: { incidents: 'recent', maintenances: 'active' } }), NOW)
    expect(isEmptyPlan(recent)).toBe(true)
  })

  it('never deletes: a resolved incident that dropped out of the upstream list is left alone', () => {
    const old = storedIncident(incident({ status: 'resolved', resolvedAt: t('09:00:00') }))
    expect(isEmptyPlan(diffVendor(stored({ incidents: [old] }), snapshot(), NOW))).toBe(true)
  })

  it('detects an edited update body under the same id', () => {
    const before = incident()
    const after = incident({ updates: [update('u1', 'investigating', 'We are investigating elevated errors on the API.', '10:00:00')] })
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [after] }), NOW)
    expect(plan.incidents.updates[0]?.editedUpdates).toEqual([
      { id: 'U-u1', body: 'We are investigating elevated errors on the API.', status: 'investigating', publishedAt: t('10:00:00') },
    ])
    expect(plan.incidents.updates[0]?.newUpdates).toEqual([])
    expect(plan.events).toEqual([expect.objectContaining({ kind: 'incident_update_edited', dedupeKey: `incident_update_edited:v1:inc1:u1:${hashBody('We are investigating elevated errors on the API.')}` })])
  })

  it('keeps two updates with identical text as two updates (never dedupes on text)', () => {
    const before = incident()
    const after = incident({ updates: [...before.updates, update('u2', 'investigating', 'We are investigating.', '10:30:00')] })
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [after] }), NOW)
    expect(plan.incidents.updates[0]?.newUpdates.map((u) => u.externalId)).toEqual(['u2'])
  })

  it('publishes a postmortem once, including on an incident resolved long ago', () => {
    const resolved = incident({ status: 'resolved', resolvedAt: t('11:00:00') })
    const withPostmortem = { ...resolved, status: 'postmortem' as const, postmortem: { body: '## Root cause\nA bad deploy.', publishedAt: t('11:50:00') } }
    const plan = diffVendor(stored({ incidents: [storedIncident(resolved)] }), snapshot({ incidents: [withPostmortem] }), NOW)
    expect(kinds(plan)).toEqual(['postmortem_published'])
    expect(plan.events[0]?.dedupeKey).toBe('postmortem_published:v1:inc1')
    expect(plan.incidents.updates[0]?.fields).toMatchObject({ status: 'postmortem', postmortemBody: '## Root cause\nA bad deploy.', postmortemPublishedAt: t('11:50:00') })

    const again = diffVendor(stored({ incidents: [storedIncident(withPostmortem)] }), snapshot({ incidents: [withPostmortem] }), NOW)
    expect(isEmptyPlan(again)).toBe(true)
  })

  it('announces a status change that came without an update', () => {
    const before = incident()
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [{ ...before, status: 'monitoring' }] }), NOW)
    expect(plan.events).toEqual([expect.objectContaining({ kind: 'incident_updated', dedupeKey: 'incident_updated:v1:inc1:status-investigating-monitoring' })])
  })

  it('relinks components when the affected set changes, without an event', () => {
    const before = incident()
    const plan = diffVendor(stored({ incidents: [storedIncident(before)] }), snapshot({ incidents: [{ ...before, componentExternalIds: ['api', 'web'] }] }), NOW)
    expect(plan.incidents.updates[0]?.componentExternalIds).toEqual(['api', 'web'])
    expect(plan.events).toEqual([])
  })
})

describe('diffVendor: components', () => {
  it('keeps a status change as history and as an event', () => {
    const snap = snapshot()
    const [api] = snap.components
    if (api) api.status = 'major_outage'
    const plan = diffVendor(stored(), snap, NOW)
    expect(plan.components.statusChanges).toEqual([{ componentExternalId: 'api', from: 'operational', to: 'major_outage', at: NOW }])
    expect(plan.events).toEqual([
      expect.objectContaining({ kind: 'component_status_changed', componentExternalId: 'api', data: { from: 'operational', to: 'major_outage' } }),
    ])
  })

  it('marks a component change seen while an open incident covers the component', () => {
    const withApiDown = (incidents: NormalizedIncident[], storedIncidents: StoredIncident[] = []) => {
      const snap = snapshot({ incidents })
      const [api] = snap.components
      if (api) api.status = 'major_outage'
      return diffVendor(stored({ incidents: storedIncidents }), snap, NOW).events.find((e) => e.kind === 'component_status_changed')
    }
    // Opened in the same read, naming the component: covered.
    expect(withApiDown([incident()])?.data.duringIncident).toBe('inc1')
    // An incident that names no component speaks for all of them.
    expect(withApiDown([incident({ componentExternalIds: [] })])?.data.duringIncident).toBe('inc1')
    // An open incident about another component, or none at all: the component alert stands.
    expect(withApiDown([incident({ componentExternalIds: ['web'] })])?.data).not.toHaveProperty('duringIncident')
    expect(withApiDown([])?.data).not.toHaveProperty('duringIncident')
    // An incident first seen already over never covered anything.
    expect(withApiDown([incident({ status: 'resolved', resolvedAt: t('11:00:00') })])?.data).not.toHaveProperty('duringIncident')
    // Still open in what we stored (its page lists only some incidents): covered.
    expect(withApiDown([], [storedIncident(incident())])?.data.duringIncident).toBe('inc1')
  })

  it('counts a recovery seen in the read that resolves the incident as part of that incident', () => {
    const open = incident()
    const snap = snapshot({ incidents: [{ ...open, status: 'resolved', resolvedAt: t('11:50:00') }] })
    const plan = diffVendor(stored({ incidents: [storedIncident(open)], components: stored().components.map((c) => (c.externalId === 'api' ? { ...c, status: 'major_outage' } : c)) }), snap, NOW)
    expect(plan.events.find((e) => e.kind === 'component_status_changed')?.data).toMatchObject({ from: 'major_outage', to: 'operational', duringIncident: 'inc1' })
    // A later change, once the incident is over, is news of its own.
    const later = diffVendor(stored({ incidents: [storedIncident({ ...open, status: 'resolved', resolvedAt: t('11:50:00') })] }), snapshot({ components: snapshot().components.map((c) => ({ ...c, status: 'degraded' as const })) }), NOW)
    expect(later.events.filter((e) => e.kind === 'component_status_changed').map((e) => e.data.duringIncident)).toEqual([undefined, undefined])
  })

  it('renames and regroups by upstream id, never by name', () => {
    const snap = snapshot({
      groups: [],
      components: [
        { externalId: 'api', name: 'Public API', status: 'operational', groupExternalId: null, position: 0 },
        { externalId: 'web', name: 'Website', status: 'operational', groupExternalId: null, position: 1 },
      ],
    })
    const plan = diffVendor(stored(), snap, NOW)
    expect(plan.components.creates).toEqual([])
    expect(plan.components.updates).toEqual([{ id: 'C-api', data: { name: 'Public API' }, groupExternalId: null }])
    // The group is missing from a complete list: the first step towards removal, not removal.
    expect(plan.components.groupUpdates).toEqual([{ id: 'G1', data: { absentSince: NOW } }])
  })

  it('removes a component only after a day of absence from complete lists (absence is not removal)', () => {
    const snap = snapshot({ components: [{ externalId: 'api', name: 'API', status: 'operational', groupExternalId: 'g1', position: 0 }] })
    // First complete list without it: noted, still listed.
    expect(diffVendor(stored(), snap, NOW).components.updates).toEqual([{ id: 'C-web', data: { absentSince: NOW } }])
    const missing = (since: Date) =>
      stored({ components: stored().components.map((c) => (c.externalId === 'web' ? { ...c, absentSince: since } : c)) })
    const hour = 3_600_000
    // Missing for 23 h 59 min: nothing to write yet.
    expect(diffVendor(missing(new Date(NOW.getTime() - 24 * hour + 60_000)), snap, NOW).components.updates).toEqual([])
    // Missing for a whole day: removed now.
    expect(diffVendor(missing(new Date(NOW.getTime() - 24 * hour)), snap, NOW).components.updates).toEqual([{ id: 'C-web', data: { removedAt: NOW } }])
    // Listed again (by any read) before that: the count starts over.
    expect(diffVendor(missing(new Date(NOW.getTime() - hour)), snapshot(), NOW).components.updates).toEqual([{ id: 'C-web', data: { absentSince: null } }])
    // A partial list says nothing about absence, and keeps the count where it was.
    const partial = diffVendor(missing(new Date(NOW.getTime() - 48 * hour)), { ...snap, componentsPartial: true }, NOW)
    expect(partial.components.updates).toEqual([])
  })

  it('removes nothing when the payload lists no components at all', () => {
    const empty = diffVendor(stored(), snapshot({ components: [], groups: [] }), NOW)
    expect(empty.components.updates).toEqual([])
    expect(empty.components.groupUpdates).toEqual([])
  })
  it('removes nothing when some components could not be read (componentsPartial, issue 14 #1)', () => {
    const snap = snapshot({ components: [{ externalId: 'api', name: 'API', status: 'operational', groupExternalId: 'g1', position: 0 }], componentsPartial: true })
    const plan = diffVendor(stored(), snap, NOW)
    expect(plan.components.updates).toEqual([])
    expect(plan.components.groupUpdates).toEqual([])
  })
})

function maintenance(over: Partial<NormalizedMaintenance> = {}): NormalizedMaintenance {
  return {
    externalId: 'm1',
    title: 'Database upgrade',
    status: 'scheduled',
    impact: 'none',
    scheduledFor: t('14:00:00'),
    scheduledUntil: t('15:00:00'),
    body: 'We will upgrade the database.',
    componentExternalIds: ['api'],
    ...over,
  }
}

function storedMaintenance(m: NormalizedMaintenance): StoredMaintenance {
  return {
    id: `M-${m.externalId}`,
    externalId: m.externalId,
    title: m.title,
    status: m.status,
    impact: m.impact,
    scheduledFor: m.scheduledFor,
    scheduledUntil: m.scheduledUntil,
    startedAt: m.startedAt ?? null,
    completedAt: m.completedAt ?? null,
    url: m.url ?? null,
    bodyHash: m.body ? hashBody(m.body) : null,
    componentExternalIds: m.componentExternalIds,
  }
}

describe('diffVendor: maintenances', () => {
  it('schedules, starts and completes, one event each', () => {
    const scheduled = diffVendor(stored(), snapshot({ maintenances: [maintenance()] }), NOW)
    expect(kinds(scheduled)).toEqual(['maintenance_scheduled'])

    const running = maintenance({ status: 'in_progress', startedAt: t('14:00:00') })
    const started = diffVendor(stored({ maintenances: [storedMaintenance(maintenance())] }), snapshot({ maintenances: [running] }), NOW)
    expect(started.events).toEqual([expect.objectContaining({ kind: 'maintenance_started', dedupeKey: 'maintenance_started:v1:m1', occurredAt: t('14:00:00') })])

    const done = maintenance({ status: 'completed', startedAt: t('14:00:00'), completedAt: t('14:45:00') })
    const completed = diffVendor(stored({ maintenances: [storedMaintenance(running)] }), snapshot({ maintenances: [done] }), NOW)
    expect(completed.events).toEqual([expect.objectContaining({ kind: 'maintenance_completed', occurredAt: t('14:45:00') })])
    expect(completed.maintenances.updates[0]?.fields).toMatchObject({ status: 'completed', completedAt: t('14:45:00') })
  })

  it('reads a vanished maintenance as completed after its start, cancelled before it', () => {
    const past = storedMaintenance(maintenance({ scheduledFor: t('08:00:00'), scheduledUntil: t('09:00:00') }))
    const future = storedMaintenance(maintenance({ externalId: 'm2', scheduledFor: t('18:00:00') }))
    const plan = diffVendor(stored({ maintenances: [past, future] }), snapshot(), NOW)
    expect(plan.maintenances.updates).toEqual([
      { id: 'M-m1', externalId: 'm1', fields: { status: 'completed', completedAt: NOW } },
      { id: 'M-m2', externalId: 'm2', fields: { status: 'cancelled' } },
    ])
    expect(kinds(plan)).toEqual(['maintenance_completed'])
  })

  it('updates a moved window and new text silently', () => {
    const plan = diffVendor(
      stored({ maintenances: [storedMaintenance(maintenance())] }),
      snapshot({ maintenances: [maintenance({ scheduledFor: t('16:00:00'), body: 'Moved to 16:00.' })] }),
      NOW,
    )
    expect(plan.maintenances.updates[0]?.fields).toMatchObject({ scheduledFor: t('16:00:00'), body: 'Moved to 16:00.', bodyHash: hashBody('Moved to 16:00.') })
    expect(plan.events).toEqual([])
  })
})

describe('diffVendor: sources that name components only while they are affected', () => {
  it('returns a component missing from such a snapshot to operational instead of removing it', () => {
    const degraded = stored()
    const [api] = degraded.components
    if (api) api.status = 'partial_outage'
    const plan = diffVendor(degraded, snapshot({ groups: [], components: [], absentComponentsAreOperational: true }), NOW)
    expect(plan.components.statusChanges).toEqual([{ componentExternalId: 'api', from: 'partial_outage', to: 'operational', at: NOW }])
    expect(plan.components.updates).toEqual([])
    expect(kinds(plan)).toEqual(['component_status_changed'])
  })
})
