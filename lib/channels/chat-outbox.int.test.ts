// The chat kinds through the channel outbox on a real database, against the chat stand-in: an
// incident opened → updated → resolved becomes ONE Slack message edited twice with two thread
// replies (one Discord message edited twice, one Google Chat thread, three Teams cards); a revoked
// Slack token marks the destination broken and tells its owner once; a 429 is retried after
// Retry-After and then delivered once; a post whose answer was lost is found on the retry, not
// posted twice (slack-repost-guard.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as channelOutbox from '@/lib/data/channel-outbox'
import { createDestination } from '@/lib/data/destinations'
import { db } from '@/lib/db/client'
import { createTestUser, TEST_PASSWORD } from '@/lib/testing/accounts'
import { SLACK_CHANNELS, SLACK_TEAM, startFakeChat, type FakeChat } from '@/lib/testing/fake-chat'
import { discordSender } from './discord'
import { googleChatSender } from './google-chat'
import { runNow } from '@/lib/accounts/background'
import { deleteAccount } from '@/lib/accounts/settings'
import { addDestination, removeDestination } from './manage'
import { createOutboundHttp } from './outbound-http'
import { runChannelOutbox, type ChannelDeps } from './outbox'
import { openSettings, sealSettings } from './sealed-settings'
import { createSlackSender, revokeSlackToken } from './slack'
import { teamsSender } from './teams'

let chat: FakeChat
let clock = new Date('2030-06-01T10:00:00Z')
let seq = 0
const brokenMails: { email: string; reason: string }[] = []
const http = createOutboundHttp({ allowPrivateNetwork: true, timeoutMs: 5_000 })

function deps(): ChannelDeps {
  return {
    data: channelOutbox,
    senders: { slack: createSlackSender({ apiUrl: chat.slackApiUrl }), discord: discordSender, google_chat: googleChatSender, teams: teamsSender },
    openSettings,
    http,
    appUrl: 'https://vw.example',
    now: () => clock,
    notifyBroken: async (owner, reason) => {
      brokenMails.push({ email: owner.email, reason })
    },
  }
}
const run = () => runChannelOutbox(deps(), { watchLimits: { free: 10, paid: 200 }, timeBudgetMs: 30_000, concurrency: 4 })
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms))

async function watcher(options: { pro?: boolean } = {}) {
  seq++
  const user = await createTestUser(`chat${seq}@example.com`)
  const vendor = await db.vendor.create({ data: { slug: `chat-v-${seq}`, name: `Vendor ${seq}`, statusPageUrl: `https://status.cv${seq}.example` } })
  await db.watchlistEntry.create({ data: { userId: user.id, vendorId: vendor.id } })
  if (options.pro) await db.subscription.create({ data: { userId: user.id, stripeSubscriptionId: `sub_c${seq}`, stripeCustomerId: `cus_c${seq}`, status: 'active', lastEventAt: clock } })
  return { user, vendor }
}

async function addSlack(userId: string, token: string) {
  const channel = SLACK_CHANNELS[0]
  const created = await createDestination({
    userId,
    kind: 'slack',
    name: '#ops',
    sealedSettings: sealSettings('slack', { botToken: token, channelId: channel?.id ?? '', channelName: channel?.name ?? '', teamId: SLACK_TEAM.id, teamName: SLACK_TEAM.name }),
    maskedTarget: '#ops in Acme Ops',
  })
  if (!created.ok) throw new Error('slack destination not created')
  return created.id
}

async function incidentEvent(vendorId: string, kind: 'incident_opened' | 'incident_updated' | 'incident_resolved', incidentId?: string) {
  seq++
  const incident = incidentId
    ? await db.incident.update({ where: { id: incidentId }, data: kind === 'incident_resolved' ? { status: 'resolved', resolvedAt: clock } : { status: 'identified' } })
    : await db.incident.create({ data: { vendorId, externalId: `cinc-${seq}`, title: `Elevated errors ${seq}`, status: 'investigating', impact: 'major', startedAt: clock, firstSeenAt: clock } })
  await db.incidentUpdate.create({ data: { incidentId: incident.id, externalId: `cu-${seq}`, status: incident.status, body: `Vendor words ${seq}`, bodyHash: `ch${seq}`, publishedAt: clock } })
  await db.changeEvent.create({ data: { vendorId, kind, dedupeKey: `ce-${seq}`, incidentId: incident.id, occurredAt: clock, createdAt: clock, data: { updateExternalId: `cu-${seq}` } } })
  return incident.id
}

