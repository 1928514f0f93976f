import { describe, expect, it } from 'vitest'
import { iso, readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { SALESFORCE_PREVIEW_URL, salesforceSource } from './salesforce'
import { SourceParseError, type ParseContext } from './types'

const preview = fixture('salesforce/salesforce-instances-status-preview-with-incident.json')
const localizations = fixture('salesforce/salesforce-localizations.json')
const ctx: ParseContext = { now: new Date('2030-01-01T00:00:00Z'), target: { apiUrl: null, statusPageUrl: 'https://status.salesforce.com', settings: {} } }

type Instance = Record<string, unknown> & { key: string; Incidents: Record<string, unknown>[] }
const wire = () => JSON.parse(preview) as Instance[]

function parse(instances: string | null, locs: string | null = localizations): StatusSnapshot {
  return snapshotOf(salesforceSource.parse({ instances, localizations: locs }, ctx))
}

/** The fixture with NA137's incident changed by `edit`. */
function editIncident(edit: (incident: Record<string, unknown>) => void): Instance[] {
  const all = wire()
  const incident = all.find((i) => i.key === 'NA137')?.Incidents[0]
  if (!incident) throw new Error('fixture changed')
  edit(incident)
  return all
}

describe('salesforce endpoints', () => {
  it('fetches the preview and, optionally, the English localizations', () => {
    expect(salesforceSource.endpoints(ctx.target)).toEqual([
      { key: 'instances', url: SALESFORCE_PREVIEW_URL },
      { key: 'localizations', url: 'https://api.status.salesforce.com/v1/localizations?locale=en', optional: true },
    ])
  })
})

describe('salesforce on the recorded preview (1,528 instances)', () => {
  const s = parse(preview)

  it('keeps the 1,463 active instances as components, grouped by location, shown only when degraded', () => {
    expect(s.components).toHaveLength(1463)
    expect(s.groups.map((g) => [g.externalId, g.name])).toEqual([
      ['location:APAC', 'APAC'],
      ['location:EMEA', 'EMEA'],
      ['location:NA', 'NA'],
    ])
    expect(s.components.every((c) => c.onlyShowIfDegraded === true)).toBe(true)
    expect(s.components.find((c) => c.externalId === 'POD5')).toBeUndefined() // isActive: false
    const na137 = s.components.find((c) => c.externalId === 'NA137')
    expect(na137).toMatchObject({ name: 'NA137', description: 'production', status: 'degraded', groupExternalId: 'location:NA' })
    expect(s.components.filter((c) => c.status !== 'operational').map((c) => c.externalId)).toEqual(['NA137'])
    // MINOR_INCIDENT_CORE, "Performance Degradation - Asynchronous Processing": degraded (decided, §5).
    expect(s.status).toBe('degraded')
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })
  it('sorts instances naturally within a location', () => {
    const na = s.components.filter((c) => c.groupExternalId === 'location:NA').map((c) => c.externalId)
    expect(na.indexOf('NA21')).toBeGreaterThanOrEqual(0)
    expect(na.indexOf('NA21')).toBeLessThan(na.indexOf('NA114'))
  })
  it('maps the incident with localized text, impact and UTC times', () => {
    expect(s.incidents).toHaveLength(1)
    const i = s.incidents[0]
    expect(i?.externalId).toBe('5968')
    expect(i?.title).toBe('Performance Degradation - Asynchronous Processing')
    expect(i?.status).toBe('investigating')
    expect(i?.impact).toBe('minor')
    expect(iso(i?.startedAt)).toBe('2020-07-29T16:08:00.000Z')
    expect(i?.resolvedAt).toBeNull()
    expect(i?.componentExternalIds).toEqual(['NA137'])
    expect(i?.url).toBe('https://status.salesforce.com/incidents/5968')
    expect(i?.updates).toHaveLength(1)
    expect(i?.updates[0]?.externalId).toBe('impact-6428')
    expect(i?.updates[0]?.body).toMatch(/^The Salesforce Technology Team is working to isolate a performance degradation/)
  })
  it('keeps the snapshot small: no products, releases or cities', () => {
    expect(JSON.stringify(s).length).toBeLessThan(300_000)
  })
})

describe('salesforce mapping details', () => {
  it('without localizations the keys are shown', () => {
    const s = parse(preview, null)
    expect(s.incidents[0]?.title).toBe('performanceDegradationAsynchronousProcessingSubset')
    expect(s.incidents[0]?.updates[0]?.body).toBe('performanceDegradationAsynchronousProcessingSubset')
  })
  it('dedupes an incident listed on several instances and unions its instances', () => {
    const all = wire()
    const incident = all.find((i) => i.key === 'NA137')?.Incidents[0]
    const other = all.find((i) => i.key === 'NA138')
    if (!incident || !other) throw new Error('fixture changed')
    other.Incidents = [incident]
    const s = parse(JSON.stringify(all))
    expect(s.incidents).toHaveLength(1)
    expect(s.incidents[0]?.componentExternalIds).toEqual(['NA137', 'NA138'])
  })
  it('all impacts ended -> resolved at the last end', () => {
    const s = parse(JSON.stringify(editIncident((i) => {
      const impacts = i.IncidentImpacts as Record<string, unknown>[]
      if (impacts[0]) impacts[0].endTime = '2020-07-29T21:00:00.000Z'
    })))
    expect(s.incidents[0]?.status).toBe('resolved')
    expect(iso(s.incidents[0]?.resolvedAt)).toBe('2020-07-29T21:00:00.000Z')
  })
  it('reads incident events leniently: known phases by type prefix, junk skipped', () => {
    const s = parse(JSON.stringify(editIncident((i) => {
      i.IncidentEvents = [
        { id: 1, type: 'issueIsolatedDatabaseTier', message: null, createdAt: '2020-07-29T19:30:00.000Z' },
        { id: 2, type: 'update', message: 'Still working on it.', createdAt: '2020-07-29T19:45:00.000Z' },
        { id: 3, type: 'monitoringGeneric', createdAt: '2020-07-29T20:00:00.000Z' },
        'junk',
        { id: 4 },
      ]
    })))
    const i = s.incidents[0]
    expect(i?.status).toBe('monitoring')
    expect(i?.updates.map((u) => [u.externalId, u.status])).toEqual([
      ['impact-6428', 'investigating'],
      ['event-1', 'identified'],
      ['event-2', 'identified'],
      ['event-3', 'monitoring'],
    ])
    expect(i?.updates[1]?.body).toBe('We have isolated the issue to the database tier and are continuing to determine the best path to resolution.')
    expect(i?.updates[2]?.body).toBe('Still working on it.')
  })
  it('a major core incident is critical; MAJOR_INCIDENT_CORE is a major outage', () => {
    const all = editIncident((i) => {
      const impacts = i.IncidentImpacts as Record<string, unknown>[]
      if (impacts[0]) impacts[0].severity = 'major'
    })
    const na137 = all.find((i) => i.key === 'NA137')
    if (na137) na137.status = 'MAJOR_INCIDENT_CORE'
    const s = parse(JSON.stringify(all))
    expect(s.incidents[0]?.impact).toBe('critical')
    expect(s.status).toBe('major_outage')
  })
  it.each([
    ['MAINTENANCE_CORE', 'maintenance'],
    ['MINOR_INCIDENT_NONCORE', 'degraded'],
    // Decided (docs/status-page-formats.md §5): a minor incident is a performance degradation, core or not.
    ['MINOR_INCIDENT_CORE', 'degraded'],
    ['MAJOR_INCIDENT_NONCORE', 'partial_outage'],
    ['MAJOR_INCIDENT_CORE', 'major_outage'],
    ['INFORMATIONAL_CORE', 'operational'],
    ['SOMETHING_NEW', 'unknown'],
  ])('instance status %s -> %s', (upstream, expected) => {
    const all = wire()
    const na137 = all.find((i) => i.key === 'NA137')
    if (na137) na137.status = upstream
    const s = parse(JSON.stringify(all))
    expect(s.components.find((c) => c.externalId === 'NA137')?.status).toBe(expected)
    expect(s.status).toBe(expected)
  })
  it('an unknown severity is unknown impact', () => {
    const s = parse(JSON.stringify(editIncident((i) => {
      const impacts = i.IncidentImpacts as Record<string, unknown>[]
      if (impacts[0]) impacts[0].severity = 'sev0'
    })))
    expect(s.incidents[0]?.impact).toBe('unknown')
  })
})

describe('salesforce rejects bodies that are not the preview', () => {
  it.each([
    ['HTML', '<html><body>Trust is down</body></html>'],
    ['empty', ''],
    ['truncated', preview.slice(0, 50_000)],
    ['an object, not an array', '{"instances": []}'],
    ['wrong types', '[{"key": 137, "status": "OK"}]'],
    ['Incidents not a list', '[{"key": "NA1", "status": "OK", "Incidents": "x"}]'],
  ])('%s', (_name, body) => {
    expect(() => parse(body)).toThrow(SourceParseError)
  })
  it('an HTML localizations body is an error too (not silently keys)', () => {
    expect(() => parse(preview, '<html>503</html>')).toThrow(SourceParseError)
  })
})
