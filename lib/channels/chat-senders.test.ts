// The chat senders against the local stand-ins (lib/testing/fake-chat.ts): the real Slack Web API
// client and the real HTTP requests, one incident opened → updated → resolved per kind, and the
// failures that must retry (429) or mark the destination broken (revoked token, deleted webhook).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { incidentMessage } from '@/lib/testing/channel-messages'
import { SLACK_CHANNELS, SLACK_TEAM, startFakeChat, type FakeChat } from '@/lib/testing/fake-chat'
import { discordSender } from './discord'
import { googleChatSender } from './google-chat'
import { createOutboundHttp } from './outbound-http'
import { createSlackSender } from './slack'
import { teamsSender } from './teams'
import type { ChannelThreadState, SendOutcome } from './types'

// The app's own guarded HTTP, with the tests-only permission to reach the loopback stand-in.
const http = createOutboundHttp({ allowPrivateNetwork: true })
let chat: FakeChat
beforeAll(async () => {
  chat = await startFakeChat()
})
afterAll(async () => chat.close())
beforeEach(() => chat.reset())

const STAGES = ['opened', 'updated', 'resolved'] as const
const channel = SLACK_CHANNELS[0]?.id ?? ''

function slackSettings(token: string, channelId = channel) {
  return { botToken: token, channelId, channelName: 'ops', teamId: SLACK_TEAM.id, teamName: SLACK_TEAM.name }
}

/** Sends the three stages as the outbox would: keeping the thread the first send returned. */
async function runIncident(send: (stage: (typeof STAGES)[number], thread: ChannelThreadState | null) => Promise<SendOutcome>) {
  let thread: ChannelThreadState | null = null
  const outcomes: SendOutcome[] = []
  for (const stage of STAGES) {
    const outcome = await send(stage, thread)
    outcomes.push(outcome)
    if (outcome.ok && outcome.thread) thread = outcome.thread
  }
  return { outcomes, thread }
}

