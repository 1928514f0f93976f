import { render } from '@react-email/render'
import { describe, expect, it } from 'vitest'
import { eventContent, formatInZone, type EventContext } from './event-content'

const incident: NonNullable<EventContext['incident']> = {
  id: 'inc1',
  title: 'Degraded performance for Actions',
  status: 'identified',
  impact: 'minor',
  startedAt: new Date('2026-11-24T13:02:00Z'),
  resolvedAt: null,
  postmortemBody: null,
  components: [{ component: { name: 'Actions' } }],
  updates: [
    { externalId: 'u2', status: 'identified', body: 'We found the **cause**: a bad deploy.', publishedAt: new Date('2026-11-24T13:30:00Z') },
    { externalId: 'u1', status: 'investigating', body: 'We are investigating.', publishedAt: new Date('2026-11-24T13:02:00Z') },
  ],
}

const event = (over: Partial<EventContext>): EventContext => ({
  id: 'e1',
  kind: 'incident_updated',
  data: { updateExternalId: 'u2', status: 'identified' },
  occurredAt: new Date('2026-11-24T13:30:00Z'),
  vendorId: 'v1',
  incidentId: 'inc1',
  maintenanceId: null,
  vendor: { name: 'GitHub', slug: 'github' },
  incident,
  maintenance: null,
  componentName: null,
  ...over,
})
const options = { timeZone: 'Europe/Berlin', appUrl: 'https://vw.example', unsubscribeUrl: 'https://vw.example/unsubscribe?token=T' }

async function texts(e: EventContext) {
  const content = eventContent(e, options)
  if (!content) throw new Error('no content')
  return { subject: content.subject, html: await render(content.element), text: await render(content.element, { plainText: true }) }
}

describe('incident emails', () => {
  it('name vendor, incident and status in the subject, as the issue asks', async () => {
    expect((await texts(event({ kind: 'incident_opened', data: {} }))).subject).toBe('GitHub — Incident: Degraded performance for Actions (Identified)')
    expect((await texts(event({}))).subject).toBe('GitHub — Incident: Degraded performance for Actions (Identified)')
    const resolved = event({ kind: 'incident_resolved', incident: { ...incident, status: 'resolved', resolvedAt: new Date('2026-11-24T14:00:00Z') } })
    expect((await texts(resolved)).subject).toBe('GitHub — Incident: Degraded performance for Actions (Resolved)')
  })

  it('carry the update the event is about, affected components, impact and times in the reader’s zone', async () => {
    const { html, text } = await texts(event({}))
    expect(text).toContain('We found the cause: a bad deploy.')
    expect(text).not.toContain('We are investigating.')
    expect(text).toContain('Affected: Actions')
    expect(text).toContain('Impact: Minor')
    expect(text).toContain(formatInZone(new Date('2026-11-24T13:02:00Z'), 'Europe/Berlin'))
    expect(formatInZone(new Date('2026-11-24T13:02:00Z'), 'Europe/Berlin')).toMatch(/Nov 24, 2026, 14:02/)
    expect(html).toContain('href="https://vw.example/vendors/github/incidents/inc1"')
    expect(html).toContain('href="https://vw.example/watchlist/github"')
    expect(html).toContain('href="https://vw.example/unsubscribe?token=T"')
  })

  it('say "time unknown" for an update whose own stamp the source could not place, never the made-up time', async () => {
    const unplaced = { ...incident.updates[0], publishedAt: new Date('2026-11-24T13:31:00Z'), timeUnknown: true } as (typeof incident.updates)[number]
    const { text } = await texts(event({ incident: { ...incident, updates: [unplaced, incident.updates[1] as (typeof incident.updates)[number]] } }))
    expect(text).toContain('time unknown')
    expect(text).not.toContain(formatInZone(new Date('2026-11-24T13:31:00Z'), 'Europe/Berlin'))
  })

  it('sends the postmortem itself when one is published', async () => {
    const pm = event({ kind: 'postmortem_published', data: {}, incident: { ...incident, status: 'postmortem', postmortemBody: '## Root cause\nA config change.' } })
    const { subject, text } = await texts(pm)
    expect(subject).toBe('GitHub — Incident: Degraded performance for Actions (Postmortem)')
    expect(text).toContain('A config change.')
  })

  it('escapes vendor text in HTML', async () => {
    const hostile = event({ incident: { ...incident, title: '<script>alert(1)</script>', updates: [{ ...incident.updates[0], body: '<img src=x onerror=alert(1)>Hi' } as (typeof incident.updates)[number]] } })
    const { html } = await texts(hostile)
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('onerror')
  })
})

