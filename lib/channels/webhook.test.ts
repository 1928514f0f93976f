// Signing follows the Standard Webhooks spec: checked against the spec's own test vector with a
// hand-written HMAC (not the package that signs), and end to end against the stand-in receiver.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChannelStandins, type ChannelStandins } from '@/lib/testing/channel-standins'
import { createOutboundHttp } from './outbound-http'
import { testChannelMessage } from './message'
import { newWebhookSecret, signedHeaders, webhookSender } from './webhook'

describe('Standard Webhooks signature', () => {
  it('matches the specification test vector', () => {
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md (example) and the reference libraries' tests
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const headers = signedHeaders(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330 * 1000), '{"test": 2432232314}')
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
    expect(headers['webhook-timestamp']).toBe('1614265330')
  })

  it('is base64 HMAC-SHA256 of id.timestamp.body under the decoded secret', () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    const at = new Date(1_900_000_000_000)
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`msg_1.1900000000.{}`).digest('base64')
    expect(signedHeaders(secret, 'msg_1', at, '{}')['webhook-signature']).toBe(`v1,${expected}`)
  })
})

describe('the webhook sender', () => {
  let standins: ChannelStandins
  beforeAll(async () => {
    standins = await startChannelStandins()
  })
  afterAll(() => standins.close())

  const http = () => createOutboundHttp({ allowPrivateNetwork: true, timeoutMs: 5_000 })

  it('delivers a payload the receiver verifies, with the event as webhook-id', async () => {
    const secret = newWebhookSecret()
    standins.setSecret('ok', secret)
    const message = testChannelMessage('evt_1', new Date(), 'https://vw.example')
    const outcome = await webhookSender.send({ settings: { url: `${standins.url}/hooks/ok`, secret }, message, thread: null, http: http() })
    expect(outcome).toMatchObject({ ok: true, statusCode: 204 })
    expect(standins.webhooks.at(-1)).toMatchObject({ name: 'ok', id: 'msg_evt_1', verified: true, body: { version: 1, type: 'test', id: 'evt_1' } })
  })

  it('a wrong secret fails verification at the receiver', async () => {
    standins.setSecret('other', newWebhookSecret())
    const outcome = await webhookSender.send({ settings: { url: `${standins.url}/hooks/other`, secret: newWebhookSecret() }, message: testChannelMessage('evt_2', new Date(), 'https://vw.example'), thread: null, http: http() })
    expect(outcome.ok).toBe(false)
    expect(standins.webhooks.at(-1)).toMatchObject({ verified: false })
  })

  it('retries a 500 (honouring Retry-After), breaks on 410, fails a 400 alone', async () => {
    const secret = newWebhookSecret()
    standins.setSecret('flaky', secret)
    const send = () => webhookSender.send({ settings: { url: `${standins.url}/hooks/flaky`, secret }, message: testChannelMessage('evt_3', new Date(), 'https://vw.example'), thread: null, http: http() })
    standins.fail('/hooks/flaky', 503, 1, { 'retry-after': '7' })
    expect(await send()).toMatchObject({ ok: false, retry: true, statusCode: 503, retryAfterMs: 7_000 })
    standins.fail('/hooks/flaky', 400)
    expect(await send()).toMatchObject({ ok: false, retry: false, broken: false, statusCode: 400 })
    standins.fail('/hooks/flaky', 410)
    expect(await send()).toMatchObject({ ok: false, retry: false, broken: true, statusCode: 410 })
    expect(await send()).toMatchObject({ ok: true })
  })

  it('refuses a private address at send time without connecting', async () => {
    const before = standins.calls.length
    const guarded = createOutboundHttp({ allowPrivateNetwork: false })
    const outcome = await webhookSender.send({ settings: { url: `https://127.0.0.1:${standins.port}/hooks/ok`, secret: newWebhookSecret() }, message: testChannelMessage('evt_4', new Date(), 'https://vw.example'), thread: null, http: guarded })
    expect(outcome).toMatchObject({ ok: false, retry: false, broken: true })
    expect(!outcome.ok && outcome.reason).toMatch(/not a public address/)
    expect(standins.calls.length).toBe(before)
  })
})