describe('Slack', () => {
  const slack = () => createSlackSender({ apiUrl: chat.slackApiUrl })

  it('posts one message per incident, edits it on every change and replies in its thread', async () => {
    const token = chat.issueSlackToken()
    const { outcomes } = await runIncident((stage, thread) => slack().send({ settings: slackSettings(token), message: incidentMessage(stage), thread, http }))
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(chat.state.slack.messages).toHaveLength(1)
    const message = chat.state.slack.messages[0]
    expect(message?.edits).toHaveLength(2)
    expect(message?.replies).toHaveLength(2)
    expect(message?.text).toContain('Resolved: GitHub')
    expect(JSON.stringify(message?.blocks)).toContain(':white_check_mark: Resolved')
    expect(message?.replies.map((r) => r.text)).toEqual([expect.stringContaining('Identified'), expect.stringContaining('Resolved')])
    expect(outcomes[0]).toMatchObject({ ok: true, thread: { externalId: message?.ts, data: { channel } } })
  })

  it('a retry of a token that may not read history (installed before the scope) posts as before instead of failing', async () => {
    const token = chat.issueSlackToken()
    chat.control({ action: 'fail-once', service: 'slack', status: 200, method: 'conversations.history', error: 'missing_scope' })
    const delivery = { key: 'delivery-1', since: new Date(), retry: true }
    const outcome = await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http, delivery })
    expect(outcome).toMatchObject({ ok: true, thread: { externalId: chat.state.slack.messages[0]?.ts } })
    expect(chat.state.slack.calls.map((c) => [c.method, c.error ?? null])).toEqual([
      ['conversations.history', 'missing_scope'],
      ['chat.postMessage', null],
    ])
  })

  it('a first attempt does not read history; its post is tagged with the delivery', async () => {
    const token = chat.issueSlackToken()
    const delivery = { key: 'delivery-2', since: new Date(), retry: false }
    expect(await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http, delivery })).toMatchObject({ ok: true })
    expect(chat.state.slack.calls.map((c) => c.method)).toEqual(['chat.postMessage'])
    expect(chat.state.slack.messages[0]?.metadata?.event_payload).toMatchObject({ delivery: 'delivery-2' })
  })

  it('marks the destination broken when the token is revoked or the channel archived', async () => {
    const token = chat.issueSlackToken()
    chat.control({ action: 'revoke-slack-token', token })
    expect(await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http })).toEqual({ ok: false, retry: false, broken: true, reason: 'token_revoked', statusCode: 200 })
    const other = chat.issueSlackToken()
    chat.control({ action: 'archive-slack-channel', channel })
    expect(await slack().send({ settings: slackSettings(other), message: incidentMessage('opened'), thread: null, http })).toMatchObject({ broken: true, reason: 'is_archived' })
    expect(await slack().send({ settings: slackSettings(other, 'C0NOPE'), message: incidentMessage('opened'), thread: null, http })).toMatchObject({ broken: true, reason: 'channel_not_found' })
    expect(await slack().send({ settings: slackSettings('xoxb-never-issued'), message: incidentMessage('opened'), thread: null, http })).toMatchObject({ broken: true, reason: 'invalid_auth' })
    expect(chat.state.slack.messages).toHaveLength(0)
  })

  it('turns a 429 into a retry after Slack\'s Retry-After, without waiting inside the client', async () => {
    const token = chat.issueSlackToken()
    chat.control({ action: 'rate-limit-once', service: 'slack', retryAfterSeconds: 30 })
    const started = Date.now()
    const limited = await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http })
    expect(limited).toMatchObject({ ok: false, retry: true, retryAfterMs: 30_000, statusCode: 429 })
    // The client did not sleep 30 s: the outbox holds the destination back instead.
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(chat.state.slack.messages).toHaveLength(0)
    const retried = await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http })
    expect(retried.ok).toBe(true)
    expect(chat.state.slack.messages).toHaveLength(1)
  })

  it('a retry after a failed reply edits the same message again and replies once', async () => {
    const token = chat.issueSlackToken()
    const first = await slack().send({ settings: slackSettings(token), message: incidentMessage('opened'), thread: null, http })
    const thread = first.ok ? (first.thread ?? null) : null
    // chat.update answers, the thread reply is rate limited: the outbox retries the whole send.
    chat.control({ action: 'rate-limit-once', service: 'slack', method: 'chat.postMessage', retryAfterSeconds: 1 })
    const failed = await slack().send({ settings: slackSettings(token), message: incidentMessage('updated'), thread, http })
    expect(failed).toMatchObject({ ok: false, retry: true, retryAfterMs: 1000 })
    expect(chat.state.slack.messages[0]?.edits).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.replies).toHaveLength(0)
    const again = await slack().send({ settings: slackSettings(token), message: incidentMessage('updated'), thread, http })
    expect(again.ok).toBe(true)
    // The edit is repeated with the same content (harmless); the reply is posted once.
    expect(chat.state.slack.messages).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.replies).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.text).toContain('(Identified)')
  })

  it('posts a new message when ours was deleted, and a test never starts a thread', async () => {
    const token = chat.issueSlackToken()
    const gone = await slack().send({ settings: slackSettings(token), message: incidentMessage('updated'), thread: { externalId: '1.000001', data: { channel } }, http })
    expect(gone).toMatchObject({ ok: true, thread: { externalId: chat.state.slack.messages[0]?.ts } })
    const test = await slack().send({ settings: slackSettings(token), message: incidentMessage('opened', { test: true }), thread: null, http })
    expect(test.ok && test.thread).toBeFalsy()
    expect(chat.state.slack.messages).toHaveLength(2)
  })
})

