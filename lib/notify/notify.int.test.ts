import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { notifierData } from '@/lib/data/notifier-data'
import { db, dbMode } from '@/lib/db/client'
import { mailerOver } from '@/lib/email'
import { createResendTransport } from '@/lib/email/resend-transport'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { resetDatabase } from '@/lib/testing/reset-database'
import { createComposer, createDigestComposer } from './compose'
import type { Mailer } from './mailer'
import { runNotifier } from './run'

const SECRET = 'integration-test-secret-integration-test-secret'
const APP = 'https://vw.example'
let fake: FakeResend
const START = new Date('2026-11-24T12:00:00Z')
let clock = START
const limits = { free: 10, paid: 200 }

const mailer = (): Mailer => mailerOver(createResendTransport({ apiKey: 're_test_key', baseUrl: fake.url }), 'Vendorwatch <alerts@vw.example>')
const deps = (m: Mailer = mailer()) => ({
  data: notifierData,
  mailer: m,
  compose: createComposer(notifierData, { appUrl: APP, secret: SECRET }),
  composeDigest: createDigestComposer(notifierData, { appUrl: APP, secret: SECRET }),
  now: () => clock,
})
const notify = (m?: Mailer) => runNotifier(deps(m), { limits, timeBudgetMs: 30_000 })

let vendorId = ''
let incidentId = ''
let eventCount = 0

async function user(email: string, over: { verified?: boolean; alertsEnabled?: boolean; minImpact?: 'any' | 'minor' | 'major'; deliveryMode?: 'instant' | 'digest'; timeZone?: string } = {}) {
  return db.user.create({
    data: {
      email,
      emailVerified: over.verified === false ? null : clock,
      timeZone: over.timeZone ?? 'Europe/Berlin',
      watchlist: { create: { vendorId, alertsEnabled: over.alertsEnabled ?? true, minImpact: over.minImpact ?? 'any', deliveryMode: over.deliveryMode ?? 'instant' } },
    },
  })
}

/** A change event as the refresh records it. */
async function event(kind: 'incident_opened' | 'incident_updated' | 'incident_resolved', over: { baseline?: boolean; updateExternalId?: string } = {}) {
  eventCount++
  return db.changeEvent.create({
    data: {
      vendorId,
      kind,
      dedupeKey: `${kind}:${vendorId}:${incidentId}:${eventCount}`,
      incidentId,
      baseline: over.baseline ?? false,
      occurredAt: clock,
      data: { updateExternalId: over.updateExternalId ?? null, firstSeenOver: false },
    },
  })
}

const emailsTo = (address: string) => fake.messages.filter((m) => m.to === address)

beforeAll(async () => {
  fake = await startFakeResend()
})

afterAll(() => fake.close())

// Every test starts from the same world: Acme with one open incident (one update), its five
// watchers, the clock at START, no events, no email. A test that needs history makes it with the
// steps below, so it runs alone (`-t`) or in any order.
beforeEach(async () => {
  fake.reset()
  await resetDatabase()
  clock = START
  eventCount = 0
  const vendor = await db.vendor.create({ data: { slug: 'acme', name: 'Acme', statusPageUrl: 'https://status.acme.example', source: { create: { platform: 'statuspage', baselineAt: clock } } } })
  vendorId = vendor.id
  const incident = await db.incident.create({
    data: {
      vendorId,
      externalId: 'inc-1',
      title: 'Elevated API errors',
      status: 'investigating',
      impact: 'minor',
      startedAt: new Date(clock.getTime() - 5 * 60_000),
      firstSeenAt: clock,
      updates: { create: [{ externalId: 'u1', status: 'investigating', body: 'We are **investigating** elevated errors.', bodyHash: 'h1', publishedAt: clock }] },
    },
  })
  incidentId = incident.id
  await user('ann@example.com')
  await user('unverified@example.com', { verified: false })
  await user('muted@example.com', { alertsEnabled: false })
  await user('majoronly@example.com', { minImpact: 'major' })
  await user('digest@example.com', { deliveryMode: 'digest', timeZone: 'America/New_York' })
})

/** Step: Acme's incident opened and its first alert sent (Ann's email, the digest reader's pending item). */
async function firstAlertSent() {
  await event('incident_opened')
  await notify()
}
/** Step: the incident's second update ("Cause found."), which the update events below refer to. */
async function causeFoundPosted() {
  await db.incidentUpdate.create({ data: { incidentId, externalId: 'u2', status: 'identified', body: 'Cause found.', bodyHash: 'h2', publishedAt: clock } })
}
/** Runs the steps a test starts after, then forgets the email they sent: the test sees only its own. */
async function after(...steps: (() => Promise<void>)[]) {
  for (const step of steps) await step()
  fake.reset()
}