/** Opened, updated and resolved, one outbox run after each (overlapping runs are core's test). */
async function incidentLifecycle(vendorId: string) {
  const id = await incidentEvent(vendorId, 'incident_opened')
  await run()
  tick(60_000)
  await incidentEvent(vendorId, 'incident_updated', id)
  await run()
  tick(60_000)
  await incidentEvent(vendorId, 'incident_resolved', id)
  await run()
  return id
}

beforeAll(async () => {
  // Slack's clock is the test's, so a retry's `oldest` and the stand-in's ts compare as on Slack.
  chat = await startFakeChat({ now: () => clock })
})
afterAll(() => chat.close())
beforeEach(async () => {
  chat.reset()
  brokenMails.length = 0
  // Events of earlier tests are no one's news here.
  await db.$executeRaw`INSERT INTO "ChannelFanout" ("eventId", "fannedOutAt") SELECT id, ${clock} FROM "ChangeEvent" ON CONFLICT DO NOTHING`
})

describe('chat destinations through the outbox', () => {
  it('Slack: one message per incident, edited twice, with two thread replies; the thread remembers its ts', async () => {
    const { user, vendor } = await watcher()
    const destinationId = await addSlack(user.id, chat.issueSlackToken())
    const incidentId = await incidentLifecycle(vendor.id)
    // Nothing is sent twice by a later run.
    tick(3_600_000)
    expect(await run()).toMatchObject({ sent: 0, retrying: 0 })

    expect(chat.state.slack.messages).toHaveLength(1)
    const message = chat.state.slack.messages[0]
    expect(message?.edits).toHaveLength(2)
    expect(message?.replies).toHaveLength(2)
    expect(message?.text).toMatch(/^Resolved: Vendor \d+ — Elevated errors \d+ \(Resolved\)$/)
    expect(JSON.stringify(message?.blocks)).toContain(`https://vw.example/vendors/${vendor.slug}/incidents/${incidentId}`)
    const thread = await db.channelThread.findUniqueOrThrow({ where: { destinationId_subjectKey: { destinationId, subjectKey: `incident:${incidentId}` } } })
    expect(thread.externalId).toBe(message?.ts)
    expect(await db.channelDelivery.count({ where: { destinationId, status: 'sent' } })).toBe(3)
  })

  it('a revoked Slack token marks the destination broken, tells the owner once and sends nothing more', async () => {
    const { user, vendor } = await watcher()
    const token = chat.issueSlackToken()
    const destinationId = await addSlack(user.id, token)
    chat.control({ action: 'revoke-slack-token', token })
    const incidentId = await incidentEvent(vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ broken: 1, sent: 0 })
    expect(await db.destination.findUniqueOrThrow({ where: { id: destinationId } })).toMatchObject({ health: 'broken', brokenReason: 'token_revoked' })
    expect(brokenMails).toEqual([{ email: user.email, reason: 'token_revoked' }])

    await incidentEvent(vendor.id, 'incident_resolved', incidentId)
    tick(60_000)
    await run()
    expect(brokenMails).toHaveLength(1)
    // Only the one call that learnt the token was revoked reached Slack.
    expect(chat.state.slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1)
    expect(chat.state.slack.messages).toHaveLength(0)
  })

  it('Slack 429: held back for Retry-After, then delivered exactly once', async () => {
    const { user, vendor } = await watcher()
    await addSlack(user.id, chat.issueSlackToken())
    chat.control({ action: 'rate-limit-once', service: 'slack', retryAfterSeconds: 120 })
    await incidentEvent(vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ retrying: 1, sent: 0 })
    tick(60_000)
    expect(await run()).toMatchObject({ sent: 0 }) // Retry-After (120 s) not over yet
    tick(61_000)
    expect(await run()).toMatchObject({ sent: 1 })
    expect(chat.state.slack.messages).toHaveLength(1)
    // The retry looked for an earlier post (none: the 429 posted nothing) before posting.
    expect(chat.state.slack.calls.map((c) => [c.method, c.status])).toEqual([
      ['chat.postMessage', 429],
      ['conversations.history', 200],
      ['chat.postMessage', 200],
    ])
  })

  it('Slack answer lost once: the retry finds the post by its metadata, so the channel gets exactly one message', async () => {
    const { user, vendor } = await watcher()
    const destinationId = await addSlack(user.id, chat.issueSlackToken())
    // Slack posts the message, and its answer (with the ts) never reaches us.
    chat.control({ action: 'lose-answer-once', service: 'slack', method: 'chat.postMessage' })
    const incidentId = await incidentEvent(vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ retrying: 1, sent: 0 })
    expect(chat.state.slack.messages).toHaveLength(1)
    tick(60_000)
    expect(await run()).toMatchObject({ sent: 1, retrying: 0 })
    expect(chat.state.slack.messages).toHaveLength(1)
    const [message] = chat.state.slack.messages
    expect(message?.metadata).toMatchObject({ event_type: 'vendorwatch_alert_posted', event_payload: { subject: `incident:${incidentId}` } })
    // The outbox now edits the message it did not hear about.
    const thread = await db.channelThread.findUniqueOrThrow({ where: { destinationId_subjectKey: { destinationId, subjectKey: `incident:${incidentId}` } } })
    expect(thread.externalId).toBe(message?.ts)

    // The same for a thread reply: the update's reply is posted, its answer lost; the retry edits
    // again (harmless) and finds the reply instead of posting a second one.
    tick(60_000)
    chat.control({ action: 'lose-answer-once', service: 'slack', method: 'chat.postMessage' })
    await incidentEvent(vendor.id, 'incident_updated', incidentId)
    expect(await run()).toMatchObject({ retrying: 1 })
    tick(60_000)
    expect(await run()).toMatchObject({ sent: 1, retrying: 0 })
    expect(chat.state.slack.messages).toHaveLength(1)
    expect(message?.replies).toHaveLength(1)
    expect(message?.edits).toHaveLength(2)
    expect(await db.channelDelivery.count({ where: { destinationId, status: 'sent' } })).toBe(2)
  })

  it('Slack: two destinations posting one incident to one channel each keep their own message (the tag names the delivery)', async () => {
    const { user, vendor } = await watcher()
    const other = await createTestUser(`chat-other${seq}@example.com`)
    await db.watchlistEntry.create({ data: { userId: other.id, vendorId: vendor.id } })
    await addSlack(user.id, chat.issueSlackToken())
    await addSlack(other.id, chat.issueSlackToken())
    chat.control({ action: 'lose-answer-once', service: 'slack', method: 'chat.postMessage' })
    await incidentEvent(vendor.id, 'incident_opened')
    expect(await run()).toMatchObject({ retrying: 1, sent: 1 })
    tick(60_000)
    expect(await run()).toMatchObject({ sent: 1 })
    // One message per destination: the retry neither reposted nor took the other destination's post of the same incident.
    expect(chat.state.slack.messages).toHaveLength(2)
    const threads = await db.channelThread.findMany({ where: { destination: { userId: { in: [user.id, other.id] } } } })
    expect(threads.map((t) => t.externalId).sort()).toEqual(chat.state.slack.messages.map((m) => m.ts).sort())
  })

  it('deleting a Slack destination revokes its bot token with Slack (auth.revoke), after the delete', async () => {
    const { user } = await watcher()
    const token = chat.issueSlackToken()
    const destinationId = await addSlack(user.id, token)
    const revoke = (t: string) => revokeSlackToken(t, { apiUrl: chat.slackApiUrl })
    // The revoke is deferred: the destination is gone before Slack is even asked.
    const deferred: (() => Promise<void>)[] = []
    expect(await removeDestination(user.id, destinationId, { defer: (task) => void deferred.push(task), revoke })).toBe(true)
    expect(await db.destination.count({ where: { id: destinationId } })).toBe(0)
    expect(chat.state.slack.calls).toEqual([])
    for (const task of deferred) await task()
    expect(chat.state.slack.calls).toEqual([{ method: 'auth.revoke', status: 200 }])
    expect(chat.state.slack.revokedTokens).toEqual([token])
    // A second delete does nothing.
    expect(await removeDestination(user.id, destinationId, { defer: runNow, revoke })).toBe(false)
    expect(chat.state.slack.calls).toHaveLength(1)
  })

  it('a bot token another destination still uses (one install, two channels) is revoked only with the last of them', async () => {
    const { user } = await watcher({ pro: true })
    const token = chat.issueSlackToken()
    const first = await addSlack(user.id, token)
    const second = await addSlack(user.id, token)
    const revoke = (t: string) => revokeSlackToken(t, { apiUrl: chat.slackApiUrl })
    expect(await removeDestination(user.id, first, { defer: runNow, revoke })).toBe(true)
    expect(chat.state.slack.calls).toEqual([])
    expect(await removeDestination(user.id, second, { defer: runNow, revoke })).toBe(true)
    expect(chat.state.slack.revokedTokens).toEqual([token])
  })

  it('a Slack that fails the revoke never undoes or blocks the delete', async () => {
    const { user } = await watcher()
    const other = await createTestUser(`chat-stranger${seq}@example.com`)
    const token = chat.issueSlackToken()
    const destinationId = await addSlack(user.id, token)
    const revoke = (t: string) => revokeSlackToken(t, { apiUrl: chat.slackApiUrl })
    expect(await removeDestination(other.id, destinationId, { defer: runNow, revoke })).toBe(false)
    expect(await db.destination.count({ where: { id: destinationId } })).toBe(1)
    chat.control({ action: 'fail-once', service: 'slack', status: 500, method: 'auth.revoke' })
    expect(await removeDestination(user.id, destinationId, { defer: runNow, revoke })).toBe(true)
    expect(await db.destination.count({ where: { id: destinationId } })).toBe(0)
    expect(chat.state.slack.calls).toEqual([{ method: 'auth.revoke', status: 500 }])
    expect(chat.state.slack.revokedTokens).toEqual([])
  })

  it('deleting an account revokes its Slack bot tokens (auth.revoke) after the rows are gone, except one another account still holds', async () => {
    const { user } = await watcher({ pro: true })
    const other = await createTestUser(`chat-colleague${seq}@example.com`)
    const own = chat.issueSlackToken()
    const shared = chat.issueSlackToken()
    await addSlack(user.id, own)
    await addSlack(user.id, own)
    await addSlack(user.id, shared)
    await addSlack(other.id, shared)
    const revoke = (t: string) => revokeSlackToken(t, { apiUrl: chat.slackApiUrl })
    const deferred: (() => Promise<void>)[] = []
    expect(await deleteAccount(user.id, 'wrong password', clock, { defer: (task) => void deferred.push(task), revoke })).toBe('wrong_password')
    expect(deferred).toEqual([])
    expect(await deleteAccount(user.id, TEST_PASSWORD, clock, { defer: (task) => void deferred.push(task), revoke })).toBe('ok')
    // The revoke is deferred: the account and its destinations are gone before Slack is asked.
    expect(await db.destination.count({ where: { userId: user.id } })).toBe(0)
    expect(chat.state.slack.calls).toEqual([])
    for (const task of deferred) await task()
    // The token of two of its destinations is revoked once; the colleague's shared install keeps posting.
    expect(chat.state.slack.calls).toEqual([{ method: 'auth.revoke', status: 200 }])
    expect(chat.state.slack.revokedTokens).toEqual([own])
    expect(await db.destination.count({ where: { userId: other.id } })).toBe(1)
  })

  it('a Slack that fails the revoke at account deletion never blocks or undoes it', async () => {
    const { user } = await watcher()
    const token = chat.issueSlackToken()
    await addSlack(user.id, token)
    chat.control({ action: 'fail-once', service: 'slack', status: 500, method: 'auth.revoke' })
    const revoke = (t: string) => revokeSlackToken(t, { apiUrl: chat.slackApiUrl })
    expect(await deleteAccount(user.id, TEST_PASSWORD, clock, { defer: runNow, revoke })).toBe('ok')
    expect(await db.user.count({ where: { id: user.id } })).toBe(0)
    expect(chat.state.slack.calls).toEqual([{ method: 'auth.revoke', status: 500 }])
    expect(chat.state.slack.revokedTokens).toEqual([])
  })

  it('Discord edits one message, Google Chat keeps one thread, Teams posts a card per change', async () => {
    const { user, vendor } = await watcher({ pro: true })
    const options = { allowPrivateNetwork: true, chatWebhookTestBaseUrl: `${chat.url}/` }
    for (const [kind, target] of [
      ['discord', chat.discordWebhookUrl()],
      ['google_chat', chat.googleChatWebhookUrl()],
      ['teams', chat.teamsWebhookUrl()],
    ] as const) {
      const added = await addDestination(user.id, { kind, name: kind, target }, options)
      expect(added).toMatchObject({ ok: true })
    }
    await incidentLifecycle(vendor.id)
    expect(chat.state.discord.messages).toHaveLength(1)
    expect(chat.state.discord.messages[0]?.edits).toHaveLength(2)
    expect(chat.state.googleChat.threads).toHaveLength(1)
    expect(chat.state.googleChat.threads[0]?.messages).toHaveLength(3)
    expect(chat.state.teams.cards).toHaveLength(3)
  })

  it('refuses a chat webhook URL of the wrong shape at save time', async () => {
    const { user } = await watcher({ pro: true })
    expect(await addDestination(user.id, { kind: 'teams', name: 'old', target: 'https://acme.webhook.office.com/webhookb2/x/IncomingWebhook/y/z' }, { allowPrivateNetwork: false })).toMatchObject({ ok: false, field: 'target', error: expect.stringMatching(/retired/) })
    expect(await addDestination(user.id, { kind: 'discord', name: 'stand-in', target: chat.discordWebhookUrl() }, { allowPrivateNetwork: true })).toMatchObject({ ok: false, field: 'target' })
    expect(await db.destination.count({ where: { userId: user.id } })).toBe(0)
  })
})
