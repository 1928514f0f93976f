// The channel outbox on a real database against the local stand-ins (PagerDuty Events, a webhook
// receiver that verifies signatures): exactly once through failures and overlapping runs, the SSRF
// guard at save and at send, broken destinations stop and tell their owner once, secrets go with
// the destination and the account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as channelOutbox from '@/lib/data/channel-outbox'
import { db } from '@/lib/db/client'
import type { ResolveAll } from '@/lib/ingest/dns'
import { createTestUser } from '@/lib/testing/accounts'
import { startChannelStandins, type ChannelStandins } from '@/lib/testing/channel-standins'
import { addDestination, rotateWebhookSecret, sendTest } from './manage'
import { createOutboundHttp } from './outbound-http'
import { runChannelOutbox, type ChannelDeps } from './outbox'
import { createPagerDutySender } from './pagerduty'
import { openSettings } from './sealed-settings'
import type { OutboundHttp } from './types'
import { webhookSender } from './webhook'

let standins: ChannelStandins
let clock = new Date('2030-05-01T10:00:00Z')
const openHttp = () => createOutboundHttp({ allowPrivateNetwork: true, timeoutMs: 5_000 })
const brokenMails: { email: string; name: string; reason: string }[] = []
let seq = 0
const resolvesTo =
  (address: string): ResolveAll =>
  (_host, _options, callback) =>
    callback(null, [{ address, family: 4 }])

function deps(over: Partial<ChannelDeps> = {}): ChannelDeps {
  return {
    data: channelOutbox,
    senders: { webhook: webhookSender, pagerduty: createPagerDutySender(`${standins.url}/pagerduty`) },
    openSettings,
    http: openHttp(),
    appUrl: 'https://vw.example',
    now: () => clock,
    notifyBroken: async (owner, reason) => {
      brokenMails.push({ ...owner, reason })
    },
    ...over,
  }
}
const run = (d: ChannelDeps = deps()) => runChannelOutbox(d, { watchLimits: { free: 10, paid: 200 }, timeBudgetMs: 30_000, concurrency: 8 })

async function pro(userId: string) {
  await db.subscription.create({ data: { userId, stripeSubscriptionId: `sub_${userId}`, stripeCustomerId: `cus_${userId}`, status: 'active', lastEventAt: clock } })
}

/** A watched vendor and a user with a webhook (receiver `hook`) and, on Pro, PagerDuty. */
async function setup(options: { pagerduty?: boolean } = {}) {
  seq++
  const user = await createTestUser(`u${seq}@example.com`)
  const vendor = await db.vendor.create({ data: { slug: `v-${seq}`, name: `Vendor ${seq}`, statusPageUrl: `https://status.v${seq}.example` } })
  await db.watchlistEntry.create({ data: { userId: user.id, vendorId: vendor.id } })
  if (options.pagerduty) await pro(user.id)
  const hook = `hook-${seq}`
  const added = await addDestination(user.id, { kind: 'webhook', name: 'Ops webhook', target: `${standins.url}/hooks/${hook}` }, { allowPrivateNetwork: true })
  if (!added.ok || !added.secret) throw new Error(`webhook not added: ${JSON.stringify(added)}`)
  standins.setSecret(hook, added.secret)
  let pagerdutyId: string | null = null
  if (options.pagerduty) {
    const pd = await addDestination(user.id, { kind: 'pagerduty', name: 'On-call', target: 'R'.repeat(32) }, { allowPrivateNetwork: true })
    if (!pd.ok) throw new Error('pagerduty not added')
    pagerdutyId = pd.id
  }
  return { user, vendor, hook, webhookId: added.id, pagerdutyId }
}

async function incidentEvent(vendorId: string, kind: 'incident_opened' | 'incident_updated' | 'incident_resolved', incidentId?: string) {
  seq++
  const incident = incidentId
    ? await db.incident.update({ where: { id: incidentId }, data: kind === 'incident_resolved' ? { status: 'resolved', resolvedAt: clock } : { status: 'identified' } })
    : await db.incident.create({ data: { vendorId, externalId: `inc-${seq}`, title: `Incident ${seq}`, status: 'investigating', impact: 'major', startedAt: clock, firstSeenAt: clock } })
  await db.incidentUpdate.create({ data: { incidentId: incident.id, externalId: `u-${seq}`, status: incident.status, body: `Words ${seq}`, bodyHash: `h${seq}`, publishedAt: clock } })
  // Recorded "now" on the test's clock, as the refresh records it on the real one.
  await db.changeEvent.create({ data: { vendorId, kind, dedupeKey: `e-${seq}`, incidentId: incident.id, occurredAt: clock, createdAt: clock, data: { updateExternalId: `u-${seq}` } } })
  return incident.id
}

