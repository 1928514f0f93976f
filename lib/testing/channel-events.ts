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