describe('the notifier', () => {
  it('tells nobody about baseline events', async () => {
    await event('incident_opened', { baseline: true })
    const result = await notify()
    expect(result).toMatchObject({ eventsFannedOut: 1, deliveriesCreated: 0, sent: 0 })
    expect(fake.messages).toHaveLength(0)
  })

  it('sends one threaded email to each watcher who wants it, and never again', async () => {
    await event('incident_opened')
    const result = await notify()
    expect(result).toMatchObject({ deliveriesCreated: 2, sent: 1, apiCalls: 1 })
    expect(fake.messages.map((m) => m.to)).toEqual(['ann@example.com'])
    const [mail] = fake.messages
    expect(mail?.subject).toBe('Acme — Incident: Elevated API errors (Investigating)')
    expect(mail?.text).toContain('We are investigating elevated errors.')
    expect(mail?.headers['Message-ID']).toMatch(new RegExp(`^<incident-${incidentId}\\.`))
    expect(mail?.headers['List-Unsubscribe']).toMatch(/^<https:\/\/vw\.example\/api\/unsubscribe\?token=[\w-]+\.[\w-]+>$/)
    expect(mail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')

    await notify()
    await notify()
    expect(fake.messages).toHaveLength(1)
  })

  it('threads the follow-up under the first email', async () => {
    await after(firstAlertSent)
    await causeFoundPosted()
    await event('incident_updated', { updateExternalId: 'u2' })
    await notify()
    const [mail] = emailsTo('ann@example.com')
    expect(mail?.subject).toBe('Acme — Incident: Elevated API errors (Identified)')
    expect(mail?.headers['In-Reply-To']).toMatch(new RegExp(`^<incident-${incidentId}\\.`))
    expect(mail?.headers.References).toBe(mail?.headers['In-Reply-To'])
    expect(mail?.headers['Message-ID']).toMatch(/^<delivery-/)
  })

  it('survives a crash between sending and recording without sending twice', async () => {
    await after(firstAlertSent, causeFoundPosted)
    await event('incident_updated', { updateExternalId: 'u2' })
    const real = mailer()
    // The provider accepts the batch, then we "crash" before recording it.
    const crashing: Mailer = { maxBatch: real.maxBatch, sendBatch: async (m, key) => (await real.sendBatch(m, key), Promise.reject(new Error('killed'))) }
    await expect(notify(crashing)).rejects.toThrow('killed')
    expect(fake.messages).toHaveLength(1)
    expect(await db.delivery.count({ where: { status: 'sending' } })).toBe(1)

    clock = new Date(clock.getTime() + 3 * 60_000) // the batch's lease expires
    await notify()
    expect(fake.messages).toHaveLength(1) // same idempotency key: the provider answered the first result
    expect(fake.calls.at(-1)?.idempotencyKey).toBe(fake.calls[0]?.idempotencyKey)
    expect(await db.delivery.count({ where: { status: 'sending' } })).toBe(0)
  })

  it('retries 429 and 5xx answers with backoff, then sends exactly once', async () => {
    await after(firstAlertSent, causeFoundPosted)
    await event('incident_updated', { updateExternalId: 'u2' })
    fake.failNext(1, 429)
    fake.failNext(1, 500)
    await notify()
    expect(fake.messages).toHaveLength(0)
    for (let i = 0; i < 3; i++) {
      clock = new Date(clock.getTime() + 60_000)
      await notify()
    }
    expect(fake.messages).toHaveLength(1)
    expect(fake.calls.map((c) => c.status)).toEqual([429, 500, 200])
    expect(new Set(fake.calls.map((c) => c.idempotencyKey)).size).toBe(1)
  })

  it('records a permanent failure for the operator instead of retrying forever', async () => {
    await after(firstAlertSent, causeFoundPosted)
    await event('incident_updated', { updateExternalId: 'u2' })
    fake.failNext(1, 422)
    const result = await notify()
    expect(result.failed).toBe(1)
    const failed = await db.delivery.findFirstOrThrow({ where: { status: 'failed' } })
    expect(failed.lastError).toMatch(/permanent: validation_error/)
  })

  it('sends the daily digest at 08:00 in the reader’s zone, once', async () => {
    await after(firstAlertSent)
    const digestUser = await db.user.findUniqueOrThrow({ where: { email: 'digest@example.com' } })
    expect(await db.delivery.count({ where: { userId: digestUser.id, mode: 'digest', status: 'pending' } })).toBeGreaterThan(0)
    clock = new Date('2026-11-25T12:59:00Z') // 07:59 in New York
    await notify()
    expect(emailsTo('digest@example.com')).toHaveLength(0)
    clock = new Date('2026-11-25T13:00:00Z') // 08:00
    await notify()
    await notify()
    const digests = emailsTo('digest@example.com')
    expect(digests).toHaveLength(1)
    expect(digests[0]?.subject).toMatch(/^Vendorwatch daily digest, Wednesday, November 25: \d+ updates?$/)
    expect(digests[0]?.text).toContain('Incident: Elevated API errors')
  })

  it('keeps an alert that arrives after 08:00 for the next day’s digest, with the ones after it', async () => {
    await after(firstAlertSent, causeFoundPosted)
    await user('late-digest@example.com', { deliveryMode: 'digest', timeZone: 'Europe/Berlin' })
    clock = new Date('2026-11-26T08:30:00Z') // 09:30 in Berlin: today's digest time has passed
    await event('incident_updated', { updateExternalId: 'u2' })
    await notify()
    expect(emailsTo('late-digest@example.com')).toHaveLength(0)
    clock = new Date('2026-11-26T15:00:00Z')
    await event('incident_updated', { updateExternalId: 'u2' })
    await notify()
    clock = new Date('2026-11-27T06:59:00Z') // 07:59 the next morning
    await notify()
    expect(emailsTo('late-digest@example.com')).toHaveLength(0)
    clock = new Date('2026-11-27T07:00:00Z') // 08:00
    await notify()
    await notify()
    const digests = emailsTo('late-digest@example.com')
    expect(digests).toHaveLength(1)
    expect(digests[0]?.subject).toMatch(/^Vendorwatch daily digest, Friday, November 27: 2 updates$/)
  })
})

describe.skipIf(dbMode !== 'postgres')('the notifier under concurrency (PostgreSQL)', () => {
  it('four overlapping runs still send one email per user per event', async () => {
    await after(firstAlertSent, causeFoundPosted)
    const watchers = await Promise.all(Array.from({ length: 30 }, (_, i) => user(`crowd-${i}@example.com`)))
    await event('incident_updated', { updateExternalId: 'u2' })
    await Promise.all([notify(), notify(), notify(), notify()])
    for (const w of watchers) expect(emailsTo(w.email)).toHaveLength(1)
    expect(emailsTo('ann@example.com')).toHaveLength(1)
  })
})

describe('plan limits', () => {
  it('keeps a downgraded user’s newest watches silent until they are Pro again', async () => {
    const others = await Promise.all(
      Array.from({ length: 10 }, (_, i) => db.vendor.create({ data: { slug: `older-${i}`, name: `Older ${i}`, statusPageUrl: `https://status.older-${i}.example` } })),
    )
    const watched = await db.vendor.create({ data: { slug: 'newest', name: 'Newest', statusPageUrl: 'https://status.newest.example', source: { create: { platform: 'statuspage', baselineAt: clock } } } })
    const incident = await db.incident.create({
      data: { vendorId: watched.id, externalId: 'inc-newest', title: 'Queue delays', status: 'investigating', impact: 'minor', startedAt: clock, firstSeenAt: clock },
    })
    const reader = await db.user.create({ data: { email: 'downgraded@example.com', emailVerified: clock, stripeCustomerId: 'cus_downgraded' } })
    // Ten older watches, then the one this vendor's events concern: the eleventh, beyond Free's ten.
    for (const [i, v] of others.entries()) await db.watchlistEntry.create({ data: { userId: reader.id, vendorId: v.id, createdAt: new Date(clock.getTime() - (20 - i) * 60_000) } })
    await db.watchlistEntry.create({ data: { userId: reader.id, vendorId: watched.id, createdAt: clock } })
    const incidentEvent = (n: number) =>
      db.changeEvent.create({
        data: { vendorId: watched.id, kind: n === 1 ? 'incident_opened' : 'incident_updated', dedupeKey: `plan-limits:${n}`, incidentId: incident.id, occurredAt: clock, data: { updateExternalId: `pl-${n}`, firstSeenOver: false } },
      })

    await db.subscription.create({ data: { userId: reader.id, stripeSubscriptionId: 'sub_ended', stripeCustomerId: 'cus_downgraded', status: 'canceled', lastEventAt: clock } })
    await incidentEvent(1)
    await notify()
    expect(emailsTo('downgraded@example.com')).toHaveLength(0)

    await db.subscription.update({ where: { userId: reader.id }, data: { status: 'active' } })
    await incidentEvent(2)
    await notify()
    expect(emailsTo('downgraded@example.com')).toHaveLength(1)
  })
})

describe('email headers from hostile upstream text', () => {
  it('sends a clean one-line subject when an incident title or component name carries CR/LF', async () => {
    const vendor = await db.vendor.create({ data: { slug: 'hostile', name: 'Hostile', statusPageUrl: 'https://status.hostile.example', source: { create: { platform: 'statuspage', baselineAt: clock } } } })
    const incident = await db.incident.create({
      data: { vendorId: vendor.id, externalId: 'inc-crlf', title: 'Outage\r\nBcc: victim@example.com\r\n\r\n<b>body</b>', status: 'investigating', impact: 'minor', startedAt: clock, firstSeenAt: clock },
    })
    const component = await db.component.create({
      data: { vendorId: vendor.id, externalId: 'c-crlf', name: 'API\nX-Injected: 1\u2028', status: 'major_outage', statusChangedAt: clock },
    })
    await db.user.create({ data: { email: 'hostile-reader@example.com', emailVerified: clock, watchlist: { create: { vendorId: vendor.id, componentAlerts: true } } } })
    await db.changeEvent.create({ data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: 'crlf:incident', incidentId: incident.id, occurredAt: clock, data: { updateExternalId: null, firstSeenOver: false } } })
    await db.changeEvent.create({
      data: { vendorId: vendor.id, kind: 'component_status_changed', dedupeKey: 'crlf:component', componentId: component.id, occurredAt: clock, data: { from: 'operational', to: 'major_outage' } },
    })
    await notify()

    const subjects = emailsTo('hostile-reader@example.com').map((m) => m.subject).sort()
    expect(subjects).toEqual(['Hostile — API X-Injected: 1 : Major outage', 'Hostile — Incident: Outage Bcc: victim@example.com <b>body</b> (Investigating)'])
    for (const m of emailsTo('hostile-reader@example.com')) {
      for (const value of [m.subject, m.from, ...Object.values(m.headers)]) expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
    }
  })
})