beforeAll(async () => {
  standins = await startChannelStandins()
})
afterAll(() => standins.close())
beforeEach(async () => {
  standins.reset()
  brokenMails.length = 0
  await db.$executeRaw`INSERT INTO "ChannelFanout" ("eventId", "fannedOutAt") SELECT id, now() FROM "ChangeEvent" ON CONFLICT DO NOTHING`
})

describe('the channel outbox', () => {
  it('a destination that answers 500 then 200 gets exactly one delivery, retried with backoff', async () => {
    const { vendor, hook, webhookId } = await setup()
    await incidentEvent(vendor.id, 'incident_opened')
    standins.fail(`/hooks/${hook}`, 500, 1)

    expect(await run()).toMatchObject({ deliveriesCreated: 1, sent: 0, retrying: 1 })
    expect(await run()).toMatchObject({ deliveriesCreated: 0, sent: 0 }) // not due yet: 30 s backoff
    clock = new Date(clock.getTime() + 31_000)
    expect(await run()).toMatchObject({ sent: 1 })
    clock = new Date(clock.getTime() + 3_600_000)
    expect(await run()).toMatchObject({ sent: 0, retrying: 0 })

    const verified = standins.webhooks.filter((w) => w.name === hook && w.verified)
    expect(verified).toHaveLength(1)
    expect(standins.calls.filter((c) => c.path === `/hooks/${hook}`).map((c) => c.status)).toEqual([500, 204])
    const delivery = await db.channelDelivery.findFirstOrThrow({ where: { destinationId: webhookId } })
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2, lockedUntil: null })
    const log = await db.deliveryAttempt.findMany({ where: { destinationId: webhookId }, orderBy: { attemptedAt: 'asc' } })
    expect(log.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [true, 204],
    ])
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ lastResultOk: true, health: 'ok' })
  })

  it('PagerDuty: one trigger and one resolve with our incident id as dedup key; updates do not page', async () => {
    const { vendor, hook } = await setup({ pagerduty: true })
    const incidentId = await incidentEvent(vendor.id, 'incident_opened')
    await run()
    await incidentEvent(vendor.id, 'incident_updated', incidentId)
    await run()
    await incidentEvent(vendor.id, 'incident_resolved', incidentId)
    await run()
    expect(standins.pagerduty.map((p) => [p.action, p.dedupKey])).toEqual([
      ['trigger', incidentId],
      ['resolve', incidentId],
    ])
    expect(standins.pagerduty[0]?.body).toMatchObject({ payload: { severity: 'error', summary: expect.stringContaining(`Vendor ${seq - 3}`) } })
    expect(standins.webhooks.filter((w) => w.name === hook && w.verified).map((w) => (w.body as { type: string }).type)).toEqual(['incident.opened', 'incident.updated', 'incident.resolved'])
  })

  it('three overlapping runs send nothing twice', async () => {
    const { vendor, hook } = await setup({ pagerduty: true })
    const incidentId = await incidentEvent(vendor.id, 'incident_opened')
    await incidentEvent(vendor.id, 'incident_updated', incidentId)
    await Promise.all([run(), run(), run()])
    await incidentEvent(vendor.id, 'incident_resolved', incidentId)
    await Promise.all([run(), run(), run()])
    const ids = standins.webhooks.filter((w) => w.name === hook).map((w) => w.id)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    expect(standins.webhooks.filter((w) => w.name === hook).map((w) => (w.body as { type: string }).type)).toEqual(['incident.opened', 'incident.updated', 'incident.resolved'])
    expect(standins.pagerduty.map((p) => p.action)).toEqual(['trigger', 'resolve'])
  })

  it('a webhook URL to a private address is refused at save time and at send time', async () => {
    const user = await createTestUser(`ssrf${++seq}@example.com`)
    for (const target of ['https://127.0.0.1/hook', 'https://10.0.0.7/hook', 'https://[::1]/hook', 'https://localhost/hook', 'http://example.com/hook']) {
      expect(await addDestination(user.id, { kind: 'webhook', name: 'x', target }, { allowPrivateNetwork: false })).toMatchObject({ ok: false, field: 'target' })
    }
    expect(await db.destination.count({ where: { userId: user.id } })).toBe(0)

    // Saved while its name pointed at a public address; at send time it resolves to loopback (DNS
    // rebinding): the guarded lookup refuses it and nothing is connected to.
    const { vendor, user: owner } = await setup()
    const saved = await addDestination(owner.id, { kind: 'webhook', name: 'Rebound', target: 'https://hooks.rebind.example/in' }, { allowPrivateNetwork: false, resolveAll: resolvesTo('93.184.216.34') })
    expect(saved).toMatchObject({ ok: false, field: 'limit' }) // Free plan: one destination; make room
    await db.destination.deleteMany({ where: { userId: owner.id } })
    const again = await addDestination(owner.id, { kind: 'webhook', name: 'Rebound', target: 'https://hooks.rebind.example/in' }, { allowPrivateNetwork: false, resolveAll: resolvesTo('93.184.216.34') })
    if (!again.ok) throw new Error('not saved')
    await incidentEvent(vendor.id, 'incident_opened')
    const before = standins.calls.length
    const result = await run(deps({ http: createOutboundHttp({ allowPrivateNetwork: false, resolveAll: resolvesTo('127.0.0.1') }) }))
    expect(result).toMatchObject({ broken: 1, sent: 0 })
    expect(standins.calls.length).toBe(before)
    expect(await db.destination.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ health: 'broken', brokenReason: expect.stringMatching(/resolves to 127\.0\.0\.1, which is not a public address/) })
    expect(brokenMails).toEqual([{ email: owner.email, name: 'Rebound', reason: expect.stringMatching(/not a public address/) }])
  })

  it('a broken outcome marks the destination broken and emails its owner once; it gets nothing more until fixed', async () => {
    const { vendor, hook, webhookId, user } = await setup()
    standins.fail(`/hooks/${hook}`, 410, Infinity)
    const incidentId = await incidentEvent(vendor.id, 'incident_opened')
    await run()
    await incidentEvent(vendor.id, 'incident_updated', incidentId)
    await run()
    await incidentEvent(vendor.id, 'incident_resolved', incidentId)
    await run()
    expect(standins.calls.filter((c) => c.path === `/hooks/${hook}`)).toHaveLength(1)
    expect(brokenMails).toHaveLength(1)
    expect(brokenMails[0]).toMatchObject({ email: user.email, reason: expect.stringMatching(/HTTP 410/) })
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ health: 'broken', brokenNotifiedAt: clock })

    // Fixed (a rotated secret saves new settings): healthy again, and a new break emails again.
    const secret = await rotateWebhookSecret(user.id, webhookId)
    expect(secret).toMatch(/^whsec_/)
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ health: 'ok', brokenNotifiedAt: null })
  })

  it('a broken destination, once fixed, is turned back on by a Send test that gets through (no delete and re-add)', async () => {
    const { vendor, hook, webhookId, user } = await setup()
    standins.fail(`/hooks/${hook}`, 410, Infinity)
    await incidentEvent(vendor.id, 'incident_opened')
    await run()
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ health: 'broken' })
    const test = () => sendTest(user.id, webhookId, { http: openHttp(), appUrl: 'https://vw.example', now: () => clock })

    // Not fixed yet: the test fails and the destination stays broken.
    expect(await test()).toMatchObject({ ok: false })
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ health: 'broken', brokenNotifiedAt: expect.any(Date) })

    // The receiver is back: the test gets through and the destination is healthy again.
    standins.fail(`/hooks/${hook}`, 410, 0)
    expect(await test()).toEqual({ ok: true, text: 'Test delivered (HTTP 204). It works again: new alerts will be sent here.' })
    expect(await db.destination.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ health: 'ok', brokenReason: null, brokenAt: null, brokenNotifiedAt: null })
    expect(await test()).toEqual({ ok: true, text: 'Test delivered (HTTP 204).' })

    // New changes reach it again.
    clock = new Date(clock.getTime() + 60_000)
    await incidentEvent(vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ deliveriesCreated: 1, sent: 1 })
  })

  it('one failing destination does not hold up another', async () => {
    const a = await setup()
    const b = await setup()
    standins.fail(`/hooks/${a.hook}`, 503, Infinity)
    await incidentEvent(a.vendor.id, 'incident_opened')
    await incidentEvent(b.vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ sent: 1, retrying: 1 })
    expect(standins.webhooks.filter((w) => w.name === b.hook && w.verified)).toHaveLength(1)
  })

  it('Send test reports inline and lands in the log; the plan limits what can be added', async () => {
    const { user, webhookId } = await setup()
    expect(await sendTest(user.id, webhookId, { http: openHttp(), appUrl: 'https://vw.example', now: () => clock })).toEqual({ ok: true, text: 'Test delivered (HTTP 204).' })
    expect(await db.deliveryAttempt.count({ where: { destinationId: webhookId } })).toBe(1)
    // Free: one destination, no PagerDuty.
    expect(await addDestination(user.id, { kind: 'webhook', name: 'second', target: `${standins.url}/hooks/x` }, { allowPrivateNetwork: true })).toMatchObject({ ok: false, field: 'limit' })
    const other = await createTestUser(`free${++seq}@example.com`)
    expect(await addDestination(other.id, { kind: 'pagerduty', name: 'pd', target: 'R'.repeat(32) }, { allowPrivateNetwork: true })).toMatchObject({ ok: false, field: 'limit' })
  })

  it('deleting the destination or the account removes its secrets, threads, deliveries and log', async () => {
    const { vendor, user, webhookId, pagerdutyId } = await setup({ pagerduty: true })
    await incidentEvent(vendor.id, 'incident_opened')
    await run()
    expect(await db.channelThread.count({ where: { destinationId: pagerdutyId! } })).toBe(1)
    await db.destination.delete({ where: { id: webhookId } })
    for (const table of [db.channelDelivery, db.deliveryAttempt, db.channelThread] as const) expect(await (table as typeof db.channelDelivery).count({ where: { destinationId: webhookId } })).toBe(0)
    await db.user.delete({ where: { id: user.id } })
    expect(await db.destination.count({ where: { userId: user.id } })).toBe(0)
    expect(await db.channelDelivery.count({ where: { destinationId: pagerdutyId! } })).toBe(0)
    const raw = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Destination" WHERE "sealedSettings" LIKE ${'%' + 'R'.repeat(8) + '%'}`
    expect(Number(raw[0]?.n)).toBe(0)
  })

  it('routing: chosen destinations only; after a downgrade to Free only the oldest chat/webhook destination keeps working', async () => {
    const { vendor, user, hook, webhookId, pagerdutyId } = await setup({ pagerduty: true })
    const second = await addDestination(user.id, { kind: 'webhook', name: 'Second', target: `${standins.url}/hooks/${hook}-2` }, { allowPrivateNetwork: true })
    if (!second.ok || !second.secret) throw new Error('second webhook not added')
    standins.setSecret(`${hook}-2`, second.secret)
    const entry = await db.watchlistEntry.findFirstOrThrow({ where: { userId: user.id, vendorId: vendor.id } })

    // Chosen: only the second webhook.
    await db.watchlistEntry.update({ where: { id: entry.id }, data: { allDestinations: false, destinations: { create: [{ destinationId: second.id }] } } })
    await incidentEvent(vendor.id, 'incident_opened')
    await run()
    expect(await db.channelDelivery.groupBy({ by: ['destinationId'], _count: true })).toEqual(expect.arrayContaining([expect.objectContaining({ destinationId: second.id })]))
    expect(await db.channelDelivery.count({ where: { destinationId: { in: [webhookId, pagerdutyId!] } } })).toBe(0)

    // All again, then the subscription ends: the oldest allowed one (the first webhook) alone.
    await db.watchlistEntry.update({ where: { id: entry.id }, data: { allDestinations: true } })
    await db.subscription.update({ where: { userId: user.id }, data: { status: 'canceled' } })
    await incidentEvent(vendor.id, 'incident_opened')
    await run()
    const latest = await db.changeEvent.findFirstOrThrow({ where: { vendorId: vendor.id }, orderBy: { createdAt: 'desc' } })
    expect((await db.channelDelivery.findMany({ where: { eventId: latest.id } })).map((d) => d.destinationId)).toEqual([webhookId])
  })
})
