// The PagerDuty sender against the Events API v2 stand-in: what each event does there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChannelStandins, type ChannelStandins } from '@/lib/testing/channel-standins'
import { buildChannelMessage, testChannelMessage } from './message'
import { incidentEvent } from '@/lib/testing/channel-events'
import { createOutboundHttp } from './outbound-http'
import { createPagerDutySender } from './pagerduty'

let standins: ChannelStandins
beforeAll(async () => {
  standins = await startChannelStandins()
})
afterAll(() => standins.close())

const key = 'K'.repeat(32)
const http = () => createOutboundHttp({ allowPrivateNetwork: true, timeoutMs: 5_000 })

describe('the PagerDuty sender', () => {
  it('triggers on open and resolves on resolve, keyed by our incident id; an update sends nothing', async () => {
    const sender = createPagerDutySender(`${standins.url}/pagerduty`)
    const send = (kind: Parameters<typeof incidentEvent>[0], over = {}) => sender.send({ settings: { routingKey: key }, message: buildChannelMessage(incidentEvent(kind, over), 'https://vw.example')!, thread: null, http: http() })
    expect(await send('incident_opened')).toMatchObject({ ok: true, statusCode: 202, thread: { externalId: 'inc_1' } })
    expect(await send('incident_updated')).toMatchObject({ ok: true, detail: 'nothing to page' })
    expect(await send('incident_resolved', { status: 'resolved' })).toMatchObject({ ok: true, statusCode: 202 })
    expect(standins.pagerduty.map((p) => [p.action, p.dedupKey])).toEqual([
      ['trigger', 'inc_1'],
      ['resolve', 'inc_1'],
    ])
  })

  it('a test triggers an info alert and resolves it; an unknown routing key breaks the destination', async () => {
    standins.reset()
    const sender = createPagerDutySender(`${standins.url}/pagerduty/`)
    const ok = await sender.send({ settings: { routingKey: key }, message: testChannelMessage('t1', new Date(), 'https://vw.example'), thread: null, http: http() })
    expect(ok).toMatchObject({ ok: true, detail: 'test alert triggered and resolved' })
    expect(standins.pagerduty.map((p) => [p.action, p.dedupKey])).toEqual([
      ['trigger', 'vendorwatch-test-t1'],
      ['resolve', 'vendorwatch-test-t1'],
    ])
    expect(standins.pagerduty[0]?.body).toMatchObject({ payload: { severity: 'info' } })
    const bad = await sender.send({ settings: { routingKey: 'short' }, message: testChannelMessage('t2', new Date(), 'https://vw.example'), thread: null, http: http() })
    expect(bad).toMatchObject({ ok: false, retry: false, broken: true, statusCode: 400 })
  })

  it('retries a 429 after its Retry-After', async () => {
    const sender = createPagerDutySender(`${standins.url}/pagerduty`)
    standins.fail('/pagerduty/v2/enqueue', 429, 1, { 'retry-after': '12' })
    const outcome = await sender.send({ settings: { routingKey: key }, message: buildChannelMessage(incidentEvent('incident_opened'), 'https://vw.example')!, thread: null, http: http() })
    expect(outcome).toMatchObject({ ok: false, retry: true, retryAfterMs: 12_000 })
  })
})
