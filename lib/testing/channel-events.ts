// A change event as the channel outbox loads it (lib/data/channel-outbox.ts), for unit tests.
import type { ChannelEvent } from '@/lib/channels/message'

export const at = (s: string) => new Date(`2030-03-04T${s}Z`)

export function incidentEvent(kind: ChannelEvent['kind'], over: Partial<NonNullable<ChannelEvent['incident']>> = {}): ChannelEvent {
  return {
    id: `evt_${kind}`,
    kind,
    data: { updateExternalId: 'u2' },
    occurredAt: at('10:05:00'),
    incidentId: 'inc_1',
    maintenanceId: null,
    componentId: null,
    vendor: { name: 'GitHub', slug: 'github', statusPageUrl: 'https://www.githubstatus.com' },
    incident: {
      id: 'inc_1',
      externalId: 'abc123',
      title: 'Degraded performance for Actions',
      status: 'identified',
      impact: 'major',
      startedAt: at('10:00:00'),
      resolvedAt: null,
      url: 'https://www.githubstatus.com/incidents/abc123',
      postmortemBody: null,
      postmortemPublishedAt: null,
      components: [{ component: { externalId: 'c-actions', name: 'Actions' } }],
      updates: [
        { id: 'upd_2', externalId: 'u2', status: 'identified', body: 'We found the cause <b>and</b> are deploying a fix.', publishedAt: at('10:05:00'), timeUnknown: false, editedAt: null },
        { id: 'upd_1', externalId: 'u1', status: 'investigating', body: 'We are investigating.', publishedAt: at('10:00:00'), timeUnknown: false, editedAt: null },
      ],
      ...over,
    },
    maintenance: null,
    component: null,
    possibleOutageId: null,
    possibleOutage: null,
  }
}

/** The evidence of the example: 23 reports in 15 min, 8× usual; 2 of 3 probes failing. */
export const exampleEvidence = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 }

/** A possible outage's event (issue 19): opened at 10:42 UTC; closed as `closeReason` at 11:05 (the official incident inc_1 when that). */
export function possibleOutageEvent(kind: 'possible_outage_opened' | 'possible_outage_closed', closeReason: 'subsided' | 'official_incident' | null = null): ChannelEvent {
  const closed = kind === 'possible_outage_closed'
  return {
    id: `evt_${kind}`,
    kind,
    data: exampleEvidence,
    occurredAt: closed ? at('11:05:00') : at('10:42:00'),
    incidentId: null,
    maintenanceId: null,
    componentId: null,
    possibleOutageId: 'po_1',
    vendor: { name: 'GitHub', slug: 'github', statusPageUrl: 'https://www.githubstatus.com' },
    possibleOutage: {
      id: 'po_1',
      openedAt: at('10:42:00'),
      closedAt: closed ? at('11:05:00') : null,
      closeReason: closed ? closeReason : null,
      trigger: 'reports+probes',
      evidence: exampleEvidence,
      incident: closed && closeReason === 'official_incident' ? { id: 'inc_1', title: 'Degraded performance for Actions' } : null,
    },
    incident: null,
    maintenance: null,
    component: null,
  }
}
