// Possible outage emails on PostgreSQL (issue 19 item 5): only watches that opted in hear of one;
// when the official incident follows, its email continues the warning's thread for them (and is
// unchanged for everyone else); a close by the official incident sends no email of its own, a
// subsided one a short follow-up in the same thread; digest readers get it in their digest.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { notifierData } from '@/lib/data/notifier-data'
import { db } from '@/lib/db/client'
import { mailerOver } from '@/lib/email'
import { createResendTransport } from '@/lib/email/resend-transport'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { closePossibleOutage, openPossibleOutage } from '@/lib/testing/possible-outages'
import { resetDatabase } from '@/lib/testing/reset-database'
import { createComposer, createDigestComposer } from './compose'
import { runNotifier } from './run'

const SECRET = 'integration-test-secret-integration-test-secret'
const APP = 'https://vw.example'
let fake: FakeResend
const START = new Date('2026-11-24T09:42:00Z')
let clock = START

const notify = () =>
  runNotifier(
    {
      data: notifierData,
      mailer: mailerOver(createResendTransport({ apiKey: 're_test_key', baseUrl: fake.url }), 'Vendorwatch <alerts@vw.example>'),
      compose: createComposer(notifierData, { appUrl: APP, secret: SECRET }),
      composeDigest: createDigestComposer(notifierData, { appUrl: APP, secret: SECRET }),
      now: () => clock,
    },
    { limits: { free: 10, paid: 200 }, timeBudgetMs: 30_000 },
  )
const emailsTo = (address: string) => fake.messages.filter((m) => m.to === address)

let vendorId = ''
const users: Record<'optedIn' | 'notOptedIn' | 'digest', string> = { optedIn: '', notOptedIn: '', digest: '' }

async function watcher(email: string, over: { possibleOutageAlerts: boolean; deliveryMode?: 'instant' | 'digest'; chosenComponent?: string; minImpact?: 'any' | 'major' }) {
  const user = await db.user.create({
    data: {
      email,
      emailVerified: clock,
      timeZone: 'Europe/Berlin',
      watchlist: {
        create: {
          vendorId,
          possibleOutageAlerts: over.possibleOutageAlerts,
          deliveryMode: over.deliveryMode ?? 'instant',
          minImpact: over.minImpact ?? 'any',
          allComponents: !over.chosenComponent,
          ...(over.chosenComponent && { components: { create: [{ componentId: over.chosenComponent }] } }),
        },
      },
    },
  })
  return user.id
}

async function officialIncident(): Promise<string> {
  const incident = await db.incident.create({
    data: {
      vendorId,
      externalId: 'inc-1',
      title: 'Degraded performance for Actions',
      status: 'investigating',
      impact: 'major',
      startedAt: clock,
      firstSeenAt: clock,
      updates: { create: [{ externalId: 'u1', status: 'investigating', body: 'We are investigating.', bodyHash: 'h1', publishedAt: clock }] },
    },
  })
  return incident.id
}

beforeAll(async () => {
  fake = await startFakeResend()
})
afterAll(() => fake.close())

beforeEach(async () => {
  fake.reset()
  await resetDatabase()
  clock = START
  const vendor = await db.vendor.create({ data: { slug: 'acme', name: 'Acme', statusPageUrl: 'https://status.acme.example', source: { create: { platform: 'statuspage', baselineAt: clock } } } })
  vendorId = vendor.id
  const component = await db.component.create({ data: { vendorId, externalId: 'c-db', name: 'Database', status: 'operational', statusChangedAt: clock } })
  // Opted in, but chose one component and major impact only: the opt-in is the whole filter.
  users.optedIn = await watcher('early@example.com', { possibleOutageAlerts: true, chosenComponent: component.id, minImpact: 'major' })
  users.notOptedIn = await watcher('official@example.com', { possibleOutageAlerts: false })
  users.digest = await watcher('digest@example.com', { possibleOutageAlerts: true, deliveryMode: 'digest' })
})

