import { describe, expect, it } from 'vitest'
import { closedByOfficialIncident, emailCarries, isNews, watchWants, type EventFacts, type WatchPreferences } from './rules'

const t = (iso: string) => new Date(`2026-11-24T${iso}Z`)
const incidentEvent = (over: Partial<EventFacts> = {}): EventFacts => ({
  kind: 'incident_opened',
  baseline: false,
  data: { firstSeenOver: false },
  incident: { impact: 'major', startedAt: t('10:00:00'), firstSeenAt: t('10:01:00'), componentIds: ['api'] },
  maintenance: null,
  componentId: null,
  possibleOutage: null,
  ...over,
})
const watch = (over: Partial<WatchPreferences> = {}): WatchPreferences => ({
  allComponents: true,
  componentIds: new Set(),
  minImpact: 'any',
  maintenanceAlerts: true,
  componentAlerts: false,
  possibleOutageAlerts: false,
  ...over,
})

describe('isNews', () => {
  it('alerts on a fresh incident and its updates, resolution and postmortem', () => {
    for (const kind of ['incident_opened', 'incident_updated', 'incident_resolved', 'postmortem_published'] as const) {
      expect(isNews(incidentEvent({ kind }))).toBe(true)
    }
  })
  it('never alerts on a baseline, an incident first seen over, or one first seen a day late', () => {
    expect(isNews(incidentEvent({ baseline: true }))).toBe(false)
    expect(isNews(incidentEvent({ data: { firstSeenOver: true } }))).toBe(false)
    expect(isNews(incidentEvent({ incident: { impact: 'major', startedAt: new Date('2026-11-22T10:00:00Z'), firstSeenAt: t('10:00:00'), componentIds: [] } }))).toBe(false)
    // Later updates of such an incident are news again: they happened now.
    expect(isNews(incidentEvent({ kind: 'incident_updated', incident: { impact: 'major', startedAt: new Date('2026-11-22T10:00:00Z'), firstSeenAt: t('10:00:00'), componentIds: [] } }))).toBe(true)
  })
  it('does not alert on a component change that an open incident covers, and does without one', () => {
    const change = (data: unknown) => incidentEvent({ kind: 'component_status_changed', incident: null, componentId: 'api', data })
    expect(isNews(change({ from: 'operational', to: 'major_outage', duringIncident: 'inc1' }))).toBe(false)
    expect(isNews(change({ from: 'operational', to: 'major_outage' }))).toBe(true)
  })
  it('does not alert on reworded updates', () => {
    expect(isNews(incidentEvent({ kind: 'incident_update_edited' }))).toBe(false)
  })
})

describe('watchWants', () => {
  it('applies the minimum impact, letting unknown impact through', () => {
    const minorIncident = incidentEvent({ incident: { impact: 'minor', startedAt: t('10:00:00'), firstSeenAt: t('10:00:00'), componentIds: [] } })
    expect(watchWants(minorIncident, watch({ minImpact: 'minor' }))).toBe(true)
    expect(watchWants(minorIncident, watch({ minImpact: 'major' }))).toBe(false)
    const unknownIncident = incidentEvent({ incident: { impact: 'unknown', startedAt: t('10:00:00'), firstSeenAt: t('10:00:00'), componentIds: [] } })
    expect(watchWants(unknownIncident, watch({ minImpact: 'major' }))).toBe(true)
  })
  it('applies chosen components, but sends incidents that name no component', () => {
    const chosen = watch({ allComponents: false, componentIds: new Set(['web']) })
    expect(watchWants(incidentEvent(), chosen)).toBe(false)
    expect(watchWants(incidentEvent(), watch({ allComponents: false, componentIds: new Set(['api']) }))).toBe(true)
    expect(watchWants(incidentEvent({ incident: { impact: 'major', startedAt: t('10:00:00'), firstSeenAt: t('10:00:00'), componentIds: [] } }), chosen)).toBe(true)
  })
  it('sends maintenance only to watches that want maintenance notices', () => {
    const m = incidentEvent({ kind: 'maintenance_scheduled', incident: null, maintenance: { componentIds: [] } })
    expect(watchWants(m, watch())).toBe(true)
    expect(watchWants(m, watch({ maintenanceAlerts: false }))).toBe(false)
  })
  it('sends component-only changes only to watches that asked for them', () => {
    const c = incidentEvent({ kind: 'component_status_changed', incident: null, componentId: 'api' })
    expect(watchWants(c, watch())).toBe(false)
    expect(watchWants(c, watch({ componentAlerts: true }))).toBe(true)
    expect(watchWants(c, watch({ componentAlerts: true, allComponents: false, componentIds: new Set(['web']) }))).toBe(false)
  })
})

describe('possible outages (unofficial, issue 19)', () => {
  const possibleOutage = (kind: 'possible_outage_opened' | 'possible_outage_closed', closeReason: string | null = null): EventFacts => ({
    kind,
    baseline: false,
    data: { reports: 23 },
    incident: null,
    maintenance: null,
    componentId: null,
    possibleOutage: { closeReason, incidentId: closeReason === 'official_incident' ? 'inc1' : null },
  })

  it('reach only the watches that opted in, whatever their component choice or minimum impact', () => {
    const opened = possibleOutage('possible_outage_opened')
    expect(isNews(opened)).toBe(true)
    expect(watchWants(opened, watch())).toBe(false)
    expect(watchWants(opened, watch({ possibleOutageAlerts: true }))).toBe(true)
    expect(watchWants(opened, watch({ possibleOutageAlerts: true, allComponents: false, componentIds: new Set(['db']), minImpact: 'major' }))).toBe(true)
  })

  it('are not news without their outage row (deleted) or as baseline', () => {
    expect(isNews({ ...possibleOutage('possible_outage_opened'), possibleOutage: null })).toBe(false)
    expect(isNews({ ...possibleOutage('possible_outage_opened'), baseline: true })).toBe(false)
  })

  it('send a "subsided" email, but none when the official incident closed it (its own email follows up)', () => {
    expect(emailCarries(possibleOutage('possible_outage_closed', 'subsided'))).toBe(true)
    expect(emailCarries(possibleOutage('possible_outage_closed', 'official_incident'))).toBe(false)
    expect(closedByOfficialIncident(possibleOutage('possible_outage_closed', 'official_incident'))).toBe(true)
    expect(emailCarries(possibleOutage('possible_outage_opened'))).toBe(true)
  })

  it('send no "possible outage" email once the official incident has closed it (fan-out that fell behind)', () => {
    expect(emailCarries(possibleOutage('possible_outage_opened', 'official_incident'))).toBe(false)
    // Subsided on its own: the opening and the "subsided" email both still go out.
    expect(emailCarries(possibleOutage('possible_outage_opened', 'subsided'))).toBe(true)
  })

  it('do not change what a watch without the opt-in gets for incidents', () => {
    expect(watchWants(incidentEvent(), watch())).toBe(true)
    expect(watchWants(incidentEvent(), watch({ possibleOutageAlerts: true }))).toBe(true)
  })
})
