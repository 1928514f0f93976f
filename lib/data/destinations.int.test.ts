// The plan's destination limit holds under parallel adds (checked in the insert's transaction), and
// every query is scoped to its user.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createTestUser } from '@/lib/testing/accounts'
import { recordChannelSent } from './channel-outbox'
import { createDestination, recordAttempt, deleteDestination, findDestinationForSend, listDestinations, setDestinationEnabled, updateDestinationSettings } from './destinations'

const input = (userId: string, kind: 'webhook' | 'pagerduty' = 'webhook') => ({ userId, kind, name: 'd', sealedSettings: 'v1.a.b.c', maskedTarget: 'x/…1234' })

describe('destinations', () => {
  it('ten parallel adds on the Free plan leave exactly one; PagerDuty is refused on Free', async () => {
    const user = await createTestUser('free-race@example.com')
    const results = await Promise.all(Array.from({ length: 10 }, () => createDestination(input(user.id))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.reason === 'limit')).toHaveLength(9)
    expect(await db.destination.count({ where: { userId: user.id } })).toBe(1)
    const other = await createTestUser('free-pd@example.com')
    expect(await createDestination(input(other.id, 'pagerduty'))).toEqual({ ok: false, reason: 'limit' })
  })

  it('Pro: up to 20, PagerDuty included', async () => {
    const user = await createTestUser('pro-race@example.com')
    await db.subscription.create({ data: { userId: user.id, stripeSubscriptionId: 'sub_pr', stripeCustomerId: 'cus_pr', status: 'active', lastEventAt: new Date() } })
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => createDestination(input(user.id, i % 2 ? 'pagerduty' : 'webhook'))))
    expect(results.filter((r) => r.ok)).toHaveLength(20)
  })

  it("another user's destination is not found, changed or deleted; the list never carries settings", async () => {
    const owner = await createTestUser('owner-d@example.com')
    const stranger = await createTestUser('stranger-d@example.com')
    const created = await createDestination(input(owner.id))
    if (!created.ok) throw new Error('not created')
    expect(await findDestinationForSend(stranger.id, created.id)).toBeNull()
    expect(await setDestinationEnabled(stranger.id, created.id, false)).toBe(false)
    await expect(updateDestinationSettings(stranger.id, created.id, { sealedSettings: 'v1.x.y.z', maskedTarget: 'evil' })).rejects.toThrow('No such destination')
    expect(await deleteDestination(stranger.id, created.id)).toBe(false)
    const [listed] = await listDestinations(owner.id)
    expect(listed).toMatchObject({ id: created.id, enabled: true, maskedTarget: 'x/…1234' })
    expect(listed).not.toHaveProperty('sealedSettings')
  })

  it('the delivery log keeps the newest 50 attempts, on both the failure and the sent path', async () => {
    const user = await createTestUser('log-trim@example.com')
    const created = await createDestination(input(user.id))
    if (!created.ok) throw new Error('not created')
    const base = Date.UTC(2030, 0, 1)
    for (let i = 0; i < 55; i++) await recordAttempt(created.id, null, { at: new Date(base + i * 1000), ok: false, text: `fail ${i}`, statusCode: 500, latencyMs: 1, detail: `fail ${i}` })
    expect(await db.deliveryAttempt.count({ where: { destinationId: created.id } })).toBe(50)
    await recordChannelSent([{ id: 'no-such-delivery', destinationId: created.id, attempt: { at: new Date(base + 99_000), sentAt: new Date(base + 99_000), text: 'Delivered', statusCode: 204, latencyMs: 3, detail: 'ok' } }])
    const log = await db.deliveryAttempt.findMany({ where: { destinationId: created.id }, orderBy: { attemptedAt: 'desc' } })
    expect(log).toHaveLength(50)
    expect(log[0]).toMatchObject({ ok: true, statusCode: 204 })
    expect(log.at(-1)?.detail).toBe('fail 6')
    expect(await db.destination.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ lastResultOk: true, lastResult: 'Delivered' })
  })

  it('a sent record cut inside an emoji is still written, with U+FFFD for the half, and so is the rest of its batch', async () => {
    const user = await createTestUser('sent-emoji@example.com')
    const created = await createDestination(input(user.id))
    if (!created.ok) throw new Error('not created')
    const at = new Date(Date.UTC(2030, 0, 3))
    // recordChannelSent keeps 500 characters of the detail and 300 of the text: both cut between the halves of 🚨.
    const attempt = { at, sentAt: at, text: `${'t'.repeat(299)}🚨`, statusCode: 200, latencyMs: 5, detail: `${'d'.repeat(499)}🚨 and more` }
    await recordChannelSent([
      { id: 'gone-1', destinationId: created.id, attempt },
      { id: 'gone-2', destinationId: created.id, attempt: { ...attempt, text: 'Delivered 🚨', detail: 'whole 🚨' } },
    ])
    const log = await db.deliveryAttempt.findMany({ where: { destinationId: created.id }, select: { detail: true } })
    expect(log.map((l) => l.detail).sort()).toEqual([`${'d'.repeat(499)}\uFFFD`, 'whole 🚨'])
  })

  it('a batch of sent deliveries is one write: each marked sent once, the newest thread and result per destination win, the log stays at 50', async () => {
    const user = await createTestUser('sent-batch@example.com')
    await db.subscription.create({ data: { userId: user.id, stripeSubscriptionId: 'sub_sb', stripeCustomerId: 'cus_sb', status: 'active', lastEventAt: new Date() } })
    const made = await Promise.all([createDestination(input(user.id)), createDestination(input(user.id, 'pagerduty'))])
    const [a, b] = made.map((m) => (m.ok ? m.id : ''))
    if (!a || !b) throw new Error('not created')
    const vendor = await db.vendor.create({ data: { slug: 'sent-batch', name: 'Batch', statusPageUrl: 'https://status.batch.example' } })
    const events = await Promise.all([1, 2, 3].map((i) => db.changeEvent.create({ data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: `sb:${i}`, occurredAt: new Date(), data: {} } })))
    const delivery = (destinationId: string, eventId: string, status: 'sending' | 'failed') => db.channelDelivery.create({ data: { destinationId, eventId, status, attempts: 1 } })
    const [d1, d2, d3] = await Promise.all([delivery(a, events[0]!.id, 'sending'), delivery(a, events[1]!.id, 'sending'), delivery(b, events[2]!.id, 'failed')])
    const base = Date.UTC(2030, 0, 2)
    for (let i = 0; i < 49; i++) await recordAttempt(a, null, { at: new Date(base + i * 1000), ok: false, text: `fail ${i}`, statusCode: 500, latencyMs: 1, detail: `fail ${i}` })
    const at = (s: number) => ({ at: new Date(base + s * 1000), sentAt: new Date(base + s * 1000 + 5), text: `Delivered ${s}`, statusCode: 200, latencyMs: 5, detail: `sent ${s}` })
    await recordChannelSent([
      { id: d2!.id, destinationId: a, attempt: at(101), thread: { subjectKey: 'incident:x', externalId: 'newer', data: { channel: 'C2' } } },
      { id: d1!.id, destinationId: a, attempt: at(100), thread: { subjectKey: 'incident:x', externalId: 'older' } },
      // Closed meanwhile (another sender gave up on it): it stays closed, its attempt is still logged.
      { id: d3!.id, destinationId: b, attempt: at(102), thread: null },
    ])
    const rows = await db.channelDelivery.findMany({ where: { id: { in: [d1!.id, d2!.id, d3!.id] } }, orderBy: { createdAt: 'asc' } })
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [d1!.id]: 'sent', [d2!.id]: 'sent', [d3!.id]: 'failed' })
    expect(rows.find((r) => r.id === d1!.id)).toMatchObject({ sentAt: at(100).sentAt, lockedUntil: null })
    expect(await db.channelThread.findMany({ where: { destinationId: a }, select: { subjectKey: true, externalId: true, data: true } })).toEqual([{ subjectKey: 'incident:x', externalId: 'newer', data: { channel: 'C2' } }])
    const log = await db.deliveryAttempt.findMany({ where: { destinationId: a }, orderBy: [{ attemptedAt: 'desc' }] })
    expect(log).toHaveLength(50)
    expect(log.slice(0, 2).map((l) => [l.detail, l.channelDeliveryId])).toEqual([['sent 101', d2!.id], ['sent 100', d1!.id]])
    expect(log.at(-1)?.detail).toBe('fail 1')
    expect(await db.destination.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ lastResultOk: true, lastResult: 'Delivered 101', lastResultAt: at(101).at })
    expect(await db.deliveryAttempt.count({ where: { destinationId: b, ok: true } })).toBe(1)
  })
})
