// ChannelMessage fixtures for sender tests: one incident as it is opened, updated and resolved,
// at fixed times (no test reads today's date).
import type { ChannelMessage } from '@/lib/channels/types'

const OPENED = new Date('2026-03-02T14:05:00Z')

export function incidentMessage(stage: 'opened' | 'updated' | 'resolved', overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  const minutes = { opened: 0, updated: 20, resolved: 55 }[stage]
  const at = new Date(OPENED.getTime() + minutes * 60_000)
  const words = {
    opened: 'We are investigating elevated error rates for Actions.',
    updated: 'We have identified the cause & are rolling out a fix <soon>.',
    resolved: 'This incident has been resolved.',
  }[stage]
  const statusLabel = { opened: 'Investigating', updated: 'Identified', resolved: 'Resolved' }[stage]
  return {
    eventId: `evt-${stage}`,
    eventKind: stage === 'opened' ? 'incident_opened' : stage === 'updated' ? 'incident_updated' : 'incident_resolved',
    occurredAt: at,
    subjectKey: 'incident:inc_123',
    vendor: { name: 'GitHub', slug: 'github', url: 'https://vendorwatch.example/vendors/github' },
    title: 'Degraded performance for Actions',
    url: 'https://vendorwatch.example/vendors/github/incidents/inc_123',
    impact: 'major',
    statusLabel,
    closed: stage === 'resolved',
    affectedComponents: ['Actions', 'Webhooks'],
    latestUpdate: { body: words, statusLabel, publishedAt: at },
    startedAt: OPENED,
    endedAt: stage === 'resolved' ? at : null,
    payload: {},
    ...overrides,
  }
}