describe('possible outage emails', () => {
  it('reach only the watches that opted in, say unofficial, and root a thread', async () => {
    const outageId = await openPossibleOutage(vendorId, clock)
    expect(await notify()).toMatchObject({ eventsFannedOut: 1, deliveriesCreated: 2, sent: 1 })
    expect(emailsTo('official@example.com')).toHaveLength(0)
    const [warning] = emailsTo('early@example.com')
    expect(warning?.subject).toBe('Acme — Possible outage (unofficial): users report problems since 10:42 GMT+1')
    expect(warning?.text).toContain('23 reports in 15 min, 8× usual; 2 of 3 probes failing')
    expect(warning?.headers['Message-ID']).toBe(`<possible-outage-${outageId}.${users.optedIn}@vw.example>`)
    expect(await db.delivery.findMany({ where: { userId: users.digest }, select: { mode: true, status: true } })).toEqual([{ mode: 'digest', status: 'pending' }])
  })

  it('thread the official incident to the warning for those who got it; the others get the incident alone, unchanged', async () => {
    const outageId = await openPossibleOutage(vendorId, clock)
    await notify()
    fake.reset()
    clock = new Date(START.getTime() + 15 * 60_000)
    const incidentId = await officialIncident()
    await closePossibleOutage(outageId, clock, { reason: 'official_incident', incidentId })
    await notify()

    const early = emailsTo('early@example.com')
    expect(early.map((m) => m.subject)).toEqual(['Acme — Incident: Degraded performance for Actions (Investigating)'])
    const warningRoot = `<possible-outage-${outageId}.${users.optedIn}@vw.example>`
    expect(early[0]?.headers).toMatchObject({ 'Message-ID': `<incident-${incidentId}.${users.optedIn}@vw.example>`, 'In-Reply-To': warningRoot, References: warningRoot })

    const official = emailsTo('official@example.com')
    expect(official.map((m) => m.subject)).toEqual(['Acme — Incident: Degraded performance for Actions (Investigating)'])
    expect(official[0]?.headers['Message-ID']).toBe(`<incident-${incidentId}.${users.notOptedIn}@vw.example>`)
    expect(official[0]?.headers['In-Reply-To']).toBeUndefined()
    // No "closed" delivery for anyone: the incident is the follow-up.
    expect(await db.delivery.count({ where: { event: { kind: 'possible_outage_closed' } } })).toBe(0)

    // The incident's later emails keep both roots in References.
    fake.reset()
    clock = new Date(clock.getTime() + 10 * 60_000)
    await db.incident.update({ where: { id: incidentId }, data: { status: 'resolved', resolvedAt: clock } })
    await db.changeEvent.create({ data: { vendorId, kind: 'incident_resolved', dedupeKey: 'resolved-1', incidentId, occurredAt: clock, createdAt: clock } })
    await notify()
    const incidentRoot = `<incident-${incidentId}.${users.optedIn}@vw.example>`
    expect(emailsTo('early@example.com')[0]?.headers).toMatchObject({ 'In-Reply-To': incidentRoot, References: `${warningRoot} ${incidentRoot}` })
    expect(emailsTo('official@example.com')[0]?.headers).toMatchObject({ 'In-Reply-To': `<incident-${incidentId}.${users.notOptedIn}@vw.example>`, References: `<incident-${incidentId}.${users.notOptedIn}@vw.example>` })
  })

  it('send no warning the notifier reaches only after the official incident closed it: the incident email is the news', async () => {
    const outageId = await openPossibleOutage(vendorId, clock)
    // The notifier fell behind: the official incident opened and closed the warning before it ran.
    clock = new Date(START.getTime() + 15 * 60_000)
    const incidentId = await officialIncident()
    await closePossibleOutage(outageId, clock, { reason: 'official_incident', incidentId })
    await notify()
    expect(emailsTo('early@example.com').map((m) => m.subject)).toEqual(['Acme — Incident: Degraded performance for Actions (Investigating)'])
    expect(emailsTo('early@example.com')[0]?.headers['In-Reply-To']).toBeUndefined()
    expect(await db.delivery.count({ where: { event: { kind: { in: ['possible_outage_opened', 'possible_outage_closed'] } } } })).toBe(0)
  })

  it('follow a subsided warning with a short reply in its thread, to those who opted in only', async () => {
    const outageId = await openPossibleOutage(vendorId, clock)
    await notify()
    fake.reset()
    clock = new Date(START.getTime() + 25 * 60_000)
    await closePossibleOutage(outageId, clock, { reason: 'subsided' })
    await notify()
    expect(emailsTo('official@example.com')).toHaveLength(0)
    const [followUp] = emailsTo('early@example.com')
    expect(followUp?.subject).toBe('Acme — Possible outage (unofficial): signals subsided')
    expect(followUp?.headers['In-Reply-To']).toBe(`<possible-outage-${outageId}.${users.optedIn}@vw.example>`)
    expect(await db.delivery.count({ where: { userId: users.digest } })).toBe(2)
  })

  it('put the warning in the daily digest of a digest reader', async () => {
    await openPossibleOutage(vendorId, clock)
    await notify()
    fake.reset()
    // The next morning past 08:00 in Berlin (07:00Z), the digest reader's zone.
    clock = new Date('2026-11-25T07:30:00Z')
    await notify()
    const [digest] = emailsTo('digest@example.com')
    expect(digest?.text).toContain('Possible outage (unofficial): users report problems since 10:42 GMT+1')
  })
})
