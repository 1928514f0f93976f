import { describe, expect, it } from 'vitest'
import { buildChannelMessage, type ChannelEvent } from './message'
import { pagerDutyAction, pagerDutyEvent, pagerDutySeverity } from './pagerduty'
import { kindCarries } from './rules'
import { at, incidentEvent } from '@/lib/testing/channel-events'

describe('buildChannelMessage', () => {
  it('speaks of the incident: subject, link, state, components, the update the event is about', () => {
    const m = buildChannelMessage(incidentEvent('incident_updated'), 'https://vw.example')
    expect(m).toMatchObject({
      eventId: 'evt_incident_updated',
      subjectKey: 'incident:inc_1',
      title: 'Degraded performance for Actions',
      url: 'https://vw.example/vendors/github/incidents/inc_1',
      vendor: { name: 'GitHub', slug: 'github', url: 'https://vw.example/vendors/github' },
      impact: 'major',
      statusLabel: 'Identified',
      closed: false,
      affectedComponents: ['Actions'],
      latestUpdate: { statusLabel: 'Identified', body: 'We found the cause and are deploying a fix.' },
    })
  })

  it('the webhook payload is versioned and carries the public API incident object', () => {
    const m = buildChannelMessage(incidentEvent('incident_resolved', { status: 'resolved', resolvedAt: at('11:00:00') }), 'https://vw.example')
    expect(m?.closed).toBe(true)
    expect(m?.payload).toEqual({
      version: 1,
      type: 'incident.resolved',
      id: 'evt_incident_resolved',
      occurredAt: '2030-03-04T10:05:00.000Z',
      vendor: { slug: 'github', name: 'GitHub', statusPageUrl: 'https://www.githubstatus.com', url: 'https://vw.example/vendors/github' },
      incident: {
        id: 'inc_1',
        externalId: 'abc123',
        title: 'Degraded performance for Actions',
        status: 'resolved',
        impact: 'major',
        startedAt: '2030-03-04T10:00:00.000Z',
        resolvedAt: '2030-03-04T11:00:00.000Z',
        url: 'https://www.githubstatus.com/incidents/abc123',
        components: [{ id: 'c-actions', name: 'Actions' }],
        updates: [
          { id: 'upd_2', status: 'identified', body: 'We found the cause <b>and</b> are deploying a fix.', publishedAt: '2030-03-04T10:05:00.000Z', timeUnknown: false, editedAt: null },
          { id: 'upd_1', status: 'investigating', body: 'We are investigating.', publishedAt: '2030-03-04T10:00:00.000Z', timeUnknown: false, editedAt: null },
        ],
        postmortem: null,
      },
      incidentPageUrl: 'https://vw.example/vendors/github/incidents/inc_1',
    })
  })

  it('bounds a huge update, and a maintenance has its own subject and the API maintenance object', () => {
    const long = buildChannelMessage(incidentEvent('incident_updated', { updates: [{ id: 'x', externalId: 'u2', status: 'monitoring', body: 'word '.repeat(2_000), publishedAt: at('10:05:00'), timeUnknown: false, editedAt: null }] }), 'https://vw.example')
    expect(long?.latestUpdate?.body.length).toBeLessThanOrEqual(1_502)
    const event: ChannelEvent = {
      ...incidentEvent('maintenance_started'),
      incidentId: null,
      incident: null,
      maintenanceId: 'mnt_1',
      maintenance: {
        id: 'mnt_1',
        externalId: 'm-9',
        title: 'Database upgrade',
        status: 'in_progress',
        scheduledFor: at('12:00:00'),
        scheduledUntil: at('13:00:00'),
        startedAt: at('12:00:00'),
        completedAt: null,
        url: null,
        body: 'Writes may be slow.',
        components: [],
      },
    }
    const m = buildChannelMessage(event, 'https://vw.example')
    expect(m).toMatchObject({ subjectKey: 'maintenance:mnt_1', statusLabel: 'In progress', payload: { type: 'maintenance.started', maintenance: { id: 'mnt_1', status: 'in_progress', scheduledFor: '2030-03-04T12:00:00.000Z' } } })
  })
})

describe('PagerDuty mapping', () => {
  it('severity from impact; an unreadable impact pages as error', () => {
    expect(['critical', 'major', 'minor', 'none', 'unknown', null].map((i) => pagerDutySeverity(i as never))).toEqual(['critical', 'error', 'warning', 'info', 'error', 'error'])
  })

  it('triggers on open and resolves on resolve with our incident id as dedup_key; nothing else pages', () => {
    expect(kindCarries('pagerduty', 'incident_opened')).toBe(true)
    expect(kindCarries('pagerduty', 'incident_resolved')).toBe(true)
    for (const k of ['incident_updated', 'maintenance_started', 'maintenance_scheduled', 'component_status_changed', 'postmortem_published'] as const) expect(kindCarries('pagerduty', k)).toBe(false)
    expect(kindCarries('webhook', 'maintenance_started')).toBe(true)

    const opened = buildChannelMessage(incidentEvent('incident_opened'), 'https://vw.example')!
    expect(pagerDutyAction(opened)).toBe('trigger')
    const body = pagerDutyEvent({ routingKey: 'k'.repeat(32) }, opened, 'trigger', 'inc_1')
    expect(body).toMatchObject({
      routing_key: 'k'.repeat(32),
      event_action: 'trigger',
      dedup_key: 'inc_1',
      payload: {
        summary: 'GitHub: Degraded performance for Actions',
        source: 'GitHub',
        severity: 'error',
        timestamp: '2030-03-04T10:00:00.000Z',
        custom_details: { affected_components: ['Actions'], vendor_update: 'We found the cause and are deploying a fix.' },
      },
      links: [{ href: 'https://vw.example/vendors/github/incidents/inc_1' }, { href: 'https://vw.example/vendors/github' }],
    })
    const resolved = buildChannelMessage(incidentEvent('incident_resolved', { status: 'resolved' }), 'https://vw.example')!
    expect(pagerDutyAction(resolved)).toBe('resolve')
    expect(pagerDutyEvent({ routingKey: 'k'.repeat(32) }, resolved, 'resolve', 'inc_1')).toEqual({ routing_key: 'k'.repeat(32), event_action: 'resolve', dedup_key: 'inc_1' })
    expect(pagerDutyAction({ eventKind: 'maintenance_started', subjectKey: 'maintenance:m' })).toBeNull()
  })
})