describe('Discord', () => {
  it('posts with wait=true, keeps the id and edits that message on every change', async () => {
    const webhookUrl = chat.discordWebhookUrl()
    const { outcomes } = await runIncident((stage, thread) => discordSender.send({ settings: { webhookUrl }, message: incidentMessage(stage), thread, http }))
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(chat.state.discord.messages).toHaveLength(1)
    expect(chat.state.discord.messages[0]?.edits).toHaveLength(2)
    expect(chat.state.discord.calls.map((c) => c.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(outcomes[0]).toMatchObject({ thread: { externalId: chat.state.discord.messages[0]?.id } })
  })

  it('retries after retry_after on 429, breaks on a deleted webhook, reposts a deleted message', async () => {
    const webhookUrl = chat.discordWebhookUrl('998877665544332211')
    chat.control({ action: 'rate-limit-once', service: 'discord', retryAfterSeconds: 2.5 })
    expect(await discordSender.send({ settings: { webhookUrl }, message: incidentMessage('opened'), thread: null, http })).toMatchObject({ retry: true, retryAfterMs: 2500, statusCode: 429 })
    const reposted = await discordSender.send({ settings: { webhookUrl }, message: incidentMessage('updated'), thread: { externalId: '42' }, http })
    expect(reposted).toMatchObject({ ok: true, thread: { externalId: chat.state.discord.messages[0]?.id } })
    chat.control({ action: 'delete-webhook', hook: `998877665544332211/fake-discord-token_abcdefghijklmnop` })
    expect(await discordSender.send({ settings: { webhookUrl }, message: incidentMessage('opened'), thread: null, http })).toMatchObject({ ok: false, broken: true, statusCode: 404, reason: '404 Unknown Webhook' })
  })
})

describe('Google Chat', () => {
  it('keeps one thread per incident: the first message starts it, the changes reply in it', async () => {
    const webhookUrl = chat.googleChatWebhookUrl()
    const { outcomes } = await runIncident((stage, thread) => googleChatSender.send({ settings: { webhookUrl }, message: incidentMessage(stage), thread, http }))
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(chat.state.googleChat.threads).toHaveLength(1)
    expect(chat.state.googleChat.threads[0]?.messages).toHaveLength(3)
    expect(outcomes[0]).toMatchObject({ thread: { externalId: 'vendorwatch-incident-inc_123', data: { threadName: chat.state.googleChat.threads[0]?.name } } })
  })

  it('breaks when the space or webhook is gone', async () => {
    chat.control({ action: 'delete-webhook', hook: 'AAAAfakespace' })
    expect(await googleChatSender.send({ settings: { webhookUrl: chat.googleChatWebhookUrl() }, message: incidentMessage('opened'), thread: null, http })).toMatchObject({ broken: true, statusCode: 404 })
  })
})

describe('Teams', () => {
  it('posts a card per change and keeps no thread (workflows cannot edit)', async () => {
    const webhookUrl = chat.teamsWebhookUrl()
    const { outcomes, thread } = await runIncident((stage, t) => teamsSender.send({ settings: { webhookUrl }, message: incidentMessage(stage), thread: t, http }))
    expect(outcomes.every((o) => o.ok && o.statusCode === 202)).toBe(true)
    expect(thread).toBeNull()
    expect(chat.state.teams.cards).toHaveLength(3)
  })

  it('retries a 429 and breaks on a deleted workflow', async () => {
    chat.control({ action: 'rate-limit-once', service: 'teams', retryAfterSeconds: 4 })
    expect(await teamsSender.send({ settings: { webhookUrl: chat.teamsWebhookUrl() }, message: incidentMessage('opened'), thread: null, http })).toMatchObject({ retry: true, retryAfterMs: 4000 })
    chat.control({ action: 'delete-webhook', hook: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
    expect(await teamsSender.send({ settings: { webhookUrl: chat.teamsWebhookUrl() }, message: incidentMessage('opened'), thread: null, http })).toMatchObject({ broken: true, statusCode: 404 })
  })
})
