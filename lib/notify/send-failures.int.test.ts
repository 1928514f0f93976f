// A batch of alerts in which one message cannot be built, a sender that dies before recording an
// outcome, and a provider asking us to wait a day: each delivery ends sent or failed, with the
// reason, and the rest of the batch goes out.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { notifierData } from '@/lib/data/notifier-data'
import { db } from '@/lib/db/client'
import { mailerOver } from '@/lib/email'
import { createResendTransport } from '@/lib/email/resend-transport'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { createComposer } from './compose'
import type { Mailer } from './mailer'
import { MAX_RETRY_AFTER_MS, sendInstantDeliveries, type SendOptions } from './send'

// Stands in for a renderer bug no input limit foresaw: this one body makes it overflow its stack.
vi.mock('@/lib/format/upstream-text', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/format/upstream-text')>()
  return {
    ...real,
    upstreamPlainText: (body: string) => {
      if (body.includes('POISON')) throw new RangeError('Maximum call stack size exceeded\nPlease report this to https://github.com/markedjs/marked.')
      return real.upstreamPlainText(body)
    },
  }
})

const SECRET = 'send-failures-secret-send-failures-secret'
let fake: FakeResend
let clock = new Date('2026-03-10T09:00:00Z')
const options = (over: Partial<SendOptions> = {}): SendOptions => ({ now: () => clock, leaseMs: 2 * 60_000, maxAttempts: 3, timeBudgetMs: 30_000, concurrency: 1, ...over })
const mailer = (): Mailer => mailerOver(createResendTransport({ apiKey: 're_test_key', baseUrl: fake.url }), 'Vendorwatch <alerts@vw.example>')
const compose = () => createComposer(notifierData, { appUrl: 'https://vw.example', secret: SECRET })
let seq = 0

/** A vendor with an open incident whose latest update says `body`, watched by `readers`, and one pending delivery each. */
async function incidentFor(body: string, readers: string[]) {
  seq++
  const vendor = await db.vendor.create({ data: { slug: `v-${seq}`, name: `Vendor ${seq}`, statusPageUrl: `https://status.v${seq}.example` } })
  const incident = await db.incident.create({
    data: {
      vendorId: vendor.id,
      externalId: `inc-${seq}`,
      title: `Incident ${seq}`,
      status: 'investigating',
      impact: 'minor',
      startedAt: clock,
      firstSeenAt: clock,
      updates: { create: [{ externalId: `u-${seq}`, status: 'investigating', body, bodyHash: `h-${seq}`, publishedAt: clock }] },
    },
  })
  const event = await db.changeEvent.create({
    data: { vendorId: vendor.id, kind: 'incident_updated', dedupeKey: `e-${seq}`, incidentId: incident.id, occurredAt: clock, data: { updateExternalId: `u-${seq}`, firstSeenOver: false } },
  })
  for (const email of readers) {
    const user = await db.user.upsert({ where: { email }, create: { email, emailVerified: clock, timeZone: 'UTC' }, update: {} })
    await db.delivery.create({ data: { userId: user.id, eventId: event.id, mode: 'instant', status: 'pending', nextAttemptAt: clock } })
  }
  return event
}

beforeAll(async () => {
  fake = await startFakeResend()
})
afterAll(() => fake.close())
beforeEach(async () => {
  fake.reset()
  await db.delivery.deleteMany()
})

describe('sending alerts when some cannot be built', () => {
  it('fails the delivery whose message cannot be composed, with the reason, and sends the rest of its batch', async () => {
    const poisoned = await incidentFor('POISON', ['victim@example.com'])
    await incidentFor('We are investigating.', ['bystander@example.com', 'other@example.com'])

    const result = await sendInstantDeliveries(notifierData, mailer(), compose(), options())

    expect(result).toMatchObject({ sent: 2, failed: 1, retrying: 0, apiCalls: 1 })
    expect(fake.messages.map((m) => m.to).sort()).toEqual(['bystander@example.com', 'other@example.com'])
    const failed = await db.delivery.findFirstOrThrow({ where: { eventId: poisoned.id } })
    expect(failed).toMatchObject({ status: 'failed', lockedUntil: null })
    expect(failed.lastError).toBe('compose: RangeError: Maximum call stack size exceeded')
    expect(await db.delivery.count({ where: { status: 'sending' } })).toBe(0)
  })

  it('counts a lease that runs out as an attempt, and fails the batch at the cap instead of keeping it sending', async () => {
    await incidentFor('We are investigating.', ['crashy@example.com'])
    // A message that kills its sender: the process dies between claiming and recording, every time.
    const dying: Mailer = { maxBatch: 100, sendBatch: () => Promise.reject(new Error('killed')) }
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(sendInstantDeliveries(notifierData, dying, compose(), options())).rejects.toThrow('killed')
      clock = new Date(clock.getTime() + 3 * 60_000) // the lease runs out
    }
    const result = await sendInstantDeliveries(notifierData, mailer(), compose(), options())
    expect(result).toMatchObject({ sent: 0, failed: 1 })
    expect(fake.messages).toHaveLength(0)
    const row = await db.delivery.findFirstOrThrow({ where: { user: { email: 'crashy@example.com' } } })
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lockedUntil: null })
    expect(row.lastError).toBe('gave up after 3 attempts: the sender stopped before recording an outcome')
  })

  it('caps a provider Retry-After so an alert is tried again within minutes, not a day', async () => {
    await incidentFor('We are investigating.', ['patient@example.com'])
    const slowDown: Mailer = { maxBatch: 100, sendBatch: async () => ({ ok: false, failure: { kind: 'retry', message: 'rate_limit_exceeded', retryAfterMs: 86_400_000 } }) }
    const result = await sendInstantDeliveries(notifierData, slowDown, compose(), options())
    expect(result.retrying).toBe(1)
    const row = await db.delivery.findFirstOrThrow({ where: { status: 'sending' } })
    expect(row.lockedUntil?.getTime()).toBe(clock.getTime() + MAX_RETRY_AFTER_MS)
  })
})