describe('fan-out page by page', () => {
  it('reads the same watchers in pages of two as in one query, each once, the muted and unverified left out', async () => {
    for (const name of ['bea', 'cem', 'dan', 'eve']) await user(`${name}@example.com`)
    const limitsWithPlans = { ...limits, paidStatuses: ['active'] }
    const whole = await notifierData.outbox.fanOutPendingEvents(1, clock, async (batch) => batch.watchersOf(vendorId, limitsWithPlans))
    const paged = await notifierData.outbox.fanOutPendingEvents(1, clock, async (batch) => {
      const pages: string[][] = []
      let cursor: string | null = null
      do {
        const page = await batch.watcherPage(vendorId, limitsWithPlans, cursor, 2)
        pages.push(page.watchers.map((w) => w.userId))
        cursor = page.next
      } while (cursor !== null && pages.length < 20)
      return pages
    })
    const ids = paged.result.flat()
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(whole.result.map((w) => w.userId).sort())
    // Nine watches in pages of two: five pages, the ones holding the muted or unverified watch shorter.
    expect(paged.result.length).toBe(5)
    expect(ids.length).toBe(7)
  })
})

describe('fan-out writes each delivery once', () => {
  it('inserts a (reader, event) delivery once, however often it is written', async () => {
    for (const name of ['fay', 'gus']) await user(`${name}@example.com`)
    const e = await event('incident_opened')
    const readers = await db.user.findMany({ where: { email: { in: ['fay@example.com', 'gus@example.com'] } }, select: { id: true } })
    const rows = readers.map((r) => ({ userId: r.id, eventId: e.id, mode: 'instant' as const, nextAttemptAt: clock, createdAt: clock }))
    const done = await notifierData.outbox.fanOutPendingEvents(50, clock, async (batch) => [await batch.insertDeliveries(rows), await batch.insertDeliveries([...rows, ...rows])])
    expect(done.result).toEqual([2, 0])
    const written = await db.delivery.findMany({ where: { eventId: e.id }, select: { userId: true, mode: true, status: true, attempts: true, nextAttemptAt: true, createdAt: true } })
    expect(written.map((d) => d.userId).sort()).toEqual(readers.map((r) => r.id).sort())
    for (const d of written) expect(d).toMatchObject({ mode: 'instant', status: 'pending', attempts: 0, nextAttemptAt: clock, createdAt: clock })
  })
})