describe('maintenance and component emails', () => {
  const maintenance = { title: 'Database upgrade', status: 'scheduled' as const, scheduledFor: new Date('2026-11-25T20:00:00Z'), scheduledUntil: new Date('2026-11-25T22:00:00Z'), body: 'Short window.', components: [] }
  it('say when, in the reader’s zone', async () => {
    const m = event({ kind: 'maintenance_scheduled', incidentId: null, incident: null, maintenanceId: 'm1', maintenance })
    const { subject, text } = await texts(m)
    expect(subject).toBe(`GitHub — Maintenance: Database upgrade (Scheduled for ${formatInZone(maintenance.scheduledFor, 'Europe/Berlin')})`)
    expect(text).toContain('Short window.')
  })
  it('describe a component change without an incident', async () => {
    const c = event({ kind: 'component_status_changed', data: { from: 'operational', to: 'major_outage' }, incidentId: null, incident: null, componentName: 'API' })
    const { subject, text } = await texts(c)
    expect(subject).toBe('GitHub — API: Major outage')
    // Only sent when no open incident covers the component (rules.ts), and the copy says exactly that.
    expect(text).toContain('When we saw the change, GitHub had no open incident covering this component.')
    expect(text).toContain('You asked for component changes of GitHub that no open incident covers.')
  })
  it('have nothing to say about kinds that never alert', () => {
    expect(eventContent(event({ kind: 'incident_update_edited', incident: null }), options)).toBeNull()
  })
})

describe('possible outage emails (unofficial, issue 19)', () => {
  const evidence = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 }
  const possibleOutage = (kind: 'possible_outage_opened' | 'possible_outage_closed', closeReason: string | null = null): EventContext =>
    event({
      kind,
      data: evidence,
      incidentId: closeReason === 'official_incident' ? 'inc1' : null,
      incident: null,
      possibleOutageId: 'po1',
      occurredAt: new Date('2026-11-24T10:05:00Z'),
      possibleOutage: { id: 'po1', openedAt: new Date('2026-11-24T09:42:00Z'), closedAt: kind === 'possible_outage_closed' ? new Date('2026-11-24T10:05:00Z') : null, closeReason, evidence, incidentId: null },
    })

  it('say it is unofficial in subject, heading and body, with the figures, the time in the reader zone and the vendor page link', async () => {
    const mail = await texts(possibleOutage('possible_outage_opened'))
    expect(mail.subject).toBe('GitHub — Possible outage (unofficial): users report problems since 10:42 GMT+1')
    expect(mail.text).toContain("Possible outage (unofficial): users report problems with GitHub since 10:42 GMT+1 — 23 reports in 15 min, 8× usual; 2 of 3 probes failing. GitHub's status page says operational.")
    expect(mail.text).toContain('GitHub · Unofficial early warning')
    expect(mail.html).toContain('href="https://vw.example/vendors/github"')
    expect(mail.html).toContain('https://vw.example/unsubscribe?token=T')
    expect(mail.text).toMatch(/unofficial and can be wrong/)
  })

  it('follow up a subsided one briefly, and say nothing of one the official incident closed', async () => {
    const mail = await texts(possibleOutage('possible_outage_closed', 'subsided'))
    expect(mail.subject).toBe('GitHub — Possible outage (unofficial): signals subsided')
    expect(mail.text).toContain('have subsided (11:05 GMT+1)')
    expect(eventContent(possibleOutage('possible_outage_closed', 'official_incident'), options)).toBeNull()
  })

  it('say nothing when the outage row is gone', () => {
    expect(eventContent({ ...possibleOutage('possible_outage_opened'), possibleOutage: null }, options)).toBeNull()
  })
})
